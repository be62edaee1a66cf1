// Hostile-request benchmark (issue 11, items 1-3). Loads a database with published stories, starts
// the real server (node dist/src/main.js, as npm start runs it) and:
//   1. cost: sends each hostile case (cases.mjs) alone, --repeat times, and prints its answer and
//      the server CPU time it cost (from /proc: the server process's user + system time);
//   2. idle: probes GET /health and GET /api/content/articles (the public list) for --duration s;
//   3. attack: the same probes while --clients hostile clients (worker threads) send the cases in
//      turn, each after the previous answer, for --duration s.
// Idle and attack alternate in --windows windows each, so other work on the machine weighs on both.
// Prints the probes' p50/p99 idle and under attack next to the targets: every hostile request
// answered 4xx and costing under 50 ms of server CPU, and p99 under attack within 2x of idle. For
// scale it also probes while the same clients send ordinary reader requests: on a small machine
// the clients' own CPU use slows the probes too, hostile or not.
// A measurement, not a test: exits 0 whatever the figures (1 only when the run itself fails).
//
//   npm run build && node bench/hostile/run.mjs [--stories=300] [--clients=4] [--duration=10] [--windows=10]
//     [--repeat=20] [--timeout=30] [--port=0] [--only=<substring of a case name>] [--max-load=2.5]
//     [--max-wait=600] [--json]
//
// BENCH_DATABASE_URL names a PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres);
// the run creates a throwaway database there and drops it afterwards. Before measuring it waits (up
// to --max-wait seconds) for the 1-minute load average to fall below --max-load, and it reports the
// load seen: on a shared 2-core machine other work moves the p99s more than the attack does.
// Linux only (reads /proc).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { hashPassword } from '../../dist/src/users/passwords.js';
import { runMigrations } from '../../dist/src/database/migrate.js';
import { loadPublishedArticles } from '../content-api/load-articles.mjs';
import { freePort, onServer, SERVER, withDatabase } from '../support.mjs';
import { hostileCases } from './cases.mjs';
import { send } from './http.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARGET = { costMs: 50, p99Factor: 2 };
const ADMIN = { email: 'bench-admin@newsroom.test', password: 'a-long-bench-password-1' };

const { values: args } = parseArgs({
  options: {
    stories: { type: 'string', default: '300' },
    clients: { type: 'string', default: '4' },
    duration: { type: 'string', default: '10' },
    windows: { type: 'string', default: '10' },
    repeat: { type: 'string', default: '20' },
    timeout: { type: 'string', default: '30' },
    port: { type: 'string', default: '0' },
    only: { type: 'string' },
    'max-load': { type: 'string', default: '2.5' },
    'max-wait': { type: 'string', default: '600' },
    json: { type: 'boolean', default: false },
  },
});
const opt = {
  stories: Number(args.stories),
  clients: Number(args.clients),
  durationMs: Number(args.duration) * 1000,
  windows: Number(args.windows),
  repeat: Number(args.repeat),
  timeoutMs: Number(args.timeout) * 1000,
  port: Number(args.port),
  maxLoad: Number(args['max-load']),
  maxWait: Number(args['max-wait']),
};

const log = (message) => process.stderr.write(message + '\n');
// Output piped into `head` that has quit must not stop the run before it drops its database.
process.stdout.on('error', () => undefined);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU milliseconds (user + system) a process has used so far. */
function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}


