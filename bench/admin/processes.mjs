// What the admin bench needs of the operating system: the app as a child process (as deployed: node
// dist/src/main.js), free ports, CPU time and the load average read from /proc (Linux only).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort, tail } from '../support.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLOCK_TICKS = 100; // USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s on Linux

export const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

/** CPU seconds (user + system) a process has used so far; 0 when it is gone or unreadable. */
export function cpuSeconds(pid) {
  const { user, system } = cpuTimes(pid);
  return user + system;
}

/** CPU seconds a process has spent in its own code (user) and in the kernel on its behalf (system). */
export function cpuTimes(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: Number(fields[11]) / CLOCK_TICKS, system: Number(fields[12]) / CLOCK_TICKS };
  } catch {
    return { user: 0, system: 0 };
  }
}



/** Runs a command to its end; rejects with its last output lines when it fails. */
export function runToEnd(args, env, onLine) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  tail(child.stdout, output, onLine);
  tail(child.stderr, output, onLine);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}:\n${output.join('\n')}`))));
  });
}

/**
 * The real server (`main`, relative to the project) on a free port. `nodeFlags` go before the script (e.g. --cpu-prof); `env` adds to
 * the settings every run uses. Warnings and errors it logs are kept (the first 20) for the report.
 */
export async function startApp({ databaseUrl, jwtSecret, dataDir, main = 'dist/src/main.js', nodeFlags = [], env = {} }) {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeFlags, '--max-old-space-size=256', main], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: jwtSecret,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SEED_ON_EMPTY_DATABASE: 'false',
      SCHEDULER_ENABLED: 'false',
      MALLOC_ARENA_MAX: '2',
      DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const warnings = [];
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start in 120 s:\n${output.join('\n')}`)), 120_000);
    const onLine = (line) => {
      if (line.includes('Masthead listening on')) {
        clearTimeout(timer);
        resolve();
      } else if ((/"level":(40|50|60)/.test(line) || !line.startsWith('{')) && warnings.length < 20) warnings.push(line);
    };
    tail(child.stdout, output, onLine);
    tail(child.stderr, output, onLine);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited with ${code} while starting:\n${output.join('\n')}`));
    });
  });
  child.removeAllListeners('exit');
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`the app exited (${code ?? signal}) during the run; its last output:\n${output.join('\n')}\n`);
  });
  const stop = () => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  };
  return { child, pid: child.pid, url: `http://127.0.0.1:${port}`, port, warnings, stop };
}
