// One client (a worker thread of bench/hostile/run.mjs): while the shared switch says "attack",
// sends the hostile cases in turn, each after the answer to the previous one; while it says
// "ordinary", sends ordinary reader requests (the public list) the same way, for comparison; while
// it says "pause", waits; on "stop", reports how many hostile requests it sent and their statuses.
import { parentPort, workerData } from 'node:worker_threads';
import { send } from './http.mjs';

export const PAUSE = 0;
export const ATTACK = 1;
export const STOP = 2;
export const ORDINARY = 3;
const READER = { name: 'ordinary', method: 'GET', path: '/api/content/articles?limit=20', headers: {} };

const { base, cases, token, offset, timeoutMs, control } = workerData;
/** [0]: the switch; [1]: requests in flight across all clients. */
const shared = new Int32Array(control);
const statuses = {};
let sent = 0;
for (let i = offset; ; i++) {
  while (Atomics.load(shared, 0) === PAUSE) Atomics.wait(shared, 0, PAUSE, 50);
  const state = Atomics.load(shared, 0);
  if (state === STOP) break;
  const hostile = state === ORDINARY ? READER : cases[i % cases.length];
  Atomics.add(shared, 1, 1);
  const { status } = await send(base, hostile, token, timeoutMs);
  Atomics.sub(shared, 1, 1);
  if (hostile === READER) continue;
  const key = `${hostile.name}|${status}`;
  statuses[key] = (statuses[key] ?? 0) + 1;
  sent++;
}
parentPort.postMessage({ sent, statuses });
