// Prints how much JavaScript the console's first screen loads (the entry chunk and everything it
// imports statically), gzipped as served, and the screens loaded later. Reads the build's manifest
// (run `npm run build` first). Exits 1 when the first screen is over the 250 KB budget.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist/console';
const BUDGET_KB = 250;

const manifest = JSON.parse(await readFile(join(DIST, '.vite/manifest.json'), 'utf8'));
const gzipped = async (file) => gzipSync(await readFile(join(DIST, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The chunk and every chunk it imports statically (what the browser must load before it runs). */
function staticClosure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) staticClosure(imported, seen);
  return seen;
}

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const first = staticClosure(entry);
let firstJs = 0;
let firstCss = 0;
for (const key of first) {
  firstJs += await gzipped(manifest[key].file);
  for (const css of manifest[key].css ?? []) firstCss += await gzipped(css);
}
console.log(`first screen (sign-in and the desk): ${kb(firstJs)} of JavaScript gzipped (budget ${BUDGET_KB} KB), ${kb(firstCss)} of CSS`);
console.log(`  ${[...first].map((key) => manifest[key].file).join(', ')}`);

const later = Object.keys(manifest).filter((key) => manifest[key].isDynamicEntry && !first.has(key));
if (later.length) console.log('loaded when first opened:');
for (const key of later.sort()) {
  const rest = [...staticClosure(key)].filter((k) => !first.has(k));
  let bytes = 0;
  for (const k of rest) bytes += await gzipped(manifest[k].file);
  console.log(`  ${manifest[key].name ?? key}: ${kb(bytes)}`);
}
if (firstJs > BUDGET_KB * 1024) {
  console.error(`the first screen is over the ${BUDGET_KB} KB budget`);
  process.exit(1);
}
