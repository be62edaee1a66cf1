// How soon a logout is honoured by another process: two servers on one database; a session opened
// on the first is ended (logout) through the second, and the first is asked for /api/auth/me every
// 2 ms until it answers 401. Prints the delay after the logout's 204, over many logouts.
//
//   node bench/sessions/run.mjs [--logouts=50]     BENCH_DATABASE_URL names the PostgreSQL server; ports 3501 and 3502
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runMigrations } from '../../dist/src/database/migrate.js';
import { SERVER, onServer, withDatabase } from '../support.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({ options: { logouts: { type: 'string', default: '50' } } });
const ADMIN = { email: 'bench@newsroom.test', password: 'a-long-bench-password-1' };

async function startServer(databaseUrl, port) {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    JWT_SECRET: SECRET,
    PORT: String(port),
    LOG_LEVEL: 'silent',
    SEED_ON_EMPTY_DATABASE: 'false',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOGIN_MAX_PER_ACCOUNT_AND_IP: '1000',
  };
  const child = spawn(process.execPath, ['dist/src/main.js'], { cwd: ROOT, env, stdio: 'ignore' });
  for (let i = 0; i < 600; i++) {
    if ((await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.status === 200) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`the server on port ${port} did not become ready`);
}

const json = (body) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const SECRET = randomBytes(32).toString('hex');
const name = `masthead_bench_sessions_${randomBytes(4).toString('hex')}`;
await onServer(`CREATE DATABASE ${name}`);
const url = withDatabase(SERVER, name);
const servers = [];
try {
  await runMigrations(url);
  servers.push(await startServer(url, 3501));
  servers.push(await startServer(url, 3502));
  const [a, b] = ['http://127.0.0.1:3501', 'http://127.0.0.1:3502'];
  const delays = [];
  for (let i = 0; i < Number(values.logouts); i++) {
    const session = await (await fetch(`${a}/api/auth/login`, json(ADMIN))).json();
    const me = () => fetch(`${a}/api/auth/me`, { headers: { Authorization: `Bearer ${session.accessToken}` } }).then((r) => r.status);
    if ((await me()) !== 200) throw new Error('a fresh session was refused');
    const logout = await fetch(`${b}/api/auth/logout`, json({ refreshToken: session.refreshToken }));
    if (logout.status !== 204) throw new Error(`logout answered ${logout.status}`);
    const loggedOut = performance.now();
    while ((await me()) !== 401) await new Promise((r) => setTimeout(r, 2));
    delays.push(performance.now() - loggedOut);
  }
  delays.sort((x, y) => x - y);
  const at = (q) => delays[Math.min(delays.length - 1, Math.floor(q * delays.length))].toFixed(1);
  console.log(
    `logout on one process honoured by another after: median ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${delays.at(-1).toFixed(1)} ms (${delays.length} logouts)`,
  );
} finally {
  for (const server of servers) server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
