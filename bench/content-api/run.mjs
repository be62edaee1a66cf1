// Content API benchmark: 100,000 published Chinese-language stories (~3 KB body each) in a fresh
// database, then autocannon (50 connections, 10 s after a warm-up) against the public routes of the
// real server (node dist/src/main.js, in a child process):
//   list   GET /api/content/articles?limit=20
//   deep   GET /api/content/articles?limit=20&cursor=…   (the nextCursor after following 200 pages)
//   slug   GET /api/content/articles/:slug                (rotating among 10,000 random stories)
//   hot    GET /api/content/articles/:slug                (one story, always in the response cache)
// and, in the same run, against a minimal node:http + pg server doing the same SQL and returning
// the same JSON through the app's own mapper (raw-server.mjs), and for the hot story against a bare
// node:http server returning the app's bytes and headers (static-server.mjs). The warm-up of a
// rotating route requests each of its URLs once, then runs --warmup seconds: the figures are the
// steady state of a process whose cache holds the working set (CONTENT_CACHE_MB, default 64).
// Then a second app process with the response cache off (CONTENT_CACHE_MB=0) serves the rotating
// stories, so every request is rendered: its CPU per request is the cost of a miss. A third run
// records that miss path with --cpu-prof and prints the functions with the most self time
// (--no-profile skips it).
// Requests carry no Accept-Encoding, so every server sends the same identity bytes.
// Targets (printed with figure(), see bench/support.mjs): every route ≥ 1.2× the raw server's req/s,
// app p99 < 40 ms, a hit ≥ 50% of the static server's req/s, node CPU per hit ≤ raw's per request,
// per miss ≤ 1.5× raw's, app peak RSS < 200 MB. Also prints the CPU time each request cost the
// server process and its PostgreSQL backends (from /proc, when PostgreSQL runs on this machine):
// steadier than req/s when other work shares the CPUs.
// A measurement, not a test: exits 0 whatever the figures (1 only when the run itself fails).
//
// The app's response cache is sized to hold the rotating stories (--cache-mb to choose another size).
//   npm run build && node bench/content-api/run.mjs [--articles=100000] [--connections=50]
//     [--duration=10] [--warmup=3] [--pages=200] [--slugs=10000] [--max-load=2.5] [--max-wait=1200]
//     [--cache-mb=<MB>] [--explain] [--no-profile] [--keep] [--reuse=<database>] [--json] [--processes=2]
//
// --processes=N: afterwards, the same routes through a local reverse proxy (nginx) in front of N app
// processes on the same database, and in front of one (processes.mjs).
//
// BENCH_DATABASE_URL names a PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres);
// the run creates a throwaway database there and drops it afterwards (--keep leaves it and prints
// its name; --reuse=<name> measures an existing loaded database instead of loading one). Before
// measuring it waits (up to --max-wait seconds) for the 1-minute load average to fall below
// --max-load, and reports the load seen during the measurement. Linux only (reads /proc).
// autocannon runs in this process: on a 2-core machine the client, the server and PostgreSQL share
// the cores, for the app and the baseline alike.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { ContentRepository } from '../../dist/src/content/content.repository.js';
import { runMigrations } from '../../dist/src/database/migrate.js';
import { cpuSeconds, figure, freePort, onServer, SERVER, tail, withDatabase } from '../support.mjs';
import { topSelfTime } from './cpu-profile.mjs';
import { loadPublishedArticles } from './load-articles.mjs';
import { measureProcesses } from './processes.mjs';
import { BY_SLUG_SQL, FIRST_PAGE_SQL, NEXT_PAGE_SQL, sameSql } from './queries.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MB = 1024 * 1024;
const TARGET = { fraction: 1.2, p99Ms: 40, rssMb: 200, hitOfStatic: 0.5, missCpuOfRaw: 1.5 };
const BENCH = 'content-api';
/** Every app process the bench starts shares it, as the processes of a deployment must. */
const JWT_SECRET = randomBytes(32).toString('hex');

