// Search benchmark: published stories of generated Chinese news text, indexed story by story as the
// publish transaction does, then one-, two- and three-word queries from 10 concurrent clients
// through GET /api/content/search on the real server, with the GIN indexes as they grew (no
// rebuild), and through SearchQueryService in process. See README.md.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { entities } from '../../src/entities.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { runMigrations } from '../../src/database/migrate.js';
import { SearchIndexService } from '../../src/search/search-index.service.js';
import { SearchQueryService } from '../../src/search/search-query.service.js';
import { SearchRepository } from '../../src/search/search.repository.js';
import { getDefaultTokenizer } from '../../src/search/tokenizer.js';
import { bulkReindex, load, sizes } from './corpus.js';
import { answeredShare, cannon, distinctPaths, startApp, type App } from './http.js';
import { describe, figure, latencies, log, underLoad, waitForQuietMachine } from './measure.js';
import { query, random } from './stories.js';

/** p95 of a search through HTTP, for one- to three-word queries; indexing rate (issue 16). */
const TARGET = { p95Ms: 30, storiesPerSecond: 1000 };
const WORDS = [1, 2, 3] as const;
const APPLICATION = 'bench-search';

interface Options {
  articles: number;
  batch: number;
  clients: number;
  seconds: number;
  warmup: number;
  keep: boolean;
  reuse: string | null;
  http: boolean;
  inProcess: boolean;
  rebuilt: boolean;
  writers: number;
  maxLoad: number;
  maxWait: number;
  /** Where the server writes a CPU profile (--cpu-prof=<dir>). */
  cpuProf: string | undefined;
}

function options(argv: string[]): Options {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const number = (name: string, fallback: number) => (value(name) === undefined ? fallback : Number(value(name)));
  return {
    articles: number('articles', 100_000),
    batch: number('batch', 500),
    clients: number('clients', 10),
    seconds: number('seconds', 20),
    warmup: number('warmup', 3),
    keep: argv.includes('--keep'),
    reuse: value('reuse') ?? null,
    http: !argv.includes('--no-http'),
    inProcess: !argv.includes('--no-in-process'),
    rebuilt: argv.includes('--rebuilt'),
    writers: number('writers', 2),
    maxLoad: number('max-load', 2.5),
    maxWait: number('max-wait', 300),
    cpuProf: value('cpu-prof'),
  };
}

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
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

/** What readers type, `words` words each (see stories.ts), from a fixed seed so runs compare. */
const queriesOf = (words: 1 | 2 | 3, count: number, seed: number) => {
  const rand = random(seed * 10 + words);
  return Array.from({ length: count }, () => query(rand, words));
};

interface Sample {
  words: number;
  ms: number;
  hits: number;
}

/** `clients` loops issuing queries back to back for `seconds`; one-, two- and three-word queries in equal shares. */
async function loadTest(clients: number, seconds: number, ask: (q: string) => Promise<number>, seed = 7): Promise<{ samples: Sample[]; seconds: number }> {
  const byWords = WORDS.map((words) => queriesOf(words, 7_000, seed));
  let next = 0;
  const samples: Sample[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const i = next++;
        const words = (i % 3) + 1;
        const q = byWords[words - 1][Math.floor(i / 3) % 7_000];
        const t0 = performance.now();
        const hits = await ask(q);
        samples.push({ words, ms: performance.now() - t0, hits });
      }
    }),
  );
  return { samples, seconds: (performance.now() - started) / 1000 };
}

/** In process, through SearchQueryService: the search without HTTP. */
async function inProcess(queries: SearchQueryService, opts: Options, label: string): Promise<void> {
  const ask = async (q: string) => (await queries.searchPublished({ q, limit: 20 })).items.length;
  await loadTest(opts.clients, opts.warmup, ask, 1);
  const { result: run, load } = await underLoad(() => loadTest(opts.clients, opts.seconds, ask));
  const all = latencies(run.samples.map((s) => s.ms));
  const empty = run.samples.filter((s) => s.hits === 0).length / run.samples.length;
  log(`SearchQueryService.searchPublished, ${opts.clients} clients, ${label}: ${(run.samples.length / run.seconds).toFixed(0)} req/s, ${describe(all)}, empty ${(100 * empty).toFixed(0)}%`);
  for (const words of WORDS) log(`  ${words}-word: ${describe(latencies(run.samples.filter((s) => s.words === words).map((s) => s.ms)))}`);
  await figure({ name: `in process, ${label}: p95 (1-3 words)`, value: all.p95, unit: 'ms' });
  await figure({ name: `in process, ${label}: load average (1 min, max)`, value: load });
}

/**
 * Through HTTP on a server process: for each word count, `clients` connections asking distinct
 * URLs (the response cache answers none of them: every request is a search); then the three mixed
 * as readers repeat them, where repeated queries come from the response cache.
 */
