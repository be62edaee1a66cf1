// Loads the bench corpus: the rows publishing writes (article, published_article), then the search
// index, timed on its own, story by story as the publish transaction writes it.
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { SearchIndexService } from '../../src/search/search-index.service.js';
import type { ReindexPosition, SearchRepository } from '../../src/search/search.repository.js';
import { cpuSeconds, log } from './measure.js';
import { story, type BenchStory } from './stories.js';

export interface LoadOptions {
  articles: number;
  batch: number;
  writers: number;
  /** The DataSource's application_name, to find its PostgreSQL backends. */
  applicationName: string;
}

const SECTIONS = ['国际', '国内', '财经', '体育', '地方', '社会', '言论', '娱乐'];

async function createSections(ds: DataSource): Promise<string[]> {
  const rows: Array<{ id: string }> = await ds.query(
    `INSERT INTO category (name, slug, position) SELECT name, 'section-' || n, n FROM unnest($1::text[]) WITH ORDINALITY AS s(name, n) RETURNING id`,
    [SECTIONS],
  );
  return rows.map((r) => r.id);
}

/** The rows a publish writes (working copy and live version), several stories per statement. */
async function insertStories(manager: EntityManager, stories: BenchStory[], ids: string[], sections: string[]): Promise<void> {
  const column = <T>(pick: (s: BenchStory, i: number) => T) => stories.map(pick);
  const params = [
    ids,
    column((s) => `story-${s.index}`),
    column((s) => s.headline),
    column((s) => s.subheadline),
    column((s) => JSON.stringify(s.body)),
    column((s) => s.excerpt),
    column((s) => sections[s.index % sections.length]),
    column((s) => s.publishedAt),
  ];
  const source = `unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::timestamptz[]) AS s(id, slug, headline, subheadline, body, excerpt, category_id, published_at)`;
  await manager.query(
    `INSERT INTO article (id, slug, status, headline, subheadline, language, body, excerpt, category_id, published_revision, published_at, live_updated_at)
     SELECT id, slug, 'published', headline, subheadline, 'zh-Hans', body::jsonb, excerpt, category_id, 1, published_at, published_at FROM ${source}`,
    params,
  );
  await manager.query(
    `INSERT INTO published_article (article_id, slug, headline, subheadline, language, body, excerpt, category_id, published_at, updated_at)
     SELECT id, slug, headline, subheadline, 'zh-Hans', body::jsonb, excerpt, category_id, published_at, published_at FROM ${source}`,
    params,
  );
}

export interface LoadFigures {
  articles: number;
  characters: number;
  indexSeconds: number;
  rowSeconds: number;
  /** CPU time of this (Node) process while indexing. */
  nodeCpuSeconds: number;
  /** CPU time of the PostgreSQL backends while indexing (0 when PostgreSQL runs elsewhere). */
  dbCpuSeconds: number;
}

