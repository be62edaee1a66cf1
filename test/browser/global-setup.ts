// Starts the real server (node dist/src/main.js, built by `npm run build`) on a fresh database: a new
// one on TEST_DATABASE_URL's server when set, as the Jest suite does, else on an embedded cluster.
// The scheduler looks every 500 ms; access tokens live 60 s, so long walks also go through the
// console's quiet refresh. Returns the teardown.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { ADMIN } from './support.js';

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForReady(baseUrl: string, server: { exitCode: number | null }, log: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${log()}`);
    const ready = await fetch(`${baseUrl}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server did not become ready:\n${log()}`);
}

/** One line per screen checked: how many axe rules passed and what was found, by impact. */
async function printAxeSummary(): Promise<void> {
  const files = await readdir('test-results/axe').catch(() => [] as string[]);
  if (!files.length) return;
  const rows = await Promise.all(
    files.map(
      async (f) =>
        JSON.parse(await readFile(join('test-results/axe', f), 'utf8')) as { screen: string; passes: number; byImpact: Record<string, number> },
    ),
  );
  process.stdout.write('\naxe-core (wcag2a/aa, wcag21a/aa, best practices):\n');
  for (const r of rows.sort((a, b) => a.screen.localeCompare(b.screen))) {
    const found =
      Object.entries(r.byImpact)
        .map(([impact, n]) => `${n} ${impact}`)
        .join(', ') || 'no violations';
    process.stdout.write(`  ${r.screen.padEnd(28)} ${String(r.passes).padStart(3)} rules passed; ${found}\n`);
  }
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const port = process.env.MASTHEAD_BROWSER_PORT!;
  await rm('test-results/axe', { recursive: true, force: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'masthead-browser-'));
  const embedded = process.env.TEST_DATABASE_URL ? null : await startEmbeddedPostgres('.data/browser-test');
  const serverUrl = process.env.TEST_DATABASE_URL ?? embedded!.url;
  const database = `masthead_browser_${randomBytes(4).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${database}`);
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${database}`;

  let output = '';
  const server = spawn(process.execPath, ['dist/src/main.js'], {
    env: {
      ...process.env,
      PORT: port,
      DATABASE_URL: databaseUrl.toString(),
      JWT_SECRET: randomBytes(32).toString('base64url'),
      JWT_ACCESS_TTL: '60',
      DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_ON_EMPTY_DATABASE: 'false',
      SCHEDULER_INTERVAL_MS: '500',
      NEWSROOM_TIME_ZONE: 'Asia/Kuala_Lumpur',
      LOGIN_MAX_PER_IP: '1000',
      // Walk 12's webhook receiver listens on 127.0.0.1.
      WEBHOOK_ALLOW_PRIVATE: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForReady(baseUrl, server, () => output);
  // The first administrator is created just after the server starts listening.
  for (let i = 0; ; i++) {
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    if (login.ok) break;
    if (i > 50) throw new Error(`the administrator cannot sign in (${login.status}):\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }

  return async () => {
    await printAxeSummary();
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    await onServer(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await embedded?.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
