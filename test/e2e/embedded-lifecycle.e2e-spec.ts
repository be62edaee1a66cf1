// `npm start` with no DATABASE_URL: the real server process with its embedded PostgreSQL,
// restarted, stopped with SIGTERM, and recovered after a SIGKILL of its whole process group.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

interface Server {
  child: ChildProcess;
  port: number;
  output: () => string;
}

function startServer(dataDir: string, until: RegExp = /listening on http:\/\/localhost:(\d+)/): Promise<Server> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info', SEED_ON_EMPTY_DATABASE: 'false', ADMIN_EMAIL: 'chief@newsroom.test', ADMIN_PASSWORD: 'a-long-test-password-1' };
  delete env.DATABASE_URL;
  delete env.JWT_SECRET;
  const child = spawn(process.execPath, ['dist/src/main.js'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = output.match(until);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1] ?? 0), output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

/** The status /health/ready settles on: 503 while the first start creates the admin, then 200. */
async function readiness(port: number): Promise<number> {
  for (let i = 0; ; i++) {
    const { status } = await fetch(`http://127.0.0.1:${port}/health/ready`);
    if (status !== 503 || i >= 600) return status;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `npm run -s db:url` on this data folder. */
const databaseUrl = (dataDir: string) => {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, DATA_DIR: dataDir };
  return promisify(execFile)(process.execPath, ['dist/src/cli/database-url.js'], { env });
};

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

async function embeddedClient(dataDir: string): Promise<pg.Client> {
  // Where the cluster lives is logged at start-up; its superuser password is kept in the data folder.
  const password = (await readFile(join(dataDir, 'embedded-db-password'), 'utf8')).trim();
  const pgDir = await clusterDirOf(dataDir);
  const port = (await readFile(join(pgDir, 'postmaster.pid'), 'utf8')).split('\n')[3];
  const client = new pg.Client({ host: '127.0.0.1', port: Number(port), user: 'postgres', password, database: 'masthead' });
  await client.connect();
  return client;
}

let logged = '';
async function clusterDirOf(dataDir: string): Promise<string> {
  const m = logged.match(/embedded PostgreSQL started on 127\.0\.0\.1:\d+ \(([^)]+)\)/);
  return m ? m[1] : join(dataDir, 'pg');
}

describe('embedded PostgreSQL lifecycle (npm start without DATABASE_URL)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'masthead-embedded-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts, keeps data across a restart, stops cleanly on SIGTERM, and recovers after kill -9', async () => {
    // SIGTERM in the middle of the very first start (cluster up, migrations and first admin not
    // done yet): still a clean exit that stops the embedded server.
    let server = await startServer(dataDir, /embedded PostgreSQL started/);
    const earlyExit = exited(server.child);
    server.child.kill('SIGTERM');
    expect(await earlyExit).toBe(0);
    expect(server.output()).toContain('embedded PostgreSQL stopped');

    // Next start: migrates, creates the first admin, serves.
    server = await startServer(dataDir);
    logged = server.output();
    expect(await readiness(server.port)).toBe(200);
    const client = await embeddedClient(dataDir);
    await client.query(`INSERT INTO audit_entry (action, entity, summary) VALUES ('test.marker', 'test', '{"kept": true}')`);
    await client.end();

    // SIGTERM: graceful exit with status 0, and the embedded server is stopped too.
    const firstExit = exited(server.child);
    server.child.kill('SIGTERM');
    expect(await firstExit).toBe(0);
    expect(server.output()).toContain('embedded PostgreSQL stopped');

    // Without a running server, `npm run db:url` has no database to name.
    await expect(databaseUrl(dataDir)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('No Masthead process is running') });

    // Restart keeps the data, which PostgreSQL's own tools reach through `npm run db:url`.
    server = await startServer(dataDir);
    logged = server.output();
    const again = new pg.Client({ connectionString: (await databaseUrl(dataDir)).stdout.trim() });
    await again.connect();
    const rows = await again.query(`SELECT summary FROM audit_entry WHERE action = 'test.marker'`);
    await again.end();
    expect(rows.rows).toEqual([{ summary: { kept: true } }]);

    // kill -9 of the whole process group: the next start must clean up and come up.
    process.kill(-server.child.pid!, 'SIGKILL');
    await exited(server.child);
    server = await startServer(dataDir);
    expect(await readiness(server.port)).toBe(200);
    const last = exited(server.child);
    server.child.kill('SIGTERM');
    expect(await last).toBe(0);
  }, 180_000);
});
