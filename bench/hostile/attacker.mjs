// One hostile client (a worker thread of bench/hostile/run.mjs): sends the cases in turn, each
// after the answer to the previous one, until the deadline; reports how many it sent and their statuses.
import { parentPort, workerData } from 'node:worker_threads';
import { send } from './http.mjs';

const { base, cases, token, until, offset, timeoutMs } = workerData;
const statuses = {};
let sent = 0;
for (let i = offset; Date.now() < until; i++) {
  const hostile = cases[i % cases.length];
  const { status } = await send(base, hostile, token, timeoutMs);
  const key = `${hostile.name}|${status}`;
  statuses[key] = (statuses[key] ?? 0) + 1;
  sent++;
}
parentPort.postMessage({ sent, statuses });