const { values: args } = parseArgs({
  allowNegative: true,
  options: {
    articles: { type: 'string', default: '100000' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    pages: { type: 'string', default: '200' },
    slugs: { type: 'string', default: '10000' },
    'max-load': { type: 'string', default: '2.5' },
    'max-wait': { type: 'string', default: '1200' },
    explain: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: true },
    'cache-mb': { type: 'string' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    json: { type: 'boolean', default: false },
    processes: { type: 'string', default: '1' },
  },
});
const opt = {
  articles: Number(args.articles),
  connections: Number(args.connections),
  duration: Number(args.duration),
  warmup: Number(args.warmup),
  pages: Number(args.pages),
  slugs: Number(args.slugs),
  maxLoad: Number(args['max-load']),
  maxWait: Number(args['max-wait']),
  profile: args.profile,
  // Room for the rotating stories (~9 KB each with their headers) and the pages: the working set.
  cacheMb: args['cache-mb'] === undefined ? Math.ceil((Number(args.slugs) * 9) / 1024) + 16 : Number(args['cache-mb']),
};

const log = (message) => process.stdout.write(message + '\n');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);


async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}



function stopChild(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    if (signal === 'stdin') child.stdin.end();
    else child.kill(signal);
  });
}

/** The real server, as deployed: what `npm start` and the Dockerfile run. */
async function startApp(databaseUrl, dataDir, extraEnv = {}, nodeArgs = []) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--max-old-space-size=256', ...nodeArgs, 'dist/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JWT_SECRET,
      PORT: String(port),
      // As deployed: request logging on (answers from memory are counted, not logged one by one).
      LOG_LEVEL: 'info',
      SEED_ON_EMPTY_DATABASE: 'false',
      SCHEDULER_ENABLED: 'false',
      MALLOC_ARENA_MAX: '2',
      DATA_DIR: dataDir,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const warnings = [];
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start in 120 s:\n${output.join('\n')}`)), 120_000);
    const ready = (line) => {
      if (line.includes('Masthead listening on')) {
        clearTimeout(timer);
        resolve();
      } else if (/"level":(40|50|60)/.test(line) && warnings.length < 20) warnings.push(line);
    };
    tail(child.stdout, output, ready);
    tail(child.stderr, output, (line) => warnings.length < 20 && warnings.push(line));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited with ${code} while starting:\n${output.join('\n')}`));
    });
  });
  child.removeAllListeners('exit');
  return { name: 'app', child, url: `http://127.0.0.1:${port}`, output, warnings, stop: () => stopChild(child, 'SIGTERM') };
}

/** A baseline server script beside this one, started with `env`; it prints {url} when listening and stops when stdin closes. */
async function startChildServer(name, script, env) {
  const child = spawn(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], {
    cwd: ROOT,
    env: { ...process.env, ...env, MALLOC_ARENA_MAX: '2' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const output = [];
  const first = await new Promise((resolve, reject) => {
    tail(child.stdout, output, (line) => resolve(line));
    child.once('exit', (code) => reject(new Error(`the ${name} server exited with ${code}`)));
  });
  child.removeAllListeners('exit');
  return { name, child, url: JSON.parse(first).url, output, stop: () => stopChild(child, 'stdin') };
}

// The app's configuration (reader-site URLs, Cache-Control) comes from the same variables.
const startRaw = (databaseUrl) => startChildServer('raw', './raw-server.mjs', { DATABASE_URL: databaseUrl, JWT_SECRET: randomBytes(32).toString('hex'), PORT: '0' });

const startStatic = (responseFile) => startChildServer('static', './static-server.mjs', { STATIC_RESPONSE: responseFile });

/** The app's answer for `path` as the wire carries it: body bytes and the headers a replay would send. */
async function recordAnswer(base, path) {
  const res = await fetch(base + path);
  const body = Buffer.from(await res.arrayBuffer());
  const headers = {};
  for (const [name, value] of res.headers) if (!['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name)) headers[name] = value;
  return { headers, body: body.toString('base64') };
}

/** VmRSS every 200 ms (peak overall and since the last reset) and VmHWM (the kernel's high-water mark). */
function rssSampler(pid) {
  const state = { peak: 0, windowPeak: 0, hwm: 0, last: 0 };
  const read = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)[1]) * 1024;
      state.last = rss;
      state.peak = Math.max(state.peak, rss);
      state.windowPeak = Math.max(state.windowPeak, rss);
      state.hwm = Math.max(state.hwm, Number(/^VmHWM:\s+(\d+) kB/m.exec(status)[1]) * 1024);
    } catch {
      // the process is gone
    }
  };
  read();
  const timer = setInterval(read, 200);
  return {
    state,
    resetWindow: () => {
      read();
      state.windowPeak = state.last;
    },
    stop: () => {
      read();
      clearInterval(timer);
    },
  };
}

