// A public response as the response cache holds it: the body as bytes (written to the socket as they
// are, never re-encoded), its brotli and gzip forms once a client has asked for them, and the headers
// the first answer carried, so later answers can be replayed without the framework (content-edge.ts).
import type { OutgoingHttpHeaders } from 'node:http';
import { compress, MIN_COMPRESSIBLE_BYTES, type Coding } from './response-encoding.js';

/** A rendered public response: the body and the headers that go with it. */
export interface RenderedResponse {
  body: string;
  etag: string;
  /** Full Content-Type, e.g. `application/json; charset=utf-8`. */
  contentType: string;
  /** Content-Language, for responses in one language (a story, a script variant). */
  language?: string;
  /** Vary, for responses negotiated on a request header (Accept). */
  vary?: string;
}

/** Headers that belong to one exchange, not to the response: never replayed. */
const PER_EXCHANGE = new Set([
  'x-request-id',
  'content-length',
  'content-encoding',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'set-cookie',
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-expose-headers',
]);

/** `headers` without those of one exchange (request id, length, coding, CORS, cookies). */
export function replayable(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !PER_EXCHANGE.has(name)) kept[name] = value;
  return kept;
}

export class CachedResponse {
  readonly body: Buffer;
  readonly etag: string;
  readonly contentType: string;
  readonly language: string | undefined;
  readonly vary: string | undefined;
  readonly storedAt = Date.now();
  /** The headers of the first complete answer (security headers, Cache-Control, ETag, Vary…). */
  private replay: OutgoingHttpHeaders | undefined;
  private readonly codings: Partial<Record<'br' | 'gzip', Buffer>> = {};

  /** `resized` tells the cache holding this response that its size changed (a compressed form was added). */
  constructor(
    rendered: RenderedResponse,
    readonly key: string,
    private readonly resized: (response: CachedResponse) => void = () => undefined,
  ) {
    this.body = Buffer.from(rendered.body, 'utf8');
    this.etag = rendered.etag;
    this.contentType = rendered.contentType;
    this.language = rendered.language;
    this.vary = rendered.vary;
  }

  /** Bytes held: the body, its compressed forms and (roughly) the headers. */
  get size(): number {
    return this.body.length + (this.codings.br?.length ?? 0) + (this.codings.gzip?.length ?? 0) + 1024 + this.key.length * 2;
  }

  /** Whether this response is worth compressing at all. */
  get compressible(): boolean {
    return this.body.length >= MIN_COMPRESSIBLE_BYTES;
  }

  /** The body in `coding`, compressed on the first request for it and kept. */
  encoded(coding: Coding): Buffer {
    if (coding === 'identity' || !this.compressible) return this.body;
    let bytes = this.codings[coding];
    if (!bytes) {
      bytes = this.codings[coding] = compress(this.body, coding);
      this.resized(this);
    }
    return bytes;
  }

  /** Keeps the headers of a complete answer for replaying (the first one wins). */
  rememberHeaders(headers: OutgoingHttpHeaders): void {
    this.replay ??= replayable(headers);
  }

  get headers(): OutgoingHttpHeaders | undefined {
    return this.replay;
  }
}
