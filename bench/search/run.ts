// Search benchmark: 100,000 published stories of generated Chinese news text, indexed through
// SearchIndexService.indexPublished as the publish transaction does, then a mixed load of one-,
// two- and three-word queries from 10 concurrent clients, through SearchQueryService (in process)
// and, with --http, through GET /api/content/search on a server process. See README.md.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { entities } from '../../src/entities.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { runMigrations } from '../../src/database/migrate.js';
import { SearchIndexService } from '../../src/search/search-index.service.js';
import { SearchQueryService } from '../../src/search/search-query.service.js';
import { SearchRepository, type ReindexPosition } from '../../src/search/search.repository.js';
import { getDefaultTokenizer } from '../../src/search/tokenizer.js';
import { query, random, story, type BenchStory } from './stories.js';

interface Options {
  articles: number;
  batch: number;
  clients: number;
  seconds: number;
  keep: boolean;
  reuse: string | null;
  http: boolean;
  writers: number;
}

function options(argv: string[]): Options {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const number = (name: string, fallback: number) => (value(name) === undefined ? fallback : Number(value(name)));
  return {
    articles: number('articles', 100_000),
    batch: number('batch', 500),
    clients: number('clients', 10),
    seconds: number('seconds', 60),
    keep: argv.includes('--keep'),
    reuse: value('reuse') ?? null,
    http: argv.includes('--http'),
    writers: number('writers', 2),
  };
}

const log = (message: string) => process.stdout.write(message + '\n');
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const withDatabase = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
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

interface LoadFigures {
  articles: number;
  characters: number;
  indexSeconds: number;
  rowSeconds: number;
  /** CPU time of this (Node) process while indexing; the rest of the work is PostgreSQL's. */
  nodeCpuSeconds: number;
}

/** `writers` loops taking batches of story numbers until `total` are done. */
async function inBatches(total: number, opts: Options, work: (from: number, count: number) => Promise<void>): Promise<number> {
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
async function load(ds: DataSource, index: SearchIndexService, opts: Options): Promise<LoadFigures> {
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
  return { articles: opts.articles, characters, indexSeconds, rowSeconds, nodeCpuSeconds: (used.user + used.system) / 1e6 };
}

/** Re-indexes the first `count` live versions in batches through indexMany, as search:reindex does. */
async function bulkReindex(ds: DataSource, repository: SearchRepository, index: SearchIndexService, count: number): Promise<number> {
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

interface Sample {
  q: string;
  words: number;
  ms: number;
  hits: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

function report(label: string, samples: Sample[], seconds: number): void {
  const line = (name: string, list: Sample[]) => {
    const ms = list.map((s) => s.ms).sort((a, b) => a - b);
    const empty = list.filter((s) => s.hits === 0).length;
    return `  ${name.padEnd(8)} n=${String(list.length).padStart(6)}  p50 ${percentile(ms, 50).toFixed(1)} ms  p95 ${percentile(ms, 95).toFixed(1)} ms  p99 ${percentile(ms, 99).toFixed(1)} ms  max ${ms[ms.length - 1].toFixed(1)} ms  empty ${((100 * empty) / list.length).toFixed(0)}%`;
  };
  const distinct = new Set(samples.map((s) => s.q)).size;
  log(`${label}: ${samples.length} queries (${distinct} distinct) in ${seconds.toFixed(1)} s = ${(samples.length / seconds).toFixed(0)} req/s`);
  log(line('all', samples));
  for (const words of [1, 2, 3]) log(line(`${words}-word`, samples.filter((s) => s.words === words)));
}

/** `clients` loops issuing queries back to back for `seconds`; each query is 1, 2 or 3 words in equal shares. */
async function loadTest(clients: number, seconds: number, ask: (q: string) => Promise<number>, seed = 7): Promise<{ samples: Sample[]; seconds: number }> {
  const rand = random(seed);
  const queries = Array.from({ length: 20_000 }, (_, i) => {
    const words = ((i % 3) + 1) as 1 | 2 | 3;
    return { q: query(rand, words), words };
  });
  let next = 0;
  const samples: Sample[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const { q, words } = queries[next++ % queries.length];
        const t0 = performance.now();
        const hits = await ask(q);
        samples.push({ q, words, ms: performance.now() - t0, hits });
      }
    }),
  );
  return { samples, seconds: (performance.now() - started) / 1000 };
}