async function overHttp(app: App, databaseUrl: string, opts: Options): Promise<void> {
  for (const words of WORDS) {
    const sample = queriesOf(words, 100, 3);
    log(`  ${words}-word queries answered (100 asked): ${(100 * (await answeredShare(app, sample))).toFixed(0)}%`);
  }
  for (const words of WORDS) {
    const paths = distinctPaths(queriesOf(words, 5_000, 7));
    const next = () => paths.next().value ?? '/api/content/search?q=exhausted';
    await cannon(app, databaseUrl, next, opts.clients, opts.warmup);
    const { result: run, load } = await underLoad(() => cannon(app, databaseUrl, next, opts.clients, opts.seconds));
    log(
      `HTTP, ${words}-word queries, every one a search (no cache hit), ${opts.clients} clients: ${run.rps.toFixed(0)} req/s, ${describe(run)}; ` +
        `CPU per request: server ${run.cpuMs.app.toFixed(2)} ms, PostgreSQL ${run.cpuMs.db?.toFixed(2) ?? '?'} ms, client ${run.cpuMs.client.toFixed(2)} ms` +
        `${run.failed ? `; ${run.failed} FAILED` : ''}`,
    );
    await figure({ name: `HTTP ${words}-word: p95`, value: run.p95, unit: 'ms', target: `< ${TARGET.p95Ms}`, met: run.failed === 0 && run.p95 < TARGET.p95Ms });
    await figure({ name: `HTTP ${words}-word: req/s`, value: run.rps });
    await figure({ name: `HTTP ${words}-word: CPU per search, server + PostgreSQL`, value: run.cpuMs.app + (run.cpuMs.db ?? 0), unit: 'ms' });
    await figure({ name: `HTTP ${words}-word: load average (1 min, max)`, value: load });
  }
  // Readers repeat each other: the same mix of queries as URLs, repeats answered from the cache.
  const mixed = WORDS.map((words) => queriesOf(words, 5_000, 9));
  let i = 0;
  const asTyped = () => `/api/content/search?q=${encodeURIComponent(mixed[i % 3][Math.floor(i++ / 3) % 5_000])}`;
  const run = await cannon(app, databaseUrl, asTyped, opts.clients, opts.seconds);
  const distinct = new Set(Array.from({ length: i }, (_, k) => `${k % 3}:${mixed[k % 3][Math.floor(k / 3) % 5_000]}`)).size;
  log(`HTTP, mixed queries as readers repeat them (${distinct} distinct of ${i}), response cache on: ${run.rps.toFixed(0)} req/s, ${describe(run)}`);
  await figure({ name: 'HTTP mixed, repeats from the cache: p95', value: run.p95, unit: 'ms' });
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
  const ds = new DataSource(dataSourceOptions(url, { entities, poolSize: opts.clients + 2, applicationName: APPLICATION }));
  await ds.initialize();
  let app: App | null = null;
  try {
    const repository = new SearchRepository(ds);
    const tokenizer = getDefaultTokenizer();
    const index = new SearchIndexService(repository, tokenizer);
    if (!opts.reuse) {
      log(`loading ${opts.articles} stories in transactions of ${opts.batch}, ${opts.writers} writers…`);
      const { result: figures, load: loadAvg } = await underLoad(() => load(ds, index, { ...opts, applicationName: APPLICATION }));
      log(
        `indexing: ${(figures.indexSeconds).toFixed(1)} s for ${figures.articles} stories through indexWorkingCopy + indexPublished; ` +
          `CPU: Node ${figures.nodeCpuSeconds.toFixed(1)} s, PostgreSQL ${figures.dbCpuSeconds.toFixed(1)} s; ${Math.round(figures.characters / figures.articles)} characters per story on average`,
      );
      const rate = figures.articles / figures.indexSeconds;
      await figure({ name: 'indexing, story by story', value: Math.round(rate), unit: 'stories/s', target: `≥ ${TARGET.storiesPerSecond}`, met: rate >= TARGET.storiesPerSecond });
      await figure({ name: 'indexing: load average (1 min, max)', value: loadAvg });
      // Statistics for the planner, as autovacuum would gather them. Not VACUUM: it would empty the
      // GIN pending lists, which searches on an index grown story by story must read.
      await ds.query('ANALYZE search_document');
      await ds.query('ANALYZE published_article');
    }
    log(`sizes: ${await sizes(ds)}`);
    await waitForQuietMachine(opts.maxLoad, opts.maxWait);
    const queries = new SearchQueryService(repository, tokenizer);
    if (opts.inProcess) await inProcess(queries, opts, 'GIN indexes as grown');
    if (opts.http) {
      app = await startApp(url, opts.cpuProf);
      await overHttp(app, url, opts);
      await app.stop();
      app = null;
    }
    if (opts.rebuilt) {
      const reindexCount = Math.min(20_000, opts.articles);
      log(`bulk reindex (indexMany, batches of 500, ${reindexCount} stories): ${Math.round(await bulkReindex(ds, repository, index, reindexCount))} stories/s`);
      await ds.query('VACUUM ANALYZE search_document');
      const started = performance.now();
      await repository.rebuildIndexes();
      log(`rebuilt the GIN indexes (REINDEX CONCURRENTLY, as search:reindex ends) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      log(`sizes: ${await sizes(ds)}`);
      await inProcess(queries, opts, 'GIN indexes rebuilt');
    }
  } finally {
    await app?.stop();
    await ds.destroy();
    if (!opts.keep && !opts.reuse) await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
