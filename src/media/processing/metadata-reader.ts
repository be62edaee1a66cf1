// Reads the IPTC-IIM, XMP and EXIF blocks that sharp extracted (for every accepted format, where
// exifr alone cannot open WebP or GIF) with exifr's parsers, then picks the fields.
import { createRequire } from 'node:module';
import type Exifr from 'exifr';
import type { Metadata } from 'sharp';
import { NO_EMBEDDED_FIELDS, pickEmbeddedFields, type EmbeddedFields, type RawMetadata } from './embedded-metadata.js';
import { readIptcBlock } from './iptc-block.js';

// exifr (about 11 MB resident) loads with the first photo, like sharp (see sharp-loader.ts).
const requireCjs = createRequire(import.meta.url);
let loaded: typeof Exifr | undefined;
const exifrModule = (): typeof Exifr => (loaded ??= requireCjs('exifr') as typeof Exifr);

const RAW = { mergeOutput: false, reviveValues: false, translateValues: false } as const;

/** Embedded caption, credit and the rest. Unreadable metadata counts as none: it never refuses a photo. */
export async function readEmbeddedFields(meta: Pick<Metadata, 'iptc' | 'xmp' | 'exif'>): Promise<EmbeddedFields> {
  const exifr = exifrModule();
  const [iptc, xmp, tiff] = await Promise.all([
    meta.iptc ? quietly(exifr.sidecar(meta.iptc, { ...RAW, iptc: true }, 'iptc')) : undefined,
    meta.xmp ? quietly(exifr.sidecar(meta.xmp, { ...RAW, xmp: true }, 'xmp')) : undefined,
    meta.exif
      ? quietly(
          exifr.parse(tiffOf(meta.exif), {
            ...RAW,
            tiff: true,
            gps: false,
            ifd0: { pick: ['Artist', 'Copyright'] },
            exif: { pick: ['DateTimeOriginal', 'OffsetTimeOriginal'] },
          }),
        )
      : undefined,
  ]);
  const raw: RawMetadata = { iptc: asRecord(iptc), xmp: asRecord(xmp), tiff: asRecord(tiff) };
  if (!raw.iptc && !raw.xmp && !raw.tiff) return NO_EMBEDDED_FIELDS;
  return pickEmbeddedFields(raw, readIptcBlock(meta.iptc));
}

/** sharp gives JPEG EXIF with its APP1 "Exif\0\0" header; the TIFF structure follows it. */
function tiffOf(exif: Buffer): Buffer {
  return exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
}

async function quietly(read: Promise<unknown>): Promise<unknown> {
  try {
    return await read;
  } catch {
    return undefined;
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
