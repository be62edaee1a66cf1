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
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

// Every bench appends its figures here (figure() in bench/support.mjs); the summary prints them all.
const FIGURES = join(tmpdir(), `masthead-bench-figures-${process.pid}.jsonl`);
rmSync(FIGURES, { force: true });

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, BENCH_FIGURES: FIGURES } });
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
const figures = existsSync(FIGURES)
  ? readFileSync(FIGURES, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
rmSync(FIGURES, { force: true });
if (figures.length) {
  const shown = (f) => (typeof f.value === 'number' ? (Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(f.value < 10 ? 2 : 1)) : String(f.value)) + (f.unit ? ` ${f.unit}` : '');
  const rows = figures.map((f) => [f.bench, f.name, shown(f), f.target ?? '', f.met === null || f.met === undefined ? '' : f.met ? 'met' : 'NOT met']);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ['bench', 'figure', 'value', 'target'][i].length));
  const line = (r) => r.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]) : cell)).join('  ');
  process.stdout.write(`\n=== figures ===\n${line(['bench', 'figure', 'value', 'target', 'result'])}\n`);
  for (const r of rows) process.stdout.write(line(r) + '\n');
  const judged = figures.filter((f) => f.met === true || f.met === false);
  process.stdout.write(`${judged.filter((f) => f.met).length} of ${judged.length} targets met\n`);
}
process.exit(outcomes.some((o) => o.code !== 0) ? 1 : 0);
