// Which value each descriptive field of an asset gets, and the file facts an upload sets. Pure.
import { basename } from 'node:path';
import type { MediaAsset } from './media-asset.entity.js';
import type { ProcessedImage } from './processing/image-processor.js';
import type { ReceivedFile } from './upload/hashing-disk-storage.js';
import type { StoredUpload } from './media-file-store.js';

export const DESCRIPTIVE_FIELDS = ['title', 'caption', 'credit', 'creator', 'copyright', 'source', 'altText', 'usageTerms'] as const;
export type DescriptiveField = (typeof DESCRIPTIVE_FIELDS)[number];
export type Descriptive = Record<DescriptiveField, string | null>;
type DescriptiveSource = Partial<Record<DescriptiveField, string | null | undefined>>;

/**
 * Each field from the first source that has a value for it. Sources in order of precedence:
 * for an upload (form fields, embedded metadata); for a placeholder's file (form fields, the
 * placeholder's own words, embedded metadata).
 */
export function describe(...sources: DescriptiveSource[]): Descriptive {
  const out = {} as Descriptive;
  for (const field of DESCRIPTIVE_FIELDS) {
    out[field] = null;
    for (const source of sources) {
      const value = source[field]?.trim();
      if (value) {
        out[field] = value;
        break;
      }
    }
  }
  return out;
}

/** The columns an accepted file sets. */
export function fileFacts(file: ReceivedFile, image: ProcessedImage, stored: StoredUpload): Partial<MediaAsset> {
  return {
    status: 'ready',
    storageKey: stored.storageKey,
    renditions: stored.renditions,
    originalFilename: displayFilename(file.originalname),
    mime: image.mime,
    bytes: file.size,
    width: image.width,
    height: image.height,
    sha256: file.sha256,
    capturedAt: image.embedded.capturedAt,
  };
}

// Control characters, and the characters that would break a Content-Disposition header.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f"\\]/g;

/** The client's file name, for display and downloads only: no folders, no control characters. */
export function displayFilename(name: string | undefined): string | null {
  const cleaned = basename((name ?? '').replace(/\\/g, '/'))
    .replace(UNSAFE_IN_NAME, '')
    .trim()
    .slice(0, 255);
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : null;
}
