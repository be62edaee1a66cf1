// Writes and removes the files of an asset. Writes happen before the database commit and are
// undone if it fails; removals of replaced or deleted files happen after it, so a row never points
// at a missing file. A crash between the two can leave an orphan file, never a broken row.
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { MediaAsset, Rendition } from './media-asset.entity.js';
import type { RenderedRendition } from './processing/renditions.js';
import { FORMAT_MIME } from './processing/renditions.js';
import { MEDIA_STORAGE, readAll, type MediaStorage } from './storage/media-storage.js';
import { newFileToken, originalKey, renditionKey } from './storage/storage-keys.js';
import type { ReceivedFile } from './upload/hashing-disk-storage.js';

export interface StoredUpload {
  storageKey: string;
  renditions: Rendition[];
  /** Everything written, to undo. */
  keys: string[];
}

@Injectable()
export class MediaFileStore {
  private readonly logger = new Logger('MediaFiles');

  constructor(@Inject(MEDIA_STORAGE) private readonly storage: MediaStorage) {}

  /** The original (moved from its temp file) and its renditions, under a fresh token. */
  async storeUpload(assetId: string, file: ReceivedFile, mime: string, rendered: RenderedRendition[]): Promise<StoredUpload> {
    const token = newFileToken();
    const storageKey = originalKey(assetId, token);
    const written: string[] = [];
    try {
      await this.storage.putFile(storageKey, file.path, mime);
      written.push(storageKey);
      const renditions = await this.writeRenditions(assetId, token, rendered, written);
      return { storageKey, renditions, keys: written };
    } catch (e) {
      await this.discard(written);
      throw e;
    }
  }

  /** Renditions made again (e.g. thumbs for a new focal point), under a fresh token. */
  async storeRenditions(assetId: string, rendered: RenderedRendition[]): Promise<Rendition[]> {
    const written: string[] = [];
    try {
      return await this.writeRenditions(assetId, newFileToken(), rendered, written);
    } catch (e) {
      await this.discard(written);
      throw e;
    }
  }

  /** A stored file, whole (an original is bounded by MEDIA_MAX_BYTES), e.g. to render it again. */
  read(key: string): Promise<Buffer> {
    return readAll(this.storage, key);
  }

  /** Best effort: a file that cannot be removed now is logged (an orphan costs disk, not correctness). */
  async discard(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.storage.delete(keys);
    } catch (e) {
      this.logger.warn({ err: e, keys }, 'could not remove media files; they are orphaned');
    }
  }

  private async writeRenditions(assetId: string, token: string, rendered: RenderedRendition[], written: string[]): Promise<Rendition[]> {
    // All settle before returning, so a failure is undone only after every write in flight has landed.
    const results = await Promise.allSettled(
      rendered.map(async (r): Promise<Rendition> => {
        const storageKey = renditionKey(assetId, token, r.name, r.format);
        await this.storage.put(storageKey, r.data, FORMAT_MIME[r.format]);
        written.push(storageKey);
        return { name: r.name, format: r.format, width: r.width, height: r.height, bytes: r.data.length, storageKey, sha256: r.sha256 };
      }),
    );
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    return results.map((r) => (r as PromiseFulfilledResult<Rendition>).value);
  }
}

/** Every stored file of an asset. */
export const fileKeysOf = (asset: Pick<MediaAsset, 'storageKey' | 'renditions'>): string[] =>
  [asset.storageKey, ...asset.renditions.map((r) => r.storageKey)].filter((k): k is string => !!k);
