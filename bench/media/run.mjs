// Media benchmark: upload + renditions of a 12-megapixel JPEG through the real HTTP endpoint
// (median of 10, one at a time), and the server's peak resident memory while 4 such uploads run
// at once. Targets: under 1.5 s per photo for all renditions on the 2-core machine; RSS < 500 MB.
//
//   npm run build && node bench/media/run.mjs
//
// BENCH_DATABASE_URL names a PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres);
// the run creates a throwaway database there and drops it afterwards. The server runs in a child
// process (bench/media/server.mjs) so the photo made here does not count towards its memory.
// Linux only (reads /proc). Not part of `npm test`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import sharp from 'sharp';
import { runMigrations } from '../../dist/src/database/migrate.js';
import { onServer, SERVER, withDatabase } from '../support.mjs';

const RUNS = 10;
const CONCURRENT = 4;
const MB = 1024 * 1024;


/** A photo-like 4000×3000 JPEG: blurred noise compresses about as a detailed photo does (~3 MB). */
async function twelveMegapixelJpeg() {
  const width = 4000;
  const height = 3000;
  const noise = await sharp({ create: { width, height, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 50 } } })
    .raw()
    .toBuffer();
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .blur(1.5)
    .jpeg({ quality: 92 })
    .toBuffer();
}

async function startServer(databaseUrl, mediaDir) {
  // With the memory settings `npm start` and the Docker image use.
  const child = spawn(process.execPath, ['--max-old-space-size=256', new URL('./server.mjs', import.meta.url).pathname], {
    env: { ...process.env, MALLOC_ARENA_MAX: '2', DATABASE_URL: databaseUrl, MEDIA_DIR: mediaDir },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { child, ...JSON.parse(firstLine) };
}

const rssOf = async (pid, field = 'VmRSS') => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))[1]) * 1024;
};

async function upload(url, token, jpeg) {
  const form = new FormData();
  form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'bench.jpg');
  const started = performance.now();
  const res = await fetch(`${url}/api/admin/media`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
  const elapsed = performance.now() - started;
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  await res.json();
  return elapsed;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The server's peak RSS while `work` runs: sampled every 10 ms, and its high-water mark reset first. */
async function peakRss(pid, work) {
  await writeFile(`/proc/${pid}/clear_refs`, '5').catch(() => undefined);
  let peak = await rssOf(pid);
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await rssOf(pid));
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  try {
    await work();
  } finally {
    sampling = false;
    await sampler;
  }
  return Math.max(peak, await rssOf(pid, 'VmHWM'));
}

async function main() {
  const database = `masthead_bench_media_${randomBytes(4).toString('hex')}`;
  const mediaDir = await mkdtemp(join(tmpdir(), 'masthead-bench-media-'));
  await onServer(`CREATE DATABASE ${database}`);
  let server;
  try {
    const databaseUrl = withDatabase(SERVER, database);
    await runMigrations(databaseUrl);
    server = await startServer(databaseUrl, mediaDir);
    const jpeg = await twelveMegapixelJpeg();
    console.log(`input: 4000×3000 JPEG, ${(jpeg.length / MB).toFixed(2)} MB; renditions: thumb 320², medium 800, large 1600 × (WebP + JPEG)`);

    await upload(server.url, server.token, jpeg); // warm-up: first use of libvips and the JIT
    const idle = await rssOf(server.child.pid);
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(await upload(server.url, server.token, jpeg));
    let concurrentMs = 0;
    const peak = await peakRss(server.child.pid, async () => {
      const started = performance.now();
      await Promise.all(Array.from({ length: CONCURRENT }, () => upload(server.url, server.token, jpeg)));
      concurrentMs = performance.now() - started;
    });

    const med = median(times);
    console.log(
      `upload + all renditions, one at a time (n=${RUNS}): median ${med.toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms  [target < 1500 ms: ${med < 1500 ? 'met' : 'MISSED'}]`,
    );
    console.log(`${CONCURRENT} concurrent uploads: all answered in ${concurrentMs.toFixed(0)} ms`);
    console.log(
      `server RSS: ${(idle / MB).toFixed(0)} MB after warm-up, peak ${(peak / MB).toFixed(0)} MB during ${CONCURRENT} concurrent uploads  [target < 500 MB: ${peak < 500 * MB ? 'met' : 'MISSED'}]`,
    );
  } finally {
    server?.child.stdin.end();
    if (server && server.child.exitCode === null) await new Promise((resolve) => server.child.once('exit', resolve));
    await onServer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await rm(mediaDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
