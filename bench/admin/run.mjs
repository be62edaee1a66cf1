// Admin API benchmark: the newsroom's write path under a full desk. A fresh database holds --stories
// published Chinese-language stories (loaded with SQL as bench/content-api does, then indexed for
// search with `search:reindex`, so every index a write touches has its real size); --editors editor
// accounts (the built-in `editor` role) each log in once and start a ~3 KB draft of their own. Then,
// against the real server (node dist/src/main.js in a child process), phases of --warmup s and then
// --duration s measured:
//
//   edit       every editor saves their story, pauses (exponentially distributed, mean --think ms) and
//              saves again: PATCH /api/admin/articles/:id with the whole ~3 KB body, one paragraph
//              revised each time (what the console sends), If-Match with the version of the previous
//              answer. Target p95 < 15 ms.
//   publish    every editor revises the story (PATCH), publishes it (POST …/publish, If-Match: "publish
//              changes" on a live story), pauses, and again. Target p95 < 30 ms (the publishes).
//   edit-flat-out, publish-flat-out
//              the same with no pause: each editor sends the next request as soon as the previous one
//              answered. Latency there is mostly queueing (20 requests in flight on 2 cores); what these
//              measure is capacity: req/s and the CPU each request costs. No targets.
//
// Latency is measured by the client, from sending a request until the last byte of the answer. Also
// printed: the CPU each request cost the server process and its PostgreSQL backends (from /proc, when
// PostgreSQL runs on this machine) and the 1-minute load average. A measurement, not a test: exits 0
// whatever the figures (1 only when the run itself fails, or the server answers 5xx).
//
//   npm run build && node bench/admin/run.mjs [--stories=20000] [--editors=20] [--duration=10]
//     [--warmup=3] [--think=1000] [--phases=edit,publish,edit-flat-out,publish-flat-out]
//     [--max-load=2.5] [--max-wait=600] [--cpu-prof] [--app=dist/src/main.js] [--keep]
//     [--reuse=<database>] [--json]
//
// BENCH_DATABASE_URL names a PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres);
// the run makes a throwaway database there and drops it afterwards (--keep leaves it and prints its
// name; --reuse=<name> measures a database a --keep run left, skipping the load). --cpu-prof runs the
// server with node --cpu-prof and prints where the .cpuprofile went; --app runs another build of the
// server (a copy of dist/ inside the project, to compare two builds on one database). Linux only.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { runMigrations } from '../../dist/src/database/migrate.js';
import { loadPublishedArticles } from '../content-api/load-articles.mjs';
import { figure, onServer, SERVER, withDatabase } from '../support.mjs';
import { ensureEditors, prepareEditor, publishStory, saveStory, sourceStories } from './newsroom.mjs';
import { cpuSeconds, cpuTimes, loadavg, runToEnd, startApp } from './processes.mjs';

