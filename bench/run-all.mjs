// Runs every benchmark in turn, each in its own process: bench/media, bench/content-api, bench/search,
// bench/distribution (its run.mjs runs every script in the folder: feeds.mjs, webhooks.mjs),
// then any other bench/<folder> with a run script. A folder's run.mjs or run.js runs with node; a
// run.ts is compiled first with the folder's tsconfig.json (into dist/bench/<folder>/run.js).
// A bench that fails does not stop the others; the exit code is 1 when any failed.
//
//   npm run build && node bench/run-all.mjs [--only=media,content-api] [--skip=search] [--dry-run]
//
// Benches read their own settings from the environment (BENCH_DATABASE_URL, …): see each run script.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BENCH = join(ROOT, 'bench');
const ORDER = ['media', 'content-api', 'search', 'distribution'];

const { values } = parseArgs({ options: { only: { type: 'string' }, skip: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });
const list = (text) =>
  text
    ? text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : null;
const only = list(values.only);
const skip = list(values.skip) ?? [];

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    child.once('error', (error) => {
      process.stderr.write(`${error.message}\n`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** How to run a bench folder, or null when it has no run script. */
function plan(folder) {
  const dir = join(BENCH, folder);
  for (const name of ['run.mjs', 'run.js']) if (existsSync(join(dir, name))) return { steps: [[process.execPath, [join(dir, name)]]] };
  const scripts = (SCRIPTS[folder] ?? []).filter((name) => existsSync(join(dir, name)));
  if (scripts.length) return { steps: scripts.map((name) => [process.execPath, [join(dir, name)]]) };
  if (existsSync(join(dir, 'run.ts'))) {
    if (!existsSync(join(dir, 'tsconfig.json'))) return { error: 'run.ts without a tsconfig.json: do not know how to compile it' };
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    return {
      steps: [
        [process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')]],
        [process.execPath, [join(ROOT, 'dist', 'bench', folder, 'run.js')]],
      ],
    };
  }
  return null;
}

const folders = readdirSync(BENCH, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort((a, b) => (ORDER.includes(a) ? ORDER.indexOf(a) : ORDER.length) - (ORDER.includes(b) ? ORDER.indexOf(b) : ORDER.length) || a.localeCompare(b))
  .filter((folder) => (only ? only.includes(folder) : true) && !skip.includes(folder));

const outcomes = [];
if (values['dry-run']) process.stdout.write('would run, in order:\n');
for (const folder of folders) {
  const how = plan(folder);
  if (!how) continue;
  if (values['dry-run']) {
    process.stdout.write(`bench/${folder}: ${how.error ?? how.steps.map(([command, args]) => [command, ...args].join(' ')).join(' && ')}\n`);
    continue;
  }
  process.stdout.write(`\n=== bench/${folder} ===\n`);
  const started = Date.now();
  let code = 0;
  if (how.error) {
    process.stderr.write(`bench/${folder}: ${how.error}\n`);
    code = 1;
  } else {
    for (const [command, args] of how.steps) {
      code = await run(command, args);
      if (code !== 0) break;
    }
  }
  outcomes.push({ folder, code, seconds: (Date.now() - started) / 1000 });
}

if (values['dry-run']) process.exit(0);
process.stdout.write('\n=== summary ===\n');
for (const o of outcomes)
  process.stdout.write(`bench/${o.folder}: ${o.code === 0 ? 'ran' : `FAILED (exit ${o.code})`} in ${o.seconds.toFixed(0)} s\n`);
if (outcomes.length === 0) process.stdout.write('no benches found\n');
process.exit(outcomes.some((o) => o.code !== 0) ? 1 : 0);