/** A real server process (dist/src/main.js) on the bench database; its HTTP endpoint under the same load. */
async function httpLoad(databaseUrl: string, opts: Options): Promise<void> {
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const server = spawn(process.execPath, ['--max-old-space-size=256', 'dist/src/main.js'], {
    env: { ...process.env, MALLOC_ARENA_MAX: '2', DATABASE_URL: databaseUrl, PORT: String(port), JWT_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'error', SEED_ON_EMPTY_DATABASE: 'false', SCHEDULER_ENABLED: 'false', ADMIN_EMAIL: 'bench@newsroom.test', ADMIN_PASSWORD: randomBytes(12).toString('hex') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let attempt = 0; ; attempt++) {
      if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) break;
      if (attempt > 100) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    const ask = async (q: string) => {
      const res = await fetch(`${base}/api/content/search?q=${encodeURIComponent(q)}`);
      if (res.status !== 200) throw new Error(`GET /api/content/search?q=${q} answered ${res.status}`);
      return ((await res.json()) as { items: unknown[] }).items.length;
    };
    await loadTest(opts.clients, 5, ask, 1);
    const run = await loadTest(opts.clients, opts.seconds, ask);
    // Repeated queries are answered from the content response cache, as they would be in production.
    report(`HTTP GET /api/content/search, ${opts.clients} clients, GIN indexes rebuilt, response cache on`, run.samples, run.seconds);
  } finally {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
}

async function sizes(ds: DataSource): Promise<string> {
  const rows: Array<{ name: string; size: string }> = await ds.query(
    `SELECT c.relname AS name, pg_size_pretty(pg_relation_size(c.oid)) AS size FROM pg_class c
      WHERE c.relname IN ('search_document', 'idx_search_document_public_tsv', 'idx_search_document_admin_tsv', 'idx_search_document_headline_trgm', 'published_article') ORDER BY c.relname`,
  );
  const toast: Array<{ size: string }> = await ds.query(`SELECT pg_size_pretty(pg_total_relation_size('search_document') - pg_indexes_size('search_document') - pg_relation_size('search_document')) AS size`);
  return rows.map((r) => `${r.name} ${r.size}`).join(', ') + `, search_document TOAST ${toast[0].size}`;
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const name = opts.reuse ?? `masthead_bench_search_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(serverUrl, name);
  if (!opts.reuse) {
    await onServer(`CREATE DATABASE ${name}`);
    await runMigrations(url);
  }
  log(`database ${name}${opts.keep || opts.reuse ? ' (kept)' : ''}`);
  const ds = new DataSource(dataSourceOptions(url, { entities, poolSize: opts.clients + 2, applicationName: 'masthead-bench' }));
  await ds.initialize();
  try {
    const repository = new SearchRepository(ds);
    const tokenizer = getDefaultTokenizer();
    const index = new SearchIndexService(repository, tokenizer);
    if (!opts.reuse) {
      log(`loading ${opts.articles} stories in transactions of ${opts.batch}, ${opts.writers} writers…`);
      const figures = await load(ds, index, opts);
      log(
        `indexing: ${Math.round(figures.articles / figures.indexSeconds)} articles/s through indexWorkingCopy + indexPublished (${figures.indexSeconds.toFixed(1)} s for ${figures.articles}); ` +
          `Node CPU ${figures.nodeCpuSeconds.toFixed(1)} s; ${Math.round(figures.characters / figures.articles)} characters per story on average`,
      );
      await ds.query('VACUUM ANALYZE search_document');
      await ds.query('VACUUM ANALYZE published_article');
      const reindexCount = Math.min(20_000, opts.articles);
      log(`bulk reindex (indexMany, batches of 500, ${reindexCount} stories): ${Math.round(await bulkReindex(ds, repository, index, reindexCount))} articles/s`);
      await ds.query('VACUUM ANALYZE search_document');
    }
    const queries = new SearchQueryService(repository, tokenizer);
    const ask = async (q: string) => (await queries.searchPublished({ q, limit: 20 })).items.length;
    const measure = async (label: string) => {
      log(`sizes: ${await sizes(ds)}`);
      await loadTest(opts.clients, 5, ask, 1);
      const run = await loadTest(opts.clients, opts.seconds, ask);
      report(`SearchQueryService.searchPublished, ${opts.clients} clients, ${label}`, run.samples, run.seconds);
    };
    await measure('GIN indexes as grown story by story');
    const started = performance.now();
    await repository.rebuildIndexes();
    log(`rebuilt the GIN indexes (REINDEX CONCURRENTLY, as search:reindex ends) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await measure('GIN indexes rebuilt');
    if (opts.http) await httpLoad(url, opts);
  } finally {
    await ds.destroy();
    if (!opts.keep && !opts.reuse) await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
