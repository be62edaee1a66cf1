// What the plain-JavaScript benches (content-api, media) share: the PostgreSQL server they make
// their throwaway databases on, and a deterministic random source for generated content.
import { appendFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import pg from 'pg';

/** BENCH_DATABASE_URL names the server (default: the local one, user postgres). */
export const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const withDatabase = (url, name) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();

/** Runs one statement (CREATE/DROP DATABASE) on the server's maintenance database. */
export async function onServer(sql) {
  const client = new pg.Client({ connectionString: withDatabase(SERVER, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** mulberry32: small, fast, deterministic. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Reports one measured figure with its target. It is printed as it is measured and, when the bench
 * runs under `npm run bench` (bench/run-all.mjs sets BENCH_FIGURES to a file), appended to that file
 * as a JSON line so the run ends with one table of every figure, its target and whether it was met.
 *   figure({ bench: 'content-api', name: 'by slug: app/raw req/s', value: 1.31, unit: '×', target: '≥ 1.2', met: true })
 * `met` is null for figures that have no target (context such as the raw server's own req/s).
 */
export function figure({ bench, name, value, unit = '', target = null, met = null }) {
  const shown = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1)) : String(value);
  process.stdout.write(`  ${name}: ${shown}${unit ? ` ${unit}` : ''}${target ? ` (target ${target}: ${met ? 'met' : 'NOT met'})` : ''}\n`);
  if (process.env.BENCH_FIGURES) appendFileSync(process.env.BENCH_FIGURES, JSON.stringify({ bench, name, value, unit, target, met }) + '\n');
}

const CLOCK_TICKS = 100; // USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s on Linux

/** CPU seconds (user + system) a process has used so far; 0 when it is gone or unreadable. Linux only. */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Reads a child's output line by line (so its pipe never fills), keeping the last 50 lines for errors. */
export function tail(stream, lines, onLine) {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      lines.push(line);
      if (lines.length > 50) lines.shift();
      onLine?.(line);
    }
  });
}
