// Several application instances against one database, as in production behind a load balancer:
// in-process apps (for setup and HTTP) and real server processes (`node dist/src/main.js`).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { startAppOn, TEST_JWT_SECRET } from './app.js';
import { createTestDatabase } from './databases.js';

export { createTestDatabase as createSharedDatabase };

export { startAppOn };

export interface ServerProcess {
  port: number;
  process: ChildProcess;
  output: string[];
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilHealthy(server: ServerProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null) throw new Error(`server exited early (${server.process.exitCode}):\n${server.output.join('')}`);
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server on port ${server.port} did not become healthy:\n${server.output.join('')}`);
}

/** Starts the compiled server (run `npm run build` first) and waits until /health answers. */
export async function spawnServer(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    env: {
      ...process.env,
      LOG_LEVEL: 'silent',
      SEED_ON_EMPTY_DATABASE: 'false',
      DATA_DIR: '.data/test-files',
      ...env,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const server: ServerProcess = {
    port,
    process: child,
    output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
  try {
    await waitUntilHealthy(server, 30_000);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** Polls `check` until it returns a value (not undefined) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Reads until `done` holds (about a second at most) and returns the last reading, for changes that
 * arrive by notification (response caches): the assertion on the result then shows what was read.
 */
export async function settled<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 50 && !done(value); i++) {
    await new Promise((r) => setTimeout(r, 20));
    value = await read();
  }
  return value;
}
