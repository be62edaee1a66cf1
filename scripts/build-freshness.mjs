// Builds dist/ only when its sources changed, so `npm start`, `npm test` and the command-line tools
// start at once after the first build (which `npm install` does, through `prepare`).
//
//   node scripts/build-freshness.mjs            build (npm run build) if dist/ is missing or older than its sources
//   node scripts/build-freshness.mjs --install  the same for `prepare`: skipped without dev dependencies, and a
//                                               failed build warns rather than failing the install
//   node scripts/build-freshness.mjs begin|end  `prebuild`/`postbuild`: stamp a successful build with its start time
//
// Sources are every file under the folders below (test specs excepted) and the build's own settings;
// a deleted or renamed file changes its folder's time, so it counts too. Output goes to stderr:
// stdout belongs to the command that follows (`npm run -s import -- --json`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SOURCE_FOLDERS = ['src', 'migrations', 'scripts', 'console'];
const SOURCE_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
const SKIPPED = new Set(['node_modules', 'dist', '.data', 'coverage']);
const STAMP = 'dist/.build-stamp';
const STARTED = 'dist/.build-started';
const ENTRY = 'dist/src/main.js';

const say = (message) => process.stderr.write(`${message}\n`);

/** The newest modification time among the sources, and the file that has it. */
async function newestSource() {
  let newest = { time: 0, path: '' };
  const consider = async (path) => {
    const info = await stat(path).catch(() => null);
    if (info && info.mtimeMs > newest.time) newest = { time: info.mtimeMs, path };
    return info;
  };
  const walk = async (folder) => {
    if (!(await consider(folder))?.isDirectory()) return;
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (SKIPPED.has(entry.name) || entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (!entry.name.endsWith('.spec.ts')) await consider(path);
    }
  };
  for (const folder of SOURCE_FOLDERS) await walk(folder);
  for (const file of SOURCE_FILES) await consider(file);
  return newest;
}

/** Why dist/ must be built, or null when it is up to date. */
async function staleness() {
  if (!existsSync(ENTRY)) return 'dist/ has not been built yet';
  const built = await stat(STAMP).catch(() => null);
  if (!built) return 'dist/ was built without a stamp';
  const newest = await newestSource();
  return newest.time > built.mtimeMs ? `${newest.path} changed since the last build` : null;
}

function build() {
  const result = spawnSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', process.stderr, process.stderr] });
  return result.status ?? 1;
}

async function main(mode) {
  if (mode === 'begin') {
    await mkdir('dist', { recursive: true });
    await writeFile(STARTED, `${new Date().toISOString()}\n`);
    return 0;
  }
  if (mode === 'end') {
    // The stamp carries the time the build began: a source saved during the build makes it stale.
    const started = await stat(STARTED).catch(() => null);
    if (!started) return (await writeFile(STAMP, `${new Date().toISOString()}\n`), 0);
    await rename(STARTED, STAMP);
    await utimes(STAMP, started.mtime, started.mtime);
    return 0;
  }
  const installing = mode === '--install';
  if (installing && !existsSync('node_modules/typescript')) {
    say('build skipped: dev dependencies are not installed (npm run build needs them)');
    return 0;
  }
  const reason = await staleness();
  if (!reason) return 0;
  say(`building: ${reason} (npm run build)`);
  const status = build();
  if (status !== 0 && installing) {
    say('warning: the build failed; npm start will try again');
    return 0;
  }
  return status;
}

process.exitCode = await main(process.argv[2]);
