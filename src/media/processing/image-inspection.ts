// First look at an uploaded file: its type from its bytes (never its name or declared type), its
// size in pixels from its header (before anything is decoded, so a decompression bomb is refused
// cheaply), and the metadata blocks it carries.
import { fileTypeFromFile } from 'file-type';
import type { Metadata } from 'sharp';
import { sharp } from './sharp-loader.js';
import type { RenditionFormat } from '../media-asset.entity.js';
import { ACCEPTED_TYPES, TooManyPixelsProblem, UnreadableImageProblem, UnsupportedMediaTypeProblem } from '../media.problems.js';

export type AcceptedType = (typeof ACCEPTED_TYPES)[number];

export interface InspectedImage {
  mime: AcceptedType;
  format: RenditionFormat;
  /** As displayed, after EXIF orientation. */
  width: number;
  height: number;
  metadata: Pick<Metadata, 'iptc' | 'xmp' | 'exif'>;
}

const FORMAT_OF: Readonly<Record<AcceptedType, RenditionFormat>> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
};

const isAccepted = (mime: string): mime is AcceptedType => (ACCEPTED_TYPES as readonly string[]).includes(mime);

export async function inspectImage(path: string, maxPixels: number): Promise<InspectedImage> {
  const type = await fileTypeFromFile(path);
  if (!type || !isAccepted(type.mime)) throw new UnsupportedMediaTypeProblem(type?.mime ?? null);
  let meta: Metadata;
  try {
    meta = await sharp()(path, { limitInputPixels: false }).metadata();
  } catch {
    throw new UnreadableImageProblem(type.mime);
  }
  const frameHeight = meta.pageHeight ?? meta.height;
  if (!meta.width || !frameHeight) throw new UnreadableImageProblem(type.mime);
  if (meta.width * frameHeight > maxPixels) throw new TooManyPixelsProblem(meta.width, frameHeight, maxPixels);
  const swapped = (meta.orientation ?? 1) >= 5;
  return {
    mime: type.mime,
    format: FORMAT_OF[type.mime],
    width: swapped ? frameHeight : meta.width,
    height: swapped ? meta.width : frameHeight,
    metadata: { iptc: meta.iptc, xmp: meta.xmp, exif: meta.exif },
  };
}
