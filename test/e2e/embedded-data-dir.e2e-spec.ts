// Two processes on one data folder (`npm start` twice in one checkout): the second refuses to start
// and names the first, which keeps serving from its database; a command-line tool run next to the
// server uses the server's database instead of touching the cluster.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

interface Server {
  child: ChildProcess;
  port: number;
  output: () => string;
}

function serverEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'info',
    SEED_ON_EMPTY_DATABASE: 'false',
    ADMIN_EMAIL: 'chief@newsroom.test',
    ADMIN_PASSWORD: 'a-long-test-password-1',
  };
  delete env.DATABASE_URL;
  delete env.JWT_SECRET;
  return env;
}

/** Starts the compiled server; resolves once it listens, or with its exit code and output if it stops first. */
function startServer(dataDir: string): Promise<Server | { code: number | null; output: string }> {
  const child = spawn(process.execPath, ['dist/src/main.js'], { env: serverEnv(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = output.match(/listening on http:\/\/localhost:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** The status /health/ready settles on: 503 while the first start creates the admin, then 200. */
async function readiness(server: Server): Promise<number> {
  for (let i = 0; ; i++) {
    const { status } = await fetch(`http://127.0.0.1:${server.port}/health/ready`);
    if (status !== 503 || i >= 600) return status;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const stop = (server: Server) =>
  new Promise<number | null>((resolve) => {
    server.child.once('exit', (code) => resolve(code));
    server.child.kill('SIGTERM');
  });

const storiesOn = async (server: Server) =>
  ((await (await fetch(`http://127.0.0.1:${server.port}/api/content/articles`)).json()) as { items: unknown[] }).items.length;

describe('one data folder, two processes', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'masthead-data-dir-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a second server naming the first, which keeps its database; a tool shares it', async () => {
    const first = await startServer(dataDir);
    if (!('child' in first)) throw new Error(`the first server did not start:\n${first.output}`);
    try {
      expect(await readiness(first)).toBe(200);
      const second = await startServer(dataDir);
      expect(second).toMatchObject({ code: 1 });
      expect((second as { output: string }).output).toContain(`in use by another Masthead process (pid ${first.child.pid}`);
      expect((second as { output: string }).output).not.toContain('stopping a PostgreSQL server');

      // The first still answers from its database, which nothing stopped.
      expect(await readiness(first)).toBe(200);
      expect(await storiesOn(first)).toBe(0);

      // `npm run seed` next to the running server imports into the server's database and leaves it running.
      const seed = await promisify(execFile)(process.execPath, ['dist/src/cli/import.js', '--seed'], { env: serverEnv(dataDir) });
      expect(seed.stderr).toContain(`using the embedded PostgreSQL of the running Masthead process (pid ${first.child.pid})`);
      expect(await storiesOn(first)).toBeGreaterThan(0);
      expect(await readiness(first)).toBe(200);
    } finally {
      expect(await stop(first)).toBe(0);
    }

    // Once the first has stopped, the folder is free again.
    const next = await startServer(dataDir);
    if (!('child' in next)) throw new Error(`the server did not start after the first stopped:\n${next.output}`);
    expect(await readiness(next)).toBe(200);
    expect(await storiesOn(next)).toBeGreaterThan(0);
    expect(await stop(next)).toBe(0);
  }, 180_000);
});
