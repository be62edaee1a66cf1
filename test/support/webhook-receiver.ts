// A real HTTP server standing in for a site developer's webhook receiver: it records every request
// (headers and raw body) and answers as the test tells it to.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  /** The request's path, which tells endpoints sharing a receiver apart. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** Answers one request; the default answers 204. */
export type Responder = (request: ReceivedWebhook, response: ServerResponse, index: number) => void;

export interface WebhookReceiver {
  /** http://127.0.0.1:<port><path> */
  url: (path?: string) => string;
  received: ReceivedWebhook[];
  respond(responder: Responder): void;
  /** Resolves with the first `count` requests to `path` (any path when omitted) once they arrived; rejects after `timeoutMs`. */
  waitFor(count: number, options?: { path?: string; timeoutMs?: number }): Promise<ReceivedWebhook[]>;
  /** Requests by `webhook-id`. */
  byId(): Map<string, ReceivedWebhook[]>;
  close(): Promise<void>;
}

export const answer =
  (status: number, body = '', headers: Record<string, string> = {}): Responder =>
  (_request, response) => {
    response.writeHead(status, headers).end(body);
  };

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let responder: Responder = answer(204);
  const waiters: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
      received.push(request);
      responder(request, res, received.length - 1);
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    received,
    respond: (next) => {
      responder = next;
    },
    waitFor: async (count, { path, timeoutMs = 10_000 } = {}) => {
      const deadline = Date.now() + timeoutMs;
      const matching = () => received.filter((r) => path === undefined || r.path === path);
      while (matching().length < count) {
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`expected ${count} webhook requests${path ? ` to ${path}` : ''} within ${timeoutMs} ms, got ${matching().length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 200));
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return matching().slice(0, count);
    },
    byId: () => {
      const map = new Map<string, ReceivedWebhook[]>();
      for (const r of received) {
        const id = String(r.headers['webhook-id']);
        map.set(id, [...(map.get(id) ?? []), r]);
      }
      return map;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Waits `ms`: to show that nothing more arrives. */
export const quietFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Settings for an app that delivers to a receiver on this machine, quickly. */
export const FAST_WEBHOOKS = {
  WEBHOOK_ALLOW_PRIVATE: 'true',
  WEBHOOK_RETRY_BASE_MS: '50',
  WEBHOOK_POLL_INTERVAL_MS: '200',
  WEBHOOK_TIMEOUT_MS: '2000',
};
