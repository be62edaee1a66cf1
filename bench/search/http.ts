// The search bench through HTTP: the real server (dist/src/main.js, as `npm start` runs it) in a
// child process on the bench database, and autocannon driving GET /api/content/search with
// `clients` connections. autocannon's client costs little CPU, which matters when the client, the
// server and PostgreSQL share two cores.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import pg from 'pg';
import { cpuSeconds, latencies, ownCpuSeconds, sleep, type Latencies } from './measure.js';

export interface App {
  url: string;
  pid: number;
  stop: () => Promise<void>;
  /** The server's last lines of output, for errors. */
  output: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function keepTail(child: ChildProcess, output: string[]): void {
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      output.push(...chunk.split('\n').filter(Boolean));
      output.splice(0, Math.max(0, output.length - 50));
    });
  }
}

/**
 * Starts the app on `databaseUrl` and waits until /health/ready answers 200. With `profileDir`, the
 * server writes a V8 CPU profile there when it stops.
 */
export async function startApp(databaseUrl: string, profileDir?: string): Promise<App> {
  const port = await freePort();
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, '--max-old-space-size=256', 'dist/src/main.js'], {
    env: {
      ...process.env,
      MALLOC_ARENA_MAX: '2',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      SEED_ON_EMPTY_DATABASE: 'false',
      SCHEDULER_ENABLED: 'false',
      ADMIN_EMAIL: 'bench@newsroom.test',
      ADMIN_PASSWORD: randomBytes(12).toString('hex'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  keepTail(child, output);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (await fetch(`${url}/health/ready`).then((r) => r.ok, () => false)) break;
    if (child.exitCode !== null || attempt > 600) {
      await stop();
      throw new Error(`the server did not start:\n${output.join('\n')}`);
    }
    await sleep(200);
  }
  return { url, pid: child.pid ?? 0, stop, output };
}

/**
 * Request paths for `queries` (in turn, as often as they appear), every one a different URL, so the
 * content response cache (keyed by URL) cannot answer any of them and each request runs the search.
 * A repeated query is the same text each time; only the case of its percent-encoding's hex digits
 * differs (`%E4` / `%e4`), which decodes identically. Queries whose variants run out are skipped.
 */
export function* distinctPaths(queries: readonly string[]): Generator<string> {
  const asked = new Map<string, number>();
  for (let round = 0, any = true; any; round++) {
    any = false;
    for (const q of queries) {
      const encoded = encodeURIComponent(q);
      const letters = (encoded.match(/%[0-9A-F]{2}/gu) ?? []).join('').replace(/[^A-F]/gu, '').length;
      const variant = asked.get(q) ?? 0;
      if (variant >= 2 ** Math.min(letters, 30)) continue;
      asked.set(q, variant + 1);
      any = true;
      let bit = 0;
      const path = encoded.replace(/%([0-9A-F]{2})/gu, (_, hex: string) => `%${[...hex].map((c) => (/[A-F]/u.test(c) && (variant >> bit++) & 1 ? c.toLowerCase() : c)).join('')}`);
      yield `/api/content/search?q=${path}`;
    }
  }
}

export interface HttpRun extends Latencies {
  rps: number;
  failed: number;
  /** CPU per request: the server process, its PostgreSQL backends, this (client) process. */
  cpuMs: { app: number; db: number | null; client: number };
}

/** The PostgreSQL backends of the app's pool on `databaseUrl` (found by application_name). */
async function backendPids(databaseUrl: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'masthead%' AND pid <> pg_backend_pid()`,
    );
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

/** `connections` clients asking for `paths` in turn for `seconds`; latency of every answer. */
export async function cannon(app: App, databaseUrl: string, paths: () => string, connections: number, seconds: number): Promise<HttpRun> {
  const times: number[] = [];
  const backends = await backendPids(databaseUrl);
  const dbCpu = () => backends.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const before = { app: cpuSeconds(app.pid), db: dbCpu(), client: ownCpuSeconds() };
  const instance = autocannon({
    url: app.url,
    connections,
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths() }) }],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  const result = await instance;
  const n = Math.max(1, result.requests.total);
  const perRequest = (was: number, now: number) => ((now - was) * 1000) / n;
  const db = dbCpu();
  return {
    ...latencies(times),
    rps: result.requests.total / seconds,
    failed: result.non2xx + result.errors + result.timeouts,
    cpuMs: { app: perRequest(before.app, cpuSeconds(app.pid)), db: db > 0 ? perRequest(before.db, db) : null, client: perRequest(before.client, ownCpuSeconds()) },
  };
}

/** How many of a sample of queries find something (a bench whose queries find nothing measures little). */
export async function answeredShare(app: App, queries: readonly string[]): Promise<number> {
  let answered = 0;
  for (const q of queries) {
    // `limit=20` (the default) keeps these URLs apart from the measured ones, which must not be cached.
    const res = await fetch(`${app.url}/api/content/search?q=${encodeURIComponent(q)}&limit=20`);
    if (res.status !== 200) throw new Error(`GET /api/content/search?q=${q} answered ${res.status}: ${await res.text()}`);
    if (((await res.json()) as { items: unknown[] }).items.length > 0) answered++;
  }
  return answered / queries.length;
}