/** `writers` loops taking batches of story numbers until `total` are done. */
async function inBatches(total: number, opts: LoadOptions, work: (from: number, count: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: opts.writers }, async () => {
      while (next < total) {
        const from = next;
        next += opts.batch;
        await work(from, Math.min(opts.batch, total - from));
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

/**
 * Loads the corpus: first the rows publishing writes (working copies, live versions), then the
 * index, timed on its own: each story through its own indexWorkingCopy and indexPublished calls,
 * as the publish transaction makes them, in transactions of `batch`, `writers` at a time (an app
 * process serves concurrent publishes).
 */
export async function load(ds: DataSource, index: SearchIndexService, opts: LoadOptions): Promise<LoadFigures> {
  const sections = await createSections(ds);
  const now = Date.now();
  const ids = Array.from({ length: opts.articles }, () => randomUUID());
  // Generated up front, so the timings below hold no text generation.
  const corpus = Array.from({ length: opts.articles }, (_, i) => story(i, opts.articles, now));
  const stories = (from: number, count: number) => corpus.slice(from, from + count);
  const rowSeconds = await inBatches(opts.articles, opts, (from, count) =>
    ds.transaction((manager) => insertStories(manager, stories(from, count), ids.slice(from, from + count), sections)),
  );
  log(`  story rows written in ${rowSeconds.toFixed(1)} s`);
  let characters = 0;
  let done = 0;
  const backends: Array<{ pid: number }> = await ds.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = $1`, [
    opts.applicationName,
  ]);
  const dbCpu = () => backends.reduce((sum, { pid }) => sum + cpuSeconds(pid), 0);
  const dbBefore = dbCpu();
  const cpu = process.cpuUsage();
  const indexSeconds = await inBatches(opts.articles, opts, async (from, count) => {
    const batch = stories(from, count);
    await ds.transaction(async (manager) => {
      for (const [i, s] of batch.entries()) {
        const text = { headline: s.headline, subheadline: s.subheadline, excerpt: s.excerpt, body: s.body };
        await index.indexWorkingCopy(manager, { id: ids[from + i], updatedAt: s.publishedAt, ...text });
        await index.indexPublished(manager, { articleId: ids[from + i], publishedAt: s.publishedAt, ...text });
      }
    });
    characters += batch.reduce((n, s) => n + s.headline.length + s.excerpt.length + s.body.reduce((m, b) => m + (b.text ?? b.caption ?? '').length, 0), 0);
    done += count;
    if (done % (opts.batch * 20) === 0) log(`  indexed ${done}/${opts.articles}`);
  });
  const used = process.cpuUsage(cpu);
  return { articles: opts.articles, characters, indexSeconds, rowSeconds, nodeCpuSeconds: (used.user + used.system) / 1e6, dbCpuSeconds: dbCpu() - dbBefore };
}

/** Re-indexes the first `count` live versions in batches through indexMany, as search:reindex does. */
export async function bulkReindex(ds: DataSource, repository: SearchRepository, index: SearchIndexService, count: number): Promise<number> {
  const started = performance.now();
  let after: ReindexPosition | null = null;
  for (let done = 0; done < count; ) {
    const last: ReindexPosition | null = await ds.transaction(async (manager) => {
      const rows = await repository.publishedAfter(manager, after, 500);
      await index.indexMany(
        manager,
        'public',
        rows.map((r) => ({ articleId: r.article_id, publishedAt: r.published_at, headline: r.headline, subheadline: r.subheadline, excerpt: r.excerpt, body: r.body, featuredImage: r.featured_image })),
      );
      done += rows.length;
      const end = rows.at(-1);
      return end ? { at: end.published_at, id: end.article_id } : null;
    });
    if (last === null) break;
    after = last;
  }
  return count / ((performance.now() - started) / 1000);
}

/** Sizes of the search tables and indexes, and the GIN pending lists (when pgstattuple is available). */
export async function sizes(ds: DataSource): Promise<string> {
  const rows: Array<{ name: string; size: string }> = await ds.query(
    `SELECT c.relname AS name, pg_size_pretty(pg_relation_size(c.oid)) AS size FROM pg_class c
      WHERE c.relname IN ('search_document', 'idx_search_document_public_tsv', 'idx_search_document_admin_tsv', 'idx_search_document_headline_trgm', 'published_article') ORDER BY c.relname`,
  );
  const toast: Array<{ size: string }> = await ds.query(
    `SELECT pg_size_pretty(pg_total_relation_size('search_document') - pg_indexes_size('search_document') - pg_relation_size('search_document')) AS size`,
  );
  let pending = '';
  try {
    await ds.query('CREATE EXTENSION IF NOT EXISTS pgstattuple');
    const lists: Array<{ name: string; pages: number; tuples: string }> = await ds.query(
      `SELECT i AS name, (pgstatginindex(i::regclass)).pending_pages AS pages, (pgstatginindex(i::regclass)).pending_tuples AS tuples
         FROM unnest(ARRAY['idx_search_document_public_tsv', 'idx_search_document_admin_tsv', 'idx_search_document_headline_trgm']) AS i`,
    );
    pending = `; GIN pending lists: ${lists.map((l) => `${l.name.replace('idx_search_document_', '')} ${l.pages} pages (${l.tuples} entries)`).join(', ')}`;
  } catch {
    // pgstattuple is a contrib module; without it the pending lists go unreported.
  }
  return rows.map((r) => `${r.name} ${r.size}`).join(', ') + `, search_document TOAST ${toast[0].size}${pending}`;
}
