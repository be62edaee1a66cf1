// `npm run lint:deps`: the module boundaries of .dependency-cruiser.cjs, plus what dependency-cruiser
// does not check by itself: no cycle between the folders of src/ (articles -> search -> articles
// through any files at all). Prints each violation and each folder cycle with an import that makes it.
import { createRequire } from 'node:module';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const require = createRequire(import.meta.url);
const config = require('../.dependency-cruiser.cjs');

const result = await cruise(['src'], { ...config.options, ruleSet: { forbidden: config.forbidden }, validate: true }, undefined, {
  tsConfig: extractTSConfig('tsconfig.json'),
});
const { modules, summary } = result.output;

let failed = false;
for (const v of summary.violations) {
  failed = true;
  console.error(`${v.rule.name}: ${v.from} -> ${v.to}`);
}

/** src/articles/x.ts -> articles; top-level files form the composition root. */
const folderOf = (path) => {
  const parts = path.split('/');
  return parts.length > 2 ? parts[1] : '(root)';
};
const edges = new Map();
for (const m of modules) {
  if (!m.source.startsWith('src/')) continue;
  for (const d of m.dependencies) {
    if (!d.resolved.startsWith('src/')) continue;
    const [from, to] = [folderOf(m.source), folderOf(d.resolved)];
    if (from === to) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from).has(to)) edges.get(from).set(to, `${m.source} -> ${d.resolved}`);
  }
}

// Tarjan's strongly connected components: any component of two or more folders is a cycle.
let index = 0;
const stack = [];
const state = new Map();
const cycles = [];
function visit(v) {
  state.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!state.has(w)) {
      visit(w);
      state.get(v).low = Math.min(state.get(v).low, state.get(w).low);
    } else if (state.get(w).onStack) state.get(v).low = Math.min(state.get(v).low, state.get(w).index);
  }
  if (state.get(v).low === state.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      state.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component);
  }
}
for (const v of edges.keys()) if (!state.has(v)) visit(v);

for (const component of cycles) {
  failed = true;
  console.error(`folders import each other: ${component.join(', ')}`);
  for (const from of component)
    for (const [to, example] of edges.get(from) ?? []) if (component.includes(to)) console.error(`  ${from} -> ${to}: ${example}`);
}

const folders = new Set([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])]);
console.log(
  `${summary.totalCruised} modules, ${summary.totalDependenciesCruised} imports, ${folders.size} folders, ` +
    `${[...edges.values()].reduce((n, m) => n + m.size, 0)} folder-to-folder edges: ` +
    (failed ? `${summary.violations.length} rule violations, ${cycles.length} folder cycles` : 'no rule violations, no folder cycles'),
);
process.exit(failed ? 1 : 0);
