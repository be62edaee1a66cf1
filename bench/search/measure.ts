// What the search bench's measurements share: latency samples and their percentiles, CPU time of
// processes (from /proc), the machine's load average, and figure() from bench/support.mjs, so the
// search figures land in `npm run bench`'s table with the other benches'.
import { readFileSync } from 'node:fs';

export const log = (message: string) => process.stdout.write(message + '\n');
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Figure {
  bench: string;
  name: string;
  value: number | string;
  unit?: string;
  target?: string | null;
  met?: boolean | null;
}

// bench/support.mjs is plain JavaScript outside this compilation: loaded from the source tree
// (dist/bench/search/ → bench/) so there is one figure() for every bench.
const support = import(new URL('../../../bench/support.mjs', import.meta.url).href) as Promise<{ figure: (f: Figure) => void }>;

/** Prints a figure and, under `npm run bench`, adds it to the run's table of figures. */
export async function figure(f: Omit<Figure, 'bench'>): Promise<void> {
  (await support).figure({ bench: 'search', ...f });
}

export const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

export interface Latencies {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function latencies(ms: readonly number[]): Latencies {
  const sorted = [...ms].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

export const describe = (l: Latencies) => `p50 ${l.p50.toFixed(1)} ms  p95 ${l.p95.toFixed(1)} ms  p99 ${l.p99.toFixed(1)} ms  max ${l.max.toFixed(1)} ms`;

export const loadAverage = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

/** The highest 1-minute load average seen while `work` runs (sampled every second). */
export async function underLoad<T>(work: () => Promise<T>): Promise<{ result: T; load: number }> {
  let load = loadAverage();
  const timer = setInterval(() => (load = Math.max(load, loadAverage())), 1000);
  try {
    return { result: await work(), load: Math.max(load, loadAverage()) };
  } finally {
    clearInterval(timer);
  }
}

/** Waits (up to `maxWaitS`) for the 1-minute load average to fall below `maxLoad`: the machine is shared. */
export async function waitForQuietMachine(maxLoad: number, maxWaitS: number): Promise<void> {
  const deadline = Date.now() + maxWaitS * 1000;
  for (;;) {
    const load = loadAverage();
    if (load < maxLoad) return;
    if (Date.now() >= deadline) {
      log(`load average still ${load.toFixed(2)} after ${maxWaitS} s: measuring anyway (figures are pessimistic)`);
      return;
    }
    log(`load average ${load.toFixed(2)} ≥ ${maxLoad}: waiting 30 s for other work to settle`);
    await sleep(30_000);
  }
}

const CLOCK_TICKS = 100; // USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s on Linux

/** CPU seconds (user + system) a process has used so far; 0 when it is gone or unreadable (another machine). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

export const ownCpuSeconds = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
};
