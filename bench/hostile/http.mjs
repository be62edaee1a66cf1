// One request with node:http (no client-side body checks, a plain Content-Length, a timeout), for
// the bench's hostile clients and its latency probe.
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** Resolves {status, ms} ('timeout' or 'error' as status when there was no answer). */
export function send(base, hostile, token, timeoutMs) {
  const url = new URL(hostile.path, base);
  const headers = { ...hostile.headers };
  if (hostile.auth && token) headers.authorization = `Bearer ${token}`;
  // A worker thread receives the body as a plain Uint8Array: wrap it, do not copy it.
  const body = hostile.body ? Buffer.from(hostile.body.buffer, hostile.body.byteOffset, hostile.body.byteLength) : undefined;
  if (body) headers['content-length'] = String(body.length);
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (status) => {
      if (settled) return;
      settled = true;
      resolve({ status, ms: performance.now() - started });
    };
    const req = http.request(url, { method: hostile.method, headers, agent, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => finish(res.statusCode));
      res.on('error', () => finish('error'));
    });
    req.on('timeout', () => {
      req.destroy();
      finish('timeout');
    });
    req.on('error', () => finish('error'));
    req.end(body);
  });
}
