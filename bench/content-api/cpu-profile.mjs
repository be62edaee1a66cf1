// Reads a V8 .cpuprofile (node --cpu-prof) and lists the functions that spent the most time on the
// CPU themselves (self time, as a share of the time the process was not idle), with the file they
// live in: where a request's time goes. Samples are wall-clock: on a loaded machine a system call
// that was descheduled (writev) looks longer than it cost.
import { readFileSync } from 'node:fs';

/** The `top` entries by self time, as { share, ms, name, where }. */
export function topSelfTime(path, top = 15) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
  }
  // Time the process spent waiting is not CPU: shares are of the time it was busy.
  for (const [id] of self) if (byId.get(id).callFrame.functionName === '(idle)') self.delete(id);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map();
  for (const [id, micros] of self) {
    const { callFrame } = byId.get(id);
    const file = callFrame.url.replace(/^file:\/\//, '').replace(/.*\/node_modules\//, 'node_modules/').replace(/.*\/dist\//, 'dist/');
    const key = `${callFrame.functionName || '(anonymous)'}\u0000${file}${callFrame.url ? `:${callFrame.lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  }
  return [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, micros]) => {
      const [name, where] = key.split('\u0000');
      return { share: micros / total, ms: micros / 1000, name, where };
    });
}