async function getJson(base, path) {
  const res = await fetch(base + path);
  const text = await res.text();
  return { status: res.status, etag: res.headers.get('etag'), bytes: Buffer.byteLength(text), body: res.status === 200 ? JSON.parse(text) : text };
}

/** Follows nextCursor `pages` times from the first page; checks order and overlap on the way. */
async function deepCursor(base, pages) {
  let cursor = null;
  let previous = null;
  for (let i = 0; i < pages; i++) {
    const page = await getJson(base, `/api/content/articles?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (page.status !== 200) throw new Error(`page ${i + 1} answered ${page.status}: ${page.body}`);
    for (const item of page.body.items) {
      if (previous && item.publishedAt > previous.publishedAt) throw new Error(`page ${i + 1}: stories out of order`);
      if (previous && item.slug === previous.slug) throw new Error(`page ${i + 1}: a story repeats`);
      previous = item;
    }
    cursor = page.body.nextCursor;
    if (!cursor) throw new Error(`only ${i + 1} pages of 20: load more stories or ask for fewer --pages`);
  }
  return cursor;
}

/** The raw server must run the app's SQL: compare with what the app's repository builds now. */
function checkSameSql() {
  const repository = new ContentRepository(null);
  const problems = [];
  if (!sameSql(repository.buildListQuery({ limit: 21 }).sql, FIRST_PAGE_SQL)) problems.push('first page');
  if (!sameSql(repository.buildListQuery({ limit: 21, after: { publishedAt: 'x', articleId: 'y' } }).sql, NEXT_PAGE_SQL))
    problems.push('cursor page');
  if (!sameSql(repository.buildBySlugQuery('x').sql, BY_SLUG_SQL)) problems.push('by slug');
  return problems;
}

async function waitForQuietMachine() {
  const deadline = Date.now() + opt.maxWait * 1000;
  for (;;) {
    const [one, five] = loadavg();
    if (one < opt.maxLoad) return { waited: false, load: one };
    if (Date.now() >= deadline) {
      log(`load average still ${one.toFixed(2)} after waiting ${opt.maxWait} s: measuring anyway (figures are pessimistic)`);
      return { waited: true, load: one };
    }
    log(`load average ${one.toFixed(2)} (5-min ${five.toFixed(2)}) ≥ ${opt.maxLoad}: waiting 30 s for other work to settle`);
    await sleep(30_000);
  }
}

/** The PostgreSQL backends serving a pool (by application_name), when the server runs on this machine. */
async function backendPids(client, applicationName) {
  const { rows } = await client.query('SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [
    applicationName,
  ]);
  return rows.map((r) => r.pid);
}

function cannon(base, paths, seconds, amount) {
  let next = 0;
  const requests =
    paths.length === 1
      ? [{ method: 'GET', path: paths[0] }]
      : [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }];
  return autocannon({ url: base, connections: opt.connections, ...(amount ? { amount } : { duration: seconds }), requests });
}

/** Each URL once (so a cache can hold the working set), then `seconds` more. */
async function warmUp(base, paths, seconds) {
  if (paths.length > 1) await cannon(base, paths, 0, paths.length);
  await cannon(base, paths, seconds);
}

const ms = (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const pad = (text, width, right = false) => (right ? String(text).padStart(width) : String(text).padEnd(width));

async function main() {
  if (!Number.isInteger(opt.articles) || opt.articles < opt.pages * 20 + 20)
    throw new Error(`--articles must be at least ${opt.pages * 20 + 20} for --pages=${opt.pages}`);
  const sqlDrift = checkSameSql();
  if (sqlDrift.length)
    log(
      `WARNING: src/content/content.repository.ts no longer builds the SQL in bench/content-api/queries.mjs (${sqlDrift.join(', ')}): update queries.mjs, or the baseline runs other queries`,
    );

  const database = args.reuse ?? `masthead_bench_content_${randomBytes(4).toString('hex')}`;
  const databaseUrl = withDatabase(SERVER, database);
  const dataDir = await mkdtemp(join(tmpdir(), 'masthead-bench-content-'));
  const cleanups = [];
  const cleanup = async () => {
    while (cleanups.length)
      await cleanups
        .pop()()
        .catch((e) => log(`cleanup: ${e.message}`));
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

  try {
    if (!args.reuse) {
      await onServer(`CREATE DATABASE ${database}`);
      if (!args.keep) cleanups.push(() => onServer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
      await runMigrations(databaseUrl);
      log(`loading ${opt.articles.toLocaleString('en')} published stories into ${database} …`);
      let shown = 0;
      const loaded = await loadPublishedArticles(databaseUrl, opt.articles, {
        onProgress: ({ loaded: n, count, elapsedMs }) => {
          if (n - shown >= count / 10 || n === count) {
            shown = n;
            log(`  ${n.toLocaleString('en')} / ${count.toLocaleString('en')}  (${(elapsedMs / 1000).toFixed(0)} s)`);
          }
        },
      });
      log(
        `loaded ${loaded.count.toLocaleString('en')} stories in ${(loaded.elapsedMs / 1000).toFixed(1)} s (incl. VACUUM ANALYZE): ${loaded.sections.length} sections, ` +
          `${loaded.reporters.length} reporters, ${loaded.photos} photos; body text ${loaded.bodyBytes} bytes on average`,
      );
    } else log(`reusing database ${database}`);

    const facts = await withClient(databaseUrl, async (client) => {
      const { rows: size } = await client.query(
        `SELECT count(*)::int AS n, pg_size_pretty(pg_total_relation_size('published_article')) AS total, pg_size_pretty(pg_database_size(current_database())) AS db FROM published_article`,
      );
      await client.query('SELECT setseed(0.42)');
      const { rows: slugRows } = await client.query('SELECT slug FROM published_article ORDER BY random() LIMIT $1', [opt.slugs]);
      // Reads the measured stories once (heap, TOAST and index) so neither server pays the cold reads.
      await client.query('SELECT sum(length(body::text)) FROM published_article WHERE slug = ANY($1::text[])', [slugRows.map((r) => r.slug)]);
      const { rows: version } = await client.query('SHOW server_version');
      return {
        stories: size[0].n,
        tableSize: size[0].total,
        databaseSize: size[0].db,
        slugs: slugRows.map((r) => r.slug),
        pg: version[0].server_version,
      };
    });
    log(
      `published_article: ${facts.stories.toLocaleString('en')} rows, ${facts.tableSize} with indexes and TOAST (database ${facts.databaseSize}); PostgreSQL ${facts.pg}`,
    );

    const app = await startApp(databaseUrl, dataDir, { CONTENT_CACHE_MB: String(opt.cacheMb) });
    log(`app response cache: CONTENT_CACHE_MB=${opt.cacheMb} (--cache-mb; the default leaves room for the ${opt.slugs.toLocaleString('en')} rotating stories)`);
    cleanups.push(() => app.stop());
    const appRss = rssSampler(app.child.pid);
    cleanups.push(async () => appRss.stop());
    const raw = await startRaw(databaseUrl);
    cleanups.push(() => raw.stop());
    const rawRss = rssSampler(raw.child.pid);
    cleanups.push(async () => rawRss.stop());
    log(
      `app ${app.url} (pid ${app.child.pid}, RSS ${(appRss.state.last / MB).toFixed(0)} MB after start); raw baseline ${raw.url} (pid ${raw.child.pid})`,
    );

    const cursor = await deepCursor(app.url, opt.pages);
    const slugPaths = facts.slugs.map((slug) => `/api/content/articles/${encodeURIComponent(slug)}`);
    const endpoints = [
      { name: 'list ?limit=20', paths: ['/api/content/articles?limit=20'] },
      { name: `deep cursor (page ${opt.pages + 1})`, paths: [`/api/content/articles?limit=20&cursor=${encodeURIComponent(cursor)}`] },
      { name: `by slug (${slugPaths.length.toLocaleString('en')} rotating)`, paths: slugPaths, key: 'slug' },
      { name: 'hot story (one slug)', paths: [slugPaths[0]], key: 'hot' },
    ];

    // Same answers from both servers, or the comparison means nothing.
    for (const endpoint of endpoints) {
      for (const path of endpoint.paths.slice(0, 5)) {
        const [a, r] = await Promise.all([getJson(app.url, path), getJson(raw.url, path)]);
        if (a.status !== 200 || r.status !== 200) throw new Error(`${path}: app ${a.status}, raw ${r.status}`);
        if (!isDeepStrictEqual(a.body, r.body)) throw new Error(`${path}: the raw server's JSON differs from the app's`);
        if (a.etag !== r.etag) throw new Error(`${path}: ETags differ (app ${a.etag}, raw ${r.etag})`);
        endpoint.bytes = a.bytes;
      }
    }
    // The static server answers every request with the app's answer for the hot story, as recorded.
    const responseFile = join(dataDir, 'hot-story.json');
    await recordAnswer(app.url, slugPaths[0]);
    writeFileSync(responseFile, JSON.stringify(await recordAnswer(app.url, slugPaths[0])));
    const staticServer = await startStatic(responseFile);
    cleanups.push(() => staticServer.stop());
    log(
      `checked: both servers give identical JSON and ETags; response sizes ${endpoints.map((e) => `${e.name.split(' ')[0]} ${(e.bytes / 1024).toFixed(1)} KB`).join(', ')}`,
    );

    if (args.explain) {
      await withClient(databaseUrl, async (client) => {
        const after = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
        for (const [label, sql, params] of [
          ['list', FIRST_PAGE_SQL, [21]],
          ['deep', NEXT_PAGE_SQL, [after.p, after.id, 21]],
          ['slug', BY_SLUG_SQL, [facts.slugs[0]]],
        ]) {
          const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
          log(`EXPLAIN ANALYZE (${label}):\n${rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}`);
        }
      });
    }

    const monitor = new pg.Client({ connectionString: databaseUrl, application_name: 'masthead-bench-monitor' });
    await monitor.connect();
    cleanups.push(() => monitor.end());
    app.applicationName = 'masthead';
    raw.applicationName = 'masthead-bench-raw';

    const quiet = await waitForQuietMachine();
    const loads = [];
    const loadTimer = setInterval(() => loads.push(loadavg()[0]), 1000);
    const loadAtStart = loadavg();
    const results = [];
    for (const endpoint of endpoints) {
      const row = { endpoint: endpoint.name, bytes: endpoint.bytes };
      for (const server of endpoint.key === 'hot' ? [app, raw, staticServer] : [app, raw]) {
        await warmUp(server.url, endpoint.paths, opt.warmup);
        if (server === app) appRss.resetWindow();
        // CPU used per request by the server process and by its PostgreSQL backends: steadier than
        // req/s when other work shares the machine.
        const backends = server.applicationName ? await backendPids(monitor, server.applicationName) : [];
        const cpuBefore = [cpuSeconds(server.child.pid), backends.reduce((sum, pid) => sum + cpuSeconds(pid), 0)];
        const result = await cannon(server.url, endpoint.paths, opt.duration);
        const cpuAfter = [cpuSeconds(server.child.pid), backends.reduce((sum, pid) => sum + cpuSeconds(pid), 0)];
        const failed = result.non2xx + result.errors + result.timeouts;
        const perRequestMs = (i) => (result.requests.total ? ((cpuAfter[i] - cpuBefore[i]) * 1000) / result.requests.total : 0);
        row[server.name] = {
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          max: result.latency.max,
          requests: result.requests.total,
          failed,
          cpuMsPerRequest: perRequestMs(0),
          dbCpuMsPerRequest: backends.length && cpuAfter[1] > 0 ? perRequestMs(1) : null,
        };
        if (server === app) row.appPeakRss = appRss.state.windowPeak;
        log(
          `  ${endpoint.name} · ${server.name}: ${result.requests.average.toFixed(0)} req/s, p50 ${ms(result.latency.p50)}, p99 ${ms(result.latency.p99)}, ` +
            `CPU/request: node ${row[server.name].cpuMsPerRequest.toFixed(2)} ms` +
            `${row[server.name].dbCpuMsPerRequest === null ? '' : `, PostgreSQL ${row[server.name].dbCpuMsPerRequest.toFixed(2)} ms`}` +
            `${failed ? `, ${failed} FAILED (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})` : ''}  [load ${loadavg()[0].toFixed(2)}]`,
        );
      }
      row.fraction = row.app.rps / row.raw.rps;
      if (row.static) row.ofStatic = row.app.rps / row.static.rps;
      results.push(row);
    }
    appRss.stop();
    rawRss.stop();
    const appPeak = Math.max(appRss.state.peak, appRss.state.hwm);
    await app.stop();
    await staticServer.stop();

    // Every request rendered: a second app process with the response cache off.
    const profileDir = join(dataDir, 'profile');
    const uncached = await startApp(databaseUrl, dataDir, { CONTENT_CACHE_MB: '0' });
    cleanups.push(() => uncached.stop());
    const uncachedRss = rssSampler(uncached.child.pid);
    cleanups.push(async () => uncachedRss.stop());
    uncached.applicationName = 'masthead';
    const slugRow = results.find((r) => r.endpoint.startsWith('by slug'));
    const missRow = { endpoint: 'by slug, cache off (every request rendered)' };
    {
      await warmUp(uncached.url, slugPaths, opt.warmup);
      const backends = await backendPids(monitor, uncached.applicationName);
      const cpuBefore = [cpuSeconds(uncached.child.pid), backends.reduce((sum, pid) => sum + cpuSeconds(pid), 0)];
      const result = await cannon(uncached.url, slugPaths, opt.duration);
      const cpuAfter = [cpuSeconds(uncached.child.pid), backends.reduce((sum, pid) => sum + cpuSeconds(pid), 0)];
      missRow.app = {
        rps: result.requests.average,
        p99: result.latency.p99,
        failed: result.non2xx + result.errors + result.timeouts,
        cpuMsPerRequest: ((cpuAfter[0] - cpuBefore[0]) * 1000) / result.requests.total,
        dbCpuMsPerRequest: cpuAfter[1] > 0 ? ((cpuAfter[1] - cpuBefore[1]) * 1000) / result.requests.total : null,
      };
      log(
        `  ${missRow.endpoint}: ${result.requests.average.toFixed(0)} req/s, p99 ${ms(result.latency.p99)}, CPU/request: node ${missRow.app.cpuMsPerRequest.toFixed(2)} ms` +
          `${missRow.app.dbCpuMsPerRequest === null ? '' : `, PostgreSQL ${missRow.app.dbCpuMsPerRequest.toFixed(2)} ms`} (raw: node ${slugRow.raw.cpuMsPerRequest.toFixed(2)} ms)  [load ${loadavg()[0].toFixed(2)}]`,
      );
    }
    uncachedRss.stop();
    missRow.peakRss = Math.max(uncachedRss.state.peak, uncachedRss.state.hwm);
    await uncached.stop();
    if (opt.profile) {
      // Profiled apart: --cpu-prof costs CPU of its own, which must not count in the figures above.
      const profiled = await startApp(databaseUrl, dataDir, { CONTENT_CACHE_MB: '0' }, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
      cleanups.push(() => profiled.stop());
      await warmUp(profiled.url, slugPaths, opt.warmup);
      await cannon(profiled.url, slugPaths, opt.duration);
      await profiled.stop();
    }
    clearInterval(loadTimer);
    const loadAtEnd = loadavg();

    const header = [
      pad('endpoint', 30),
      pad('app req/s', 10, true),
      pad('app p50', 9, true),
      pad('app p99', 9, true),
      pad('raw req/s', 10, true),
      pad('raw p99', 9, true),
      pad('app/raw', 8, true),
      pad('app peak RSS', 13, true),
      pad('node CPU/req app | raw', 23, true),
    ];
    log('');
    log(
      `content API, ${facts.stories.toLocaleString('en')} published stories, ${opt.connections} connections, ${opt.duration} s per run after ${opt.warmup} s warm-up, ${cpus().length} CPUs, Node ${process.version}`,
    );
    log(header.join('  '));
    for (const r of results)
      log(
        [
          pad(r.endpoint, 30),
          pad(r.app.rps.toFixed(0), 10, true),
          pad(ms(r.app.p50), 9, true),
          pad(ms(r.app.p99), 9, true),
          pad(r.raw.rps.toFixed(0), 10, true),
          pad(ms(r.raw.p99), 9, true),
          pad(`${(r.fraction * 100).toFixed(0)}%`, 8, true),
          pad(`${(r.appPeakRss / MB).toFixed(0)} MB`, 13, true),
          pad(`${r.app.cpuMsPerRequest.toFixed(2)} | ${r.raw.cpuMsPerRequest.toFixed(2)} ms`, 23, true),
        ].join('  '),
      );
    const peak = appPeak;
    log('');
    const hot = results.find((r) => r.endpoint.startsWith('hot'));
    for (const r of results) {
      const short = r.endpoint.split(' (')[0];
      figure({ bench: BENCH, name: `${short}: app/raw req/s`, value: r.fraction, unit: '×', target: `≥ ${TARGET.fraction}`, met: r.fraction >= TARGET.fraction });
      figure({ bench: BENCH, name: `${short}: app p99`, value: r.app.p99, unit: 'ms', target: `< ${TARGET.p99Ms} ms`, met: r.app.p99 < TARGET.p99Ms });
    }
    figure({ bench: BENCH, name: 'hot story: app/static req/s', value: hot.ofStatic, unit: '×', target: `≥ ${TARGET.hitOfStatic}`, met: hot.ofStatic >= TARGET.hitOfStatic });
    figure({
      bench: BENCH,
      name: 'node CPU per hit (hot story) / raw per request',
      value: hot.app.cpuMsPerRequest / hot.raw.cpuMsPerRequest,
      unit: '×',
      target: '≤ 1',
      met: hot.app.cpuMsPerRequest <= hot.raw.cpuMsPerRequest,
    });
    const missRatio = missRow.app.cpuMsPerRequest / slugRow.raw.cpuMsPerRequest;
    figure({ bench: BENCH, name: 'node CPU per miss (cache off) / raw per request', value: missRatio, unit: '×', target: `≤ ${TARGET.missCpuOfRaw}`, met: missRatio <= TARGET.missCpuOfRaw });
    figure({ bench: BENCH, name: 'app peak RSS', value: peak / MB, unit: 'MB', target: `< ${TARGET.rssMb} MB`, met: peak < TARGET.rssMb * MB });
    figure({ bench: BENCH, name: 'app peak RSS, response cache off (every story rendered)', value: missRow.peakRss / MB, unit: 'MB', target: `< ${TARGET.rssMb} MB`, met: missRow.peakRss < TARGET.rssMb * MB });
    log(`  (raw baseline peak RSS ${(Math.max(rawRss.state.peak, rawRss.state.hwm) / MB).toFixed(0)} MB; peak = max of VmRSS sampled every 200 ms and VmHWM)`);
    if (opt.profile) {
      const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
      if (file) {
        log('\nCPU profile of the cache-off app serving the rotating stories, top functions by self time:');
        for (const entry of topSelfTime(join(profileDir, file), 20))
          log(`  ${(entry.share * 100).toFixed(1).padStart(5)}%  ${entry.name}  ${entry.where}`);
      }
    }
    const failures = results.reduce((n, r) => n + r.app.failed + r.raw.failed, 0);
    if (failures) log(`WARNING: ${failures} requests failed (non-2xx, errors or timeouts): see the lines above`);
    log(
      `load average (1-min) during the measurement: ${loadAtStart[0].toFixed(2)} at start, max ${Math.max(...loads, loadAtStart[0]).toFixed(2)}, ${loadAtEnd[0].toFixed(2)} at end` +
        `${quiet.waited ? ` (the machine did not get below ${opt.maxLoad} within ${opt.maxWait} s)` : ''}; the bench's own client, both servers and PostgreSQL count in it`,
    );
    if (Number(args.processes) > 1) {
      // The single-process run above stopped its app: the proxy runs start their own, sized alike.
      const start = () => startApp(databaseUrl, dataDir, { CONTENT_CACHE_MB: String(opt.cacheMb) });
      const single = await start();
      cleanups.push(() => single.stop());
      const more = { startApp: start, endpoints, results, cannon, cleanups, log };
      await measureProcesses({ processes: Number(args.processes), app: single, ...more, warmup: opt.warmup, duration: opt.duration });
    }
    if (app.warnings.length) log(`app warnings/errors (first ${app.warnings.length}):\n  ${app.warnings.join('\n  ')}`);
    if (args.keep && !args.reuse) log(`kept database ${database} (drop it with: psql -c 'DROP DATABASE ${database} WITH (FORCE)')`);
    if (args.json)
      log(
        JSON.stringify({
          stories: facts.stories,
          connections: opt.connections,
          durationS: opt.duration,
          results,
          appPeakRssBytes: peak,
          load: { start: loadAtStart, end: loadAtEnd, max1: Math.max(...loads, loadAtStart[0]) },
        }),
      );
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