async function startServer(databaseUrl, dataDir) {
  const port = opt.port || (await freePort());
  const child = spawn(process.execPath, ['--max-old-space-size=256', 'dist/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: randomBytes(32).toString('hex'),
      PORT: String(port),
      LOG_LEVEL: 'error',
      SEED_ON_EMPTY_DATABASE: 'false',
      // Login throttling would turn the hostile logins into cheap 429s: measure the requests themselves.
      LOGIN_MAX_PER_ACCOUNT: '1000000',
      LOGIN_MAX_PER_IP: '1000000',
      MALLOC_ARENA_MAX: '2',
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const collect = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(250)) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output.join('')}`);
    const health = await send(base, { method: 'GET', path: '/health', headers: {} }, null, 2000);
    if (health.status === 200) break;
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return { base, child, output, stop };
}

/** The loaded reporters mean the server creates no first administrator: the bench adds its own. */
async function createAdmin(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`INSERT INTO "user" (email, display_name, password_hash) VALUES ($1, 'Bench admin', $2) RETURNING id`, [
      ADMIN.email,
      await hashPassword(ADMIN.password),
    ]);
    await client.query(`INSERT INTO user_role (user_id, role_id) SELECT $1, id FROM role WHERE name = 'admin'`, [rows[0].id]);
  } finally {
    await client.end();
  }
}

async function adminToken(base) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (!res.ok) throw new Error(`admin login answered ${res.status}`);
  return (await res.json()).accessToken;
}

const loadavg = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

async function waitForQuietMachine() {
  const deadline = Date.now() + opt.maxWait * 1000;
  while (loadavg() >= opt.maxLoad && Date.now() < deadline) {
    log(`load average ${loadavg().toFixed(2)} ≥ ${opt.maxLoad}: waiting 30 s for other work to settle`);
    await sleep(30_000);
  }
  return loadavg();
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

const PROBES = {
  health: { method: 'GET', path: '/health', headers: {} },
  list: { method: 'GET', path: '/api/content/articles?limit=20', headers: {} },
};

/** Probes /health and the public list in turn until `until`, adding latencies (ms) to `seen`. */
async function probe(base, until, seen) {
  while (Date.now() < until) {
    for (const [name, route] of Object.entries(PROBES)) {
      const { status, ms } = await send(base, route, null, opt.timeoutMs);
      seen[name].push(ms);
      if (status !== 200) seen.failures[`${name} ${status}`] = (seen.failures[`${name} ${status}`] ?? 0) + 1;
    }
    await sleep(5);
  }
}

function summarise(seen) {
  const summary = { failures: seen.failures, serverCpuShare: seen.cpuMs / opt.durationMs };
  for (const name of Object.keys(PROBES)) {
    const sorted = seen[name].sort((a, b) => a - b);
    summary[name] = { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) };
  }
  return summary;
}

/**
 * Idle and attack windows alternate (--windows of each, --duration in all for each), so that other
 * work on the machine weighs on both alike. The clients pause between attack windows, and each idle
 * window starts once their requests in flight have been answered.
 */
async function idleVersusAttack(base, cases, token, pid) {
  const control = new SharedArrayBuffer(8);
  const shared = new Int32Array(control);
  const clients = Array.from({ length: opt.clients }, (_, i) => {
    const worker = new Worker(new URL('./attacker.mjs', import.meta.url), {
      workerData: { base, cases, token, offset: i * Math.ceil(cases.length / opt.clients), timeoutMs: opt.timeoutMs, control },
    });
    return new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  });
  const SWITCH = { idle: 0, attack: 1, ordinary: 3 };
  const phases = Object.fromEntries(Object.keys(SWITCH).map((phase) => [phase, { health: [], list: [], failures: {}, cpuMs: 0 }]));
  const window = opt.durationMs / opt.windows;
  for (let w = 0; w < opt.windows; w++) {
    for (const phase of ['idle', 'ordinary', 'attack']) {
      Atomics.store(shared, 0, SWITCH[phase]);
      Atomics.notify(shared, 0);
      // The previous window's requests in flight must not count in this one.
      if (phase === 'idle') while (Atomics.load(shared, 1) > 0) await sleep(5);
      const before = cpuMs(pid);
      await probe(base, Date.now() + window, phases[phase]);
      phases[phase].cpuMs += cpuMs(pid) - before;
    }
  }
  Atomics.store(shared, 0, 2);
  Atomics.notify(shared, 0);
  return {
    idle: summarise(phases.idle),
    ordinary: summarise(phases.ordinary),
    attacked: summarise(phases.attack),
    clients: await Promise.all(clients),
  };
}

async function main() {
  const database = `masthead_bench_hostile_${randomBytes(4).toString('hex')}`;
  const databaseUrl = withDatabase(SERVER, database);
  const dataDir = await mkdtemp(join(tmpdir(), 'masthead-bench-hostile-'));
  let server;
  try {
    await onServer(`CREATE DATABASE ${database}`);
    await runMigrations(databaseUrl);
    await loadPublishedArticles(databaseUrl, opt.stories, { photos: 50 });
    await createAdmin(databaseUrl);
    log(`loaded ${opt.stories} published stories into ${database}`);
    await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['dist/src/cli/search-reindex.js'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: databaseUrl, JWT_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'error' },
        stdio: 'ignore',
      });
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`search reindex exited with ${code}`))));
    });
    server = await startServer(databaseUrl, dataDir);
    const token = await adminToken(server.base);
    const storyId = (await (await fetch(`${server.base}/api/admin/articles?limit=1`, { headers: { authorization: `Bearer ${token}` } })).json())
      .items[0].id;
    const cases = hostileCases({ storyId }).filter((c) => !args.only || c.name.includes(args.only));
    const pid = server.child.pid;

    // 1. What each hostile request costs alone.
    const costs = [];
    for (const hostile of cases) {
      const statuses = new Set();
      const wall = [];
      const before = cpuMs(pid);
      for (let i = 0; i < opt.repeat; i++) {
        const { status, ms } = await send(server.base, hostile, token, opt.timeoutMs);
        statuses.add(status);
        wall.push(ms);
        if (status === 'timeout') break;
      }
      // A request the client gave up on may still be running: wait for the server to be free again.
      while ((await send(server.base, { method: 'GET', path: '/health', headers: {} }, null, opt.timeoutMs)).status !== 200) await sleep(100);
      costs.push({
        name: hostile.name,
        reference: Boolean(hostile.reference),
        statuses: [...statuses].join(','),
        cpuMs: (cpuMs(pid) - before) / wall.length,
        wallMs: Math.max(...wall),
      });
      log(`  ${hostile.name}: ${[...statuses].join(',')} ${costs.at(-1).cpuMs.toFixed(1)} ms CPU`);
    }

    // 2. Idle and 3. under attack, in alternating windows.
    const loadBefore = await waitForQuietMachine();
    const { idle, ordinary, attacked, clients } = await idleVersusAttack(
      server.base,
      cases.filter((c) => !c.reference),
      token,
      pid,
    );
    const loadAfter = loadavg();
    const sent = clients.reduce((n, c) => n + c.sent, 0);
    const statuses = {};
    for (const c of clients) for (const [key, n] of Object.entries(c.statuses)) statuses[key] = (statuses[key] ?? 0) + n;

    report({ costs, idle, ordinary, attacked, sent, statuses, load: [loadBefore, loadAfter] });
  } finally {
    await server?.stop();
    await onServer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
}

function report({ costs, idle, ordinary, attacked, sent, statuses, load }) {
  // A hostile request must get an answer, and not a 5xx (a legitimate but costly one may get its 200).
  const failed = (status) => !/^[234]\d\d$/.test(String(status));
  const serverErrors = Object.entries(statuses).filter(([key]) => failed(key.split('|')[1]));
  const slowest = costs.filter((c) => !c.reference).reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a));
  const fiveHundreds = costs.filter((c) => c.statuses.split(',').some(failed));
  const rows = ['health', 'list'].map((name) => ({
    probe: name === 'health' ? 'GET /health' : 'GET /api/content/articles',
    idle: idle[name],
    ordinary: ordinary[name],
    attack: attacked[name],
    targetP99: idle[name].p99 * TARGET.p99Factor,
    met: attacked[name].p99 <= idle[name].p99 * TARGET.p99Factor,
  }));
  if (args.json) {
    process.stdout.write(JSON.stringify({ options: opt, costs, idle, ordinary, attacked, sent, statuses, rows, load }, null, 2) + '\n');
    return;
  }
  const out = (line = '') => process.stdout.write(line + '\n');
  const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : '–');
  out(`\nhostile requests, each alone (${opt.repeat}×): answer, server CPU per request, slowest wall time`);
  for (const c of costs) out(`  ${c.name.padEnd(58)} ${c.statuses.padEnd(12)} ${ms(c.cpuMs).padStart(10)} ${ms(c.wallMs).padStart(10)}`);
  out(
    `\nslowest: ${slowest.name}, ${ms(slowest.cpuMs)} of server CPU (target < ${TARGET.costMs} ms): ${slowest.cpuMs < TARGET.costMs ? 'met' : 'NOT met'}`,
  );
  out(`5xx or no answer: ${fiveHundreds.length === 0 ? 'none' : fiveHundreds.map((c) => `${c.name} (${c.statuses})`).join('; ')}`);
  out(
    `\nprobes (p50 / p99 / max): idle; while ${opt.clients} clients send ordinary reader requests (the public list); while they send the hostile ` +
      `cases (${sent} sent); ${opt.durationMs / 1000} s each, in ${opt.windows} alternating windows`,
  );
  const triple = (p) => `${ms(p.p50)} / ${ms(p.p99)} / ${ms(p.max)}`.padStart(30);
  out(`  ${'probe'.padEnd(26)} ${'idle'.padStart(30)} ${'ordinary traffic'.padStart(30)} ${'hostile traffic'.padStart(30)}   target p99`);
  for (const r of rows)
    out(
      `  ${r.probe.padEnd(26)} ${triple(r.idle)} ${triple(r.ordinary)} ${triple(r.attack)}   ≤ ${ms(r.targetP99)} (2× idle): ${r.met ? 'met' : 'NOT met'}`,
    );
  out(
    `  server CPU: ${(idle.serverCpuShare * 100).toFixed(0)}% of a core idle, ${(ordinary.serverCpuShare * 100).toFixed(0)}% with ordinary traffic, ` +
      `${(attacked.serverCpuShare * 100).toFixed(0)}% with hostile traffic; 1-min load average ${load[0].toFixed(2)} before, ${load[1].toFixed(2)} after ` +
      `(2 cores; the bench's clients and PostgreSQL count in it)`,
  );
  const probeFailures = { ...idle.failures, ...ordinary.failures, ...attacked.failures };
  if (Object.keys(probeFailures).length) out(`  probe answers other than 200: ${JSON.stringify(probeFailures)}`);
  out(
    `5xx or no answer during the attack: ${serverErrors.length === 0 ? 'none' : serverErrors.map(([k, n]) => `${k.replace('|', ': ')} ×${n}`).join('; ')}`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
