// One HTTP POST of a signed payload, with the limits a server making requests on others' behalf
// needs: only http(s); the destination's address checked after DNS resolution and the connection
// made to that very address (a custom `lookup`, so a name cannot resolve to something else between
// check and connect); redirects never followed; a total time limit; at most a few KB of the answer
// read. Returns what happened; never throws for the receiver's faults.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { addressRefusal, literalAddress } from './destination-policy.js';
import { retryAfterMs } from './retry-schedule.js';

/** How much of an answer is read; the rest is dropped with the connection. */
export const MAX_RESPONSE_BYTES = 4096;
/** How much of it the log keeps. */
export const EXCERPT_CHARS = 500;

export interface SendOptions {
  allowPrivate: boolean;
  timeoutMs: number;
  /** Connections per destination host kept open between deliveries. */
  maxSockets: number;
  userAgent?: string;
}

export interface SendResult {
  /** The answer's HTTP status; null when none came. */
  status: number | null;
  retryAfterMs: number | null;
  latencyMs: number;
  /** Why the attempt failed, in words for the log; null on a 2xx. */
  error: string | null;
  excerpt: string | null;
}

class RefusedDestination extends Error {}

/** dns.lookup, refusing every name that resolves to any non-public address. */
function publicOnlyLookup(): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refusal = addresses.map((a) => addressRefusal(a.address)).find((r) => r !== null);
      if (refusal || addresses.length === 0)
        return callback(new RefusedDestination(`${hostname} resolves to a refused address: ${refusal ?? 'none'}`), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

export class WebhookSender {
  private readonly agents: { http: http.Agent; https: https.Agent };
  private readonly lookup: LookupFunction | undefined;

  constructor(private readonly options: SendOptions) {
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets, maxFreeSockets: options.maxSockets, timeout: options.timeoutMs };
    this.agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
    this.lookup = options.allowPrivate ? undefined : publicOnlyLookup();
  }

  /** Closes the connections kept open. */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  async send(target: string, headers: Record<string, string>, body: string, signal?: AbortSignal): Promise<SendResult> {
    const started = performance.now();
    const failed = (error: string, status: number | null = null): SendResult => ({
      status,
      retryAfterMs: null,
      latencyMs: Math.round(performance.now() - started),
      error,
      excerpt: null,
    });
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return failed('the endpoint URL is not valid');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return failed('the endpoint URL is not http or https');
    const literal = literalAddress(url);
    // Node connects to an IP literal without calling `lookup`: judge it here.
    const refusal = !this.options.allowPrivate && literal ? addressRefusal(literal) : null;
    if (refusal) return failed(`refused destination: ${refusal}`);
    try {
      return await this.post(url, headers, body, started, signal);
    } catch (error) {
      return failed(describe(error));
    }
  }

  private post(url: URL, headers: Record<string, string>, body: string, started: number, signal?: AbortSignal): Promise<SendResult> {
    const secure = url.protocol === 'https:';
    const payload = Buffer.from(body, 'utf8');
    return new Promise<SendResult>((resolve, reject) => {
      const request = (secure ? https : http).request(url, {
        method: 'POST',
        agent: secure ? this.agents.https : this.agents.http,
        lookup: this.lookup,
        signal,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(payload.length),
          'user-agent': this.options.userAgent ?? 'Masthead-Webhooks/1',
        },
      });
      const timer = setTimeout(() => request.destroy(new Error(`no complete answer within ${this.options.timeoutMs} ms`)), this.options.timeoutMs);
      request.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.once('response', (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => {
          clearTimeout(timer);
          const status = response.statusCode ?? 0;
          const excerpt = excerptOf(Buffer.concat(chunks));
          const ok = status >= 200 && status < 300;
          resolve({
            status,
            retryAfterMs: retryAfterMs(header(response.headers['retry-after']), Date.now()),
            latencyMs: Math.round(performance.now() - started),
            error: ok ? null : failureOf(status, header(response.headers.location)),
            excerpt,
          });
        };
        response.on('data', (chunk: Buffer) => {
          if (size >= MAX_RESPONSE_BYTES) return;
          chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size));
          size += chunk.length;
          // Enough read: drop the rest with the connection rather than wait for it.
          if (size >= MAX_RESPONSE_BYTES) {
            response.destroy();
            finish();
          }
        });
        response.once('end', () => {
          if (size < MAX_RESPONSE_BYTES) finish();
        });
        response.once('error', (error) => {
          if (size < MAX_RESPONSE_BYTES) {
            clearTimeout(timer);
            reject(error);
          }
        });
      });
      request.end(payload);
    });
  }
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function failureOf(status: number, location: string | undefined): string {
  if (status >= 300 && status < 400) return `HTTP ${status}: redirect${location ? ` to ${location.slice(0, 300)}` : ''} not followed`;
  return `HTTP ${status}`;
}

function excerptOf(bytes: Buffer): string | null {
  if (bytes.length === 0) return null;
  // Control characters (but for newlines and tabs) are dropped so the log shows what a person can read.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const text = bytes.toString('utf8').replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/g, '');
  return text.slice(0, EXCERPT_CHARS) || null;
}

function describe(error: unknown): string {
  if (error instanceof RefusedDestination) return `refused destination: ${error.message}`;
  if (!(error instanceof Error)) return 'the request failed';
  const code = (error as NodeJS.ErrnoException).code;
  if (error.name === 'AbortError') return 'abandoned: the process was shutting down';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND') return 'the host name does not resolve';
  if (code === 'ECONNRESET') return 'the connection was reset';
  return (code ? `${code}: ` : '') + error.message.slice(0, 300);
}