const TARGET = { edit: 15, publish: 30 };
const PHASES = {
  edit: { requests: ['edit'], paced: true },
  publish: { requests: ['edit', 'publish'], paced: true },
  'edit-flat-out': { requests: ['edit'], paced: false },
  'publish-flat-out': { requests: ['edit', 'publish'], paced: false },
};
const { values: args } = parseArgs({
  options: {
    stories: { type: 'string', default: '20000' },
    editors: { type: 'string', default: '20' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    think: { type: 'string', default: '1000' },
    phases: { type: 'string', default: Object.keys(PHASES).join(',') },
    'max-load': { type: 'string', default: '2.5' },
    'max-wait': { type: 'string', default: '600' },
    'cpu-prof': { type: 'boolean', default: false },
    app: { type: 'string', default: 'dist/src/main.js' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const opt = {
  stories: Number(args.stories),
  editors: Number(args.editors),
  duration: Number(args.duration),
  warmup: Number(args.warmup),
  think: Number(args.think),
  phases: args.phases.split(',').map((p) => p.trim()),
  maxLoad: Number(args['max-load']),
  maxWait: Number(args['max-wait']),
};
for (const phase of opt.phases) if (!PHASES[phase]) throw new Error(`unknown phase ${phase}: one of ${Object.keys(PHASES).join(', ')}`);

const log = (message) => process.stdout.write(message + '\n');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const ms = (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

async function waitForQuietMachine() {
  const deadline = Date.now() + opt.maxWait * 1000;
  for (;;) {
    const [one, five] = loadavg();
    if (one < opt.maxLoad) return false;
    if (Date.now() >= deadline) {
      log(`load average still ${one.toFixed(2)} after waiting ${opt.maxWait} s: measuring anyway (figures are pessimistic)`);
      return true;
    }
    log(`load average ${one.toFixed(2)} (5-min ${five.toFixed(2)}) ≥ ${opt.maxLoad}: waiting 30 s for other work to settle`);
    await sleep(30_000);
  }
}

async function loadNewsroom(databaseUrl) {
  await runMigrations(databaseUrl);
  log(`loading ${opt.stories.toLocaleString('en')} published stories …`);
  const loaded = await loadPublishedArticles(databaseUrl, opt.stories);
  log(`loaded in ${(loaded.elapsedMs / 1000).toFixed(1)} s; indexing them for search (search:reindex) …`);
  const started = performance.now();
  await runToEnd(['dist/src/cli/search-reindex.js', '--batch-size=1000'], { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
  log(`indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The PostgreSQL backends of the app's pool (CPU is read from /proc when the server is local). */
async function backendPids(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'masthead-bench-monitor' });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT pid FROM pg_stat_activity WHERE application_name = 'masthead' AND datname = current_database()`);
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

const SEND = { edit: saveStory, publish: publishStory };

/**
 * Every editor in a loop: the phase's requests in turn, then (paced phases) a pause. Warm-up, then
 * the measured window. Returns per request kind the sorted latencies of 200 answers and the other
 * answers by status, and the server's and PostgreSQL's CPU seconds over the window.
 */
async function runPhase(app, databaseUrl, editors, phase) {
  const samples = new Map(phase.requests.map((kind) => [kind, { latencies: [], failures: new Map() }]));
  let measuring = false;
  let stopAt = Date.now() + (opt.warmup + opt.duration) * 1000;
  const loops = editors.map(async (editor) => {
    while (Date.now() < stopAt) {
      for (const kind of phase.requests) {
        const started = performance.now();
        const res = await SEND[kind](editor);
        const elapsed = performance.now() - started;
        // A server error stops the run: the figures would mean nothing.
        if (res.status >= 500) throw new Error(`${kind} answered ${res.status}: ${res.text.slice(0, 300)}`);
        if (!measuring) continue;
        const entry = samples.get(kind);
        if (res.status === 200) entry.latencies.push(elapsed);
        else entry.failures.set(res.status, (entry.failures.get(res.status) ?? 0) + 1);
      }
      if (phase.paced) await sleep(-Math.log(1 - Math.random()) * opt.think);
    }
  });
  await sleep(opt.warmup * 1000);
  const backends = await backendPids(databaseUrl);
  const cpu = () => ({ app: cpuTimes(app.pid), db: backends.reduce((sum, pid) => sum + cpuSeconds(pid), 0), at: performance.now() });
  const before = cpu();
  measuring = true;
  await sleep(opt.duration * 1000);
  measuring = false;
  const after = cpu();
  stopAt = 0;
  await Promise.all(loops);
  for (const entry of samples.values()) entry.latencies.sort((a, b) => a - b);
  return {
    samples,
    seconds: (after.at - before.at) / 1000,
    appCpu: after.app.user + after.app.system - before.app.user - before.app.system,
    appSystemCpu: after.app.system - before.app.system,
    dbCpu: backends.length ? after.db - before.db : null,
  };
}

/** Prints a phase's figures; the CPU of the phase is spread over its last request kind (publishes count their edit). */
function report(name, phase, result) {
  const stats = {};
  for (const [kind, entry] of result.samples) {
    const l = entry.latencies;
    stats[kind] = {
      requests: l.length,
      perSecond: l.length / result.seconds,
      p50: percentile(l, 50),
      p95: percentile(l, 95),
      p99: percentile(l, 99),
      max: l.at(-1) ?? NaN,
      failures: Object.fromEntries(entry.failures),
    };
    const failed = Object.entries(stats[kind].failures);
    const s = stats[kind];
    log(
      `  ${name} · ${kind}: ${s.perSecond.toFixed(0)} req/s, p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, max ${ms(s.max)}` +
        `${failed.length ? `, FAILED ${failed.map(([status, n]) => `${n}× ${status}`).join(', ')}` : ''}`,
    );
  }
  const main = phase.requests.at(-1);
  const count = stats[main].requests;
  const cpu = {
    app: count ? (result.appCpu * 1000) / count : NaN,
    appSystem: count ? (result.appSystemCpu * 1000) / count : NaN,
    db: count && result.dbCpu !== null ? (result.dbCpu * 1000) / count : null,
  };
  const per = main === 'publish' ? 'publish (with the edit before it)' : 'edit';
  log(
    `  ${name}: CPU per ${per}: node ${cpu.app.toFixed(2)} ms (of which in the kernel ${cpu.appSystem.toFixed(2)} ms)` +
      `${cpu.db === null ? '' : `, PostgreSQL ${cpu.db.toFixed(2)} ms`}`,
  );

  const what = main === 'publish' ? 'publish' : 'story edit (PATCH ~3 KB)';
  const desk = `${opt.editors} editors${phase.paced ? `, ~1 request per ${opt.think} ms each` : ', flat out'}`;
  const s = stats[main];
  if (phase.paced) {
    figure({
      bench: 'admin',
      name: `${what}, ${desk}: p95`,
      value: s.p95,
      unit: 'ms',
      target: `p95 < ${TARGET[main]} ms`,
      met: s.p95 < TARGET[main] && !Object.keys(s.failures).length,
    });
    figure({ bench: 'admin', name: `${what}, ${desk}: p99`, value: s.p99, unit: 'ms' });
  } else {
    figure({ bench: 'admin', name: `${what}, ${desk}: req/s`, value: s.perSecond, unit: 'req/s' });
    figure({ bench: 'admin', name: `${what}, ${desk}: node CPU per ${main}`, value: cpu.app, unit: 'ms' });
    if (cpu.db !== null) figure({ bench: 'admin', name: `${what}, ${desk}: PostgreSQL CPU per ${main}`, value: cpu.db, unit: 'ms' });
  }
  return { ...stats, cpuMs: cpu };
}

async function main() {
  const database = args.reuse ?? `masthead_bench_admin_${randomBytes(4).toString('hex')}`;
  const databaseUrl = withDatabase(SERVER, database);
  const dataDir = await mkdtemp(join(tmpdir(), 'masthead-bench-admin-'));
  const cleanups = [() => rm(dataDir, { recursive: true, force: true })];
  const cleanup = async () => {
    while (cleanups.length)
      await cleanups
        .pop()()
        .catch((e) => log(`cleanup: ${e.message}`));
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    if (!args.reuse) {
      await onServer(`CREATE DATABASE ${database}`);
      if (!args.keep) cleanups.push(() => onServer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
      await loadNewsroom(databaseUrl);
    } else log(`reusing database ${database}`);
    const emails = await ensureEditors(databaseUrl, opt.editors);
    const sources = await sourceStories(databaseUrl, opt.editors);

    const profileDir = args['cpu-prof'] ? await mkdtemp(join(tmpdir(), 'masthead-admin-cpuprof-')) : null;
    const app = await startApp({
      databaseUrl,
      dataDir,
      main: args.app,
      jwtSecret: randomBytes(32).toString('hex'),
      nodeFlags: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    });
    cleanups.push(() => app.stop());
    const editors = [];
    for (const [i, email] of emails.entries()) editors.push(await prepareEditor(app.url, email, sources[i], i));
    cleanups.push(async () => editors.forEach((e) => e.client.close()));
    log(`app ${app.url} (pid ${app.pid}, ${args.app}); ${editors.length} editors logged in, each with a draft of their own`);

    const waited = await waitForQuietMachine();
    const loads = [];
    const loadTimer = setInterval(() => loads.push(loadavg()[0]), 1000);
    const loadAtStart = loadavg()[0];
    const results = {};
    for (const name of opt.phases) results[name] = report(name, PHASES[name], await runPhase(app, databaseUrl, editors, PHASES[name]));
    clearInterval(loadTimer);
    const load = { start: loadAtStart, max: Math.max(loadAtStart, ...loads), end: loadavg()[0] };

    log(
      `admin API: ${opt.editors} editors, ${opt.duration} s per phase after ${opt.warmup} s warm-up, ${cpus().length} CPUs, Node ${process.version}; ` +
        `load average (1-min) ${load.start.toFixed(2)} at start, max ${load.max.toFixed(2)}, ${load.end.toFixed(2)} at end` +
        `${waited ? ` (it did not get below ${opt.maxLoad} within ${opt.maxWait} s)` : ''}; the bench's own client, the server and PostgreSQL count in it`,
    );
    figure({ bench: 'admin', name: 'load average (1-min) during the run, max', value: load.max });
    if (app.warnings.length) log(`app warnings/errors (first ${app.warnings.length}):\n  ${app.warnings.join('\n  ')}`);
    if (profileDir) {
      await app.stop();
      log(`CPU profile of the server: ${profileDir} (open the .cpuprofile in Chrome DevTools or speedscope)`);
    }
    if (args.keep && !args.reuse)
      log(`kept database ${database} (reuse it with --reuse=${database}; drop it with: psql -c 'DROP DATABASE ${database} WITH (FORCE)')`);
    if (args.json) log(JSON.stringify({ editors: opt.editors, durationS: opt.duration, think: opt.think, results, load }));
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
