// Finds and removes files no asset row points at. Files are written before the row commits and old
// ones removed after (media-file-store.ts), so a crash between the two leaves an orphan: it costs
// storage, never correctness. A periodic sweep (housekeeping) gives that storage back.
//
// Files of photos this database has never heard of are deleted only with MEDIA_ORPHAN_SWEEP=all:
// they may be a crashed upload's, or another installation's sharing the folder or bucket (a staging
// copy, say), and nothing here can tell the two apart.
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { MediaRepository } from './media.repository.js';
import { MEDIA_STORAGE, type MediaStorage, type StoredKey } from './storage/media-storage.js';
import { isUuid } from './storage/storage-keys.js';

/** Files younger than this are left alone: an upload may still be on its way to its commit. */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;
const BATCH = 500;

export interface OrphanSweep {
  examined: number;
  deleted: number;
}

@Injectable()
export class MediaOrphanSweeper {
  constructor(
    private readonly repository: MediaRepository,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Deletes stored files older than `graceMs` that no asset (original or rendition) refers to. */
  async sweep(graceMs = ORPHAN_GRACE_MS): Promise<OrphanSweep> {
    const cutoff = Date.now() - graceMs;
    const result: OrphanSweep = { examined: 0, deleted: 0 };
    if (this.config.media.orphanSweep === 'off') return result;
    for (const prefix of ['originals/', 'renditions/']) {
      let batch: StoredKey[] = [];
      for await (const item of this.storage.list(prefix)) {
        result.examined += 1;
        if (item.modifiedAt.getTime() < cutoff) batch.push(item);
        if (batch.length === BATCH) {
          result.deleted += await this.removeUnreferenced(batch);
          batch = [];
        }
      }
      if (batch.length) result.deleted += await this.removeUnreferenced(batch);
    }
    return result;
  }

  private async removeUnreferenced(batch: readonly StoredKey[]): Promise<number> {
    // Layout: originals/<assetId>/<token>, renditions/<assetId>/<token>/<name>.<format>. Anything
    // else is not ours to judge and stays.
    const laidOut = batch.filter((item) => isUuid(item.key.split('/')[1] ?? ''));
    const ids = [...new Set(laidOut.map((item) => item.key.split('/')[1]))];
    if (ids.length === 0) return 0;
    const { known, referenced } = await this.repository.storedKeysOf(ids);
    const unknownToo = this.config.media.orphanSweep === 'all';
    const orphans = laidOut
      .filter((item) => unknownToo || known.has(item.key.split('/')[1]))
      .map((item) => item.key)
      .filter((key) => !referenced.has(key));
    if (orphans.length) await this.storage.delete(orphans);
    return orphans.length;
  }
}
