// Rebuilds the whole index from the stories, in batches: after a dictionary change (words
// segment differently), to repair an index written by an older version, or to compact the GIN
// indexes (they grow to about twice their size story by story). Safe while the newsroom works:
// each batch share-locks its source rows while it re-indexes them, and the indexes are rebuilt
// concurrently.
import type { DataSource } from 'typeorm';
import { publishedDoc, SearchIndexService, workingCopyDoc } from './search-index.service.js';
import { SearchRepository, type ReindexPosition } from './search.repository.js';
import type { SearchScope } from './search-document.entity.js';

export const DEFAULT_REINDEX_BATCH = 500;

export interface ReindexProgress {
  scope: SearchScope;
  done: number;
  total: number;
  perSecond: number;
}

export interface ReindexResult {
  workingCopies: number;
  published: number;
  removed: number;
  seconds: number;
}

export class SearchReindexer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SearchRepository,
    private readonly index: SearchIndexService,
  ) {}

  async rebuild(options: { batchSize?: number; onProgress?: (progress: ReindexProgress) => void } = {}): Promise<ReindexResult> {
    const started = performance.now();
    const batchSize = options.batchSize ?? DEFAULT_REINDEX_BATCH;
    const totals = await this.repository.countSources();
    const workingCopies = await this.pass('admin', totals.workingCopies, batchSize, options.onProgress);
    const published = await this.pass('public', totals.published, batchSize, options.onProgress);
    const removed = await this.repository.removeStale();
    // Every entry was just rewritten: rebuild the indexes compact.
    await this.repository.rebuildIndexes();
    return { workingCopies, published, removed, seconds: (performance.now() - started) / 1000 };
  }

  /** Pages through one scope's sources in time order; each page is read, indexed and committed in one transaction. */
  private async pass(scope: SearchScope, total: number, batchSize: number, onProgress?: (progress: ReindexProgress) => void): Promise<number> {
    const started = performance.now();
    let done = 0;
    let after: ReindexPosition | null = null;
    for (;;) {
      const last: ReindexPosition | null = await this.dataSource.transaction(async (manager) => {
        if (scope === 'admin') {
          const rows = await this.repository.workingCopiesAfter(manager, after, batchSize);
          await this.index.indexMany(manager, 'admin', rows.map(workingCopyDoc));
          done += rows.length;
          const end = rows.at(-1);
          return end ? { at: end.updated_at, id: end.id } : null;
        }
        const rows = await this.repository.publishedAfter(manager, after, batchSize);
        await this.index.indexMany(manager, 'public', rows.map(publishedDoc));
        done += rows.length;
        const end = rows.at(-1);
        return end ? { at: end.published_at, id: end.article_id } : null;
      });
      if (last === null) return done;
      after = last;
      onProgress?.({ scope, done, total: Math.max(total, done), perSecond: done / ((performance.now() - started) / 1000) });
    }
  }
}
