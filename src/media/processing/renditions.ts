// Renditions with sharp. The picture is decoded once (auto-rotated, shrunk on load to what the
// largest rendition needs) and every size and format is cut from that, which keeps a 12-megapixel
// photo well under a second. sharp writes no metadata unless asked, so renditions carry no GPS,
// camera or IPTC data.
import { createHash } from 'node:crypto';
import type { Sharp } from 'sharp';
import { sharp } from './sharp-loader.js';
import type { FocalPoint, RenditionFormat } from '../media-asset.entity.js';
import { squareAround } from './focal-crop.js';

export interface RenditionSpec {
  name: 'thumb' | 'medium' | 'large';
  width: number;
  /** Square crops centre on the focal point; the others keep the whole picture. */
  square: boolean;
}

export const RENDITION_SPECS: readonly RenditionSpec[] = [
  { name: 'thumb', width: 320, square: true },
  { name: 'medium', width: 800, square: false },
  { name: 'large', width: 1600, square: false },
];

const LARGEST = Math.max(...RENDITION_SPECS.map((s) => s.width));
const SQUARE = Math.max(...RENDITION_SPECS.filter((s) => s.square).map((s) => s.width));
/** Whole-picture renditions are at most this many times as tall as wide (long infographics; WebP stops at 16,383 px). */
export const MAX_ASPECT = 4;
/** The decoded intermediate never holds more pixels than this, whatever the picture's shape. */
const BASE_MAX_PIXELS = 16_000_000;

export interface RenderedRendition {
  name: RenditionSpec['name'];
  format: RenditionFormat;
  width: number;
  height: number;
  data: Buffer;
  sha256: string;
}

export interface RenderOptions {
  /** The original's format; renditions come in WebP and in this one. */
  format: RenditionFormat;
  focalPoint: FocalPoint | null;
  maxPixels: number;
  /** Only these renditions (a focal point change re-renders just the thumb). */
  only?: ReadonlyArray<RenditionSpec['name']>;
}

export const FORMAT_MIME: Readonly<Record<RenditionFormat, string>> = {
  webp: 'image/webp',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  avif: 'image/avif',
};

/** `input` is a file path or the original's bytes. Never enlarges: a small photo yields small renditions. */
export async function renderRenditions(input: string | Buffer, options: RenderOptions): Promise<RenderedRendition[]> {
  const source = () => sharp()(input, { limitInputPixels: options.maxPixels, failOn: 'error', animated: false });
  const { autoOrient, width: rawWidth = 0, height: rawHeight = 0 } = await source().metadata();
  const size = baseSize(autoOrient?.width ?? rawWidth, autoOrient?.height ?? rawHeight);
  const base = await source()
    .autoOrient()
    .resize({ ...size, fit: 'fill' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height, channels } = base.info;
  const fromBase = () => sharp()(base.data, { raw: { width, height, channels } });
  const formats: RenditionFormat[] = options.format === 'webp' ? ['webp'] : ['webp', options.format];
  const specs = RENDITION_SPECS.filter((s) => !options.only || options.only.includes(s.name));
  const jobs = specs.flatMap((spec) => formats.map((format) => encode(shape(fromBase(), spec, width, height, options.focalPoint), spec, format)));
  return Promise.all(jobs);
}

/**
 * The size to decode to: enough for the large rendition and for a sharp square thumb (a panorama's
 * thumb needs more than its width-based large rendition), never more than the original, and
 * bounded in pixels so an extreme shape cannot blow up memory.
 */
export function baseSize(width: number, height: number): { width: number; height: number } {
  const forLarge = Math.min(LARGEST / width, (LARGEST * MAX_ASPECT) / height);
  const forThumb = SQUARE / Math.min(width, height);
  const byMemory = Math.sqrt(BASE_MAX_PIXELS / (width * height));
  const scale = Math.min(1, byMemory, Math.max(forLarge, forThumb));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function shape(image: Sharp, spec: RenditionSpec, width: number, height: number, focal: FocalPoint | null): Sharp {
  if (!spec.square) return image.resize({ width: spec.width, height: spec.width * MAX_ASPECT, fit: 'inside', withoutEnlargement: true });
  return image.extract(squareAround(width, height, focal)).resize({ width: spec.width, height: spec.width, withoutEnlargement: true });
}

async function encode(image: Sharp, spec: RenditionSpec, format: RenditionFormat): Promise<RenderedRendition> {
  const { data, info } = await withEncoder(image, format).toBuffer({ resolveWithObject: true });
  return { name: spec.name, format, width: info.width, height: info.height, data, sha256: createHash('sha256').update(data).digest('hex') };
}

function withEncoder(image: Sharp, format: RenditionFormat): Sharp {
  switch (format) {
    case 'webp':
      return image.webp({ quality: 80, effort: 2 });
    case 'jpeg':
      return image.jpeg({ quality: 82 });
    case 'png':
      return image.png({ compressionLevel: 7 });
    case 'gif':
      return image.gif();
    case 'avif':
      return image.avif({ quality: 55, effort: 2 });
  }
}
