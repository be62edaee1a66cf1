// How long a newcomer waits: `npm start` on a fresh data folder (the first start: a new embedded
// cluster, migrations, the first admin, the seed import) and then restarts, each timed from the
// command to the first 200 from /health/ready (which waits for the seed import on a first start).
// Run after `npm install` (which builds): an unchanged checkout is not rebuilt by `npm start`.
//
//   node bench/startup/run.mjs [--restarts=3]     BENCH_PORT (default 3501) is the port used
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PORT = process.env.BENCH_PORT ?? '3501';
const { values } = parseArgs({ options: { restarts: { type: 'string', default: '3' } } });

/** Seconds from `npm start` to ready, and the published stories at that moment; then stops the server. */
async function timedStart(dataDir) {
  const started = Date.now();
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT,
    LOG_LEVEL: 'warn',
    ADMIN_EMAIL: 'bench@newsroom.test',
    ADMIN_PASSWORD: 'a-long-bench-password-1',
  };
  delete env.DATABASE_URL;
  const child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${errors}`);
      if (Date.now() - started > 120_000) throw new Error('not ready within 120 s');
      const ready = await fetch(`http://127.0.0.1:${PORT}/health/ready`).catch(() => null);
      if (ready?.status === 200) {
        const seconds = (Date.now() - started) / 1000;
        const stories = (await (await fetch(`http://127.0.0.1:${PORT}/api/content/articles`)).json()).items.length;
        return { seconds, stories };
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

await mkdir(join(ROOT, '.data'), { recursive: true });
const dataDir = await mkdtemp(join(ROOT, '.data', 'bench-startup-'));
try {
  const first = await timedStart(dataDir);
  const restarts = [];
  for (let i = 0; i < Number(values.restarts); i++) restarts.push((await timedStart(dataDir)).seconds);
  const sorted = [...restarts].sort((a, b) => a - b);
  console.log(`first start: ready in ${first.seconds.toFixed(1)} s with ${first.stories} published seed stories`);
  console.log(
    `restart: ready in ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} s (median of ${restarts.length}: ${restarts.map((s) => s.toFixed(1)).join(', ')})`,
  );
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
