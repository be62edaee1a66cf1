// Database-outage benchmark (issue 11, item 7). Starts a private PostgreSQL cluster (the embedded
// one, in a temporary folder) behind a TCP relay on a fixed port, and the real server against it.
// Then, --cycles times: caches the public list and a story, stops the cluster (the relay refuses
// connections meanwhile, as a stopped server does), records what each kind of request gets, starts
// the cluster again, and measures how long after it accepts connections the first write (POST
// /api/admin/articles, tried every 20 ms) succeeds. Target: 503 with Retry-After (no 500) while
// down, cached public pages still 200, writes back within a few seconds.
// A measurement, not a test: exits 0 whatever the figures (1 only when the run itself fails).
//
//   npm run build && node bench/outage/run.mjs [--cycles=3] [--down=3] [--port=0]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres } from '../../dist/src/database/embedded-postgres.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ADMIN = { email: 'bench-admin@newsroom.test', password: 'a-long-bench-password-1' };
const { values: args } = parseArgs({
  options: { cycles: { type: 'string', default: '3' }, down: { type: 'string', default: '3' }, port: { type: 'string', default: '0' } },
});
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message) => process.stderr.write(message + '\n');

/** Forwards a fixed local port to the cluster's current port; closed while the cluster is down. */
function relay() {
  let server = null;
  let port = 0;
  const open = new Set();
  return {
    get port() {
      return port;
    },
    async listen(target) {
      server = createServer((client) => {
        const upstream = new Socket();
        open.add(client).add(upstream);
        const cut = () => {
          client.destroy();
          upstream.destroy();
          open.delete(client);
          open.delete(upstream);
        };
        client.on('error', cut).on('close', cut);
        upstream.on('error', cut).on('close', cut);
        upstream.connect(target, '127.0.0.1', () => client.pipe(upstream).pipe(client));
      });
      await new Promise((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
      port = server.address().port;
    },
    async close() {
      for (const socket of open) socket.destroy();
      open.clear();
      if (server) await new Promise((resolve) => server.close(resolve));
      server = null;
    },
  };
}

async function startServer(databaseUrl, dataDir) {
  const port = Number(args.port) || 0;
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: randomBytes(32).toString('hex'),
      PORT: String(port),
      LOG_LEVEL: 'info',
      SEED_ON_EMPTY_DATABASE: 'false',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const base = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk.toString();
      const m = output.match(/listening on http:\/\/localhost:(\d+)/);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  child.removeAllListeners('exit');
  return {
    base,
    child,
    stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM')))),
  };
}

async function call(base, method, path, { token, body, headers = {} } = {}) {
  const started = performance.now();
  try {
    const res = await fetch(base + path, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    return { status: res.status, retryAfter: res.headers.get('retry-after'), text, etag: res.headers.get('etag'), ms: performance.now() - started };
  } catch (error) {
    return { status: error.name === 'TimeoutError' ? 'timeout' : 'error', ms: performance.now() - started };
  }
}

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'masthead-bench-outage-'));
  const tcp = relay();
  let cluster = await startEmbeddedPostgres(join(dataDir, 'db'));
  await tcp.listen(Number(new URL(cluster.url).port));
  const url = Object.assign(new URL(cluster.url), { port: String(tcp.port) }).toString();
  const server = await startServer(url, join(dataDir, 'app'));
  try {
    let token;
    for (let i = 0; !token && i < 100; i++, await sleep(200))
      token = JSON.parse((await call(server.base, 'POST', '/api/auth/login', { body: ADMIN })).text).accessToken;
    const story = JSON.parse((await call(server.base, 'POST', '/api/admin/articles', { token, body: { headline: '停电期间照常出版' } })).text);
    await call(server.base, 'POST', `/api/admin/articles/${story.id}/publish`, { token, headers: { 'if-match': `"${story.version}"` } });
    const recoveries = [];
    for (let cycle = 1; cycle <= Number(args.cycles); cycle++) {
      const list = await call(server.base, 'GET', '/api/content/articles');
      const page = await call(server.base, 'GET', `/api/content/articles/${story.slug}`);
      await tcp.close();
      await cluster.stop();
      const down = {
        'admin list': await call(server.base, 'GET', '/api/admin/articles', { token }),
        'write (new story)': await call(server.base, 'POST', '/api/admin/articles', { token, body: { headline: `离线 ${cycle}` } }),
        login: await call(server.base, 'POST', '/api/auth/login', { body: ADMIN }),
        'public list (cached)': await call(server.base, 'GET', '/api/content/articles'),
        'public story (cached)': await call(server.base, 'GET', `/api/content/articles/${story.slug}`),
        'public list, uncached page': await call(server.base, 'GET', `/api/content/articles?limit=${cycle + 2}`),
        'health/ready': await call(server.base, 'GET', '/health/ready'),
      };
      process.stdout.write(`\ncycle ${cycle}: database down\n`);
      for (const [name, r] of Object.entries(down)) {
        const same = name.includes('(cached)')
          ? ` (${r.text === (name.includes('list') ? list.text : page.text) ? 'same body as before the outage' : 'body differs'})`
          : '';
        process.stdout.write(
          `  ${name.padEnd(28)} ${String(r.status).padEnd(8)} Retry-After ${String(r.retryAfter ?? '-').padEnd(4)} ${r.ms.toFixed(1).padStart(7)} ms${same}\n`,
        );
      }
      await sleep(Number(args.down) * 1000);
      const restarted = performance.now();
      cluster = await startEmbeddedPostgres(join(dataDir, 'db'));
      await tcp.listen(Number(new URL(cluster.url).port));
      const back = performance.now();
      let attempts = 0;
      let last;
      do {
        attempts++;
        last = await call(server.base, 'POST', '/api/admin/articles', { token, body: { headline: `恢复 ${cycle}` } });
        if (last.status !== 201) await sleep(20);
      } while (last.status !== 201 && performance.now() - back < 60_000);
      const seconds = (performance.now() - back) / 1000;
      recoveries.push(seconds);
      process.stdout.write(
        `  database back: first successful write ${seconds.toFixed(2)} s after it accepted connections, ` +
          `${((performance.now() - restarted) / 1000).toFixed(2)} s after it was started (${attempts} attempts, last ${last.status})\n`,
      );
    }
    const sorted = [...recoveries].sort((a, b) => a - b);
    process.stdout.write(
      `\nwrites back after the database returns: ${recoveries.map((s) => s.toFixed(2)).join(', ')} s (median ${sorted[Math.floor(sorted.length / 2)].toFixed(2)} s after it accepts connections; target: a few seconds)\n`,
    );
  } finally {
    await server.stop();
    await tcp.close();
    await cluster.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  log(error.stack ?? String(error));
  process.exit(1);
});
