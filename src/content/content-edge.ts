// Answers public requests before Express and Nest see them, in two cases:
// - the response cache holds the answer: a response that was rendered, validated and answered once
//   through the whole pipeline (request budget, validation, helmet, the route), so its URL is known
//   good and its headers were recorded then. A repeat costs a map lookup and a socket write.
// - a plain request for one story (GET /api/content/articles/<slug>, no query string, JSON): the
//   story is rendered through ContentService as the route would, and answered with the headers the
//   route's answers share (recorded from a full answer, see ContentCache.rememberTemplate). Readers
//   ask for many stories once each; this keeps the framework's per-request cost off those misses.
// Anything else, and anything that fails (an unknown slug, a database error), goes to Express, which
// renders the answer or the problem as usual: the edge never writes an error of its own.
//
// These answers are not written to the access log one by one: at readers' rates the log line would
// cost more than the answer. ContentCache reports every minute how many answers came from memory;
// a CDN or reverse proxy in front keeps per-request logs where they are wanted.
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fresh from 'fresh';
import { requestIdFor } from '../common/logging.js';
import { isStorableText } from '../common/request-text.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import type { CachedResponse } from './cached-response.js';
import { ContentCache } from './content-cache.service.js';
import { ContentService } from './content.service.js';
import { preferredCoding } from './response-encoding.js';

const NINJS = /application\/ninjs\+json/i;
/** The story route, as Express names it (req.route.path) and as templates are keyed. */
export const STORY_ROUTE = '/api/content/articles/:slug';
const STORY_PREFIX = '/api/content/articles/';
const MAX_SLUG_LENGTH = 300;

/** A request the edge's story path could answer: the story route, JSON, no query string. */
export function isPlainStoryRequest(req: IncomingMessage & { route?: { path?: string } }): boolean {
  return req.route?.path === STORY_ROUTE && !req.url?.includes('?') && !NINJS.test(req.headers.accept ?? '');
}

/** The slug of a plain story URL, or undefined when the URL is anything else or not clean text. */
function storySlug(url: string): string | undefined {
  if (!url.startsWith(STORY_PREFIX) || url.includes('?') || url.indexOf('/', STORY_PREFIX.length) !== -1) return undefined;
  let slug: string;
  try {
    slug = decodeURIComponent(url.slice(STORY_PREFIX.length));
  } catch {
    return undefined;
  }
  // The request budget refuses NUL and lone surrogates with its own answer: leave those to it.
  if (slug === '' || slug.length > MAX_SLUG_LENGTH || !isStorableText(slug)) return undefined;
  return slug;
}

export class ContentEdge {
  constructor(
    private readonly cache: ContentCache,
    private readonly content: ContentService,
    private readonly options: { cors: boolean },
  ) {}

  /** Answers `req`, or calls `fallback` (Express) having written nothing. */
  handle(req: IncomingMessage, res: ServerResponse, fallback: () => void): void {
    const method = req.method;
    const headers = req.headers;
    if (
      (method !== 'GET' && method !== 'HEAD') ||
      headers['content-length'] !== undefined ||
      headers['transfer-encoding'] !== undefined ||
      (this.options.cors && headers.origin !== undefined)
    )
      return fallback();
    const url = req.url ?? '';
    // As ContentService keys a story answered as ninjs because of Accept (see `article`).
    const ninjs = headers.accept !== undefined && NINJS.test(headers.accept);
    const held = this.cache.lookup(ninjs ? `${url}#ninjs` : url);
    if (held) return this.answer(req, res, held, held.headers as OutgoingHttpHeaders);
    const slug = ninjs ? undefined : storySlug(url);
    const template = slug === undefined ? undefined : this.cache.template(STORY_ROUTE);
    if (slug === undefined || !template) return fallback();
    this.content.article(slug, {}, false, url).then(
      (story) => {
        const own: OutgoingHttpHeaders = { ...template, etag: story.etag, 'content-type': story.contentType };
        if (story.language) own['content-language'] = story.language;
        if (this.cache.holds(story)) story.rememberHeaders(own);
        this.answer(req, res, story, own);
      },
      () => fallback(),
    );
  }

  private answer(req: IncomingMessage, res: ServerResponse, response: CachedResponse, headers: OutgoingHttpHeaders): void {
    const asked = req.headers;
    res.setHeader('x-request-id', requestIdFor(asked['x-request-id']));
    if (asked['if-none-match'] !== undefined && fresh(asked, { etag: response.etag })) {
      // As Express answers a matching If-None-Match: no Content-Type, no body.
      const { 'content-type': _type, ...notModified } = headers;
      res.writeHead(304, notModified);
      res.end();
      return;
    }
    const coding = response.compressible && this.cache.holds(response) ? preferredCoding(asked['accept-encoding']) : 'identity';
    const body = response.encoded(coding);
    if (coding !== 'identity') res.setHeader('Content-Encoding', coding);
    res.setHeader('Content-Length', body.length);
    res.writeHead(200, headers);
    // Node sends no body for HEAD whatever end() is given.
    res.end(body);
  }
}

/** Puts `edge` in front of the server's request listener (Express, as Nest attached it). */
export function installEdge(server: Server, edge: ContentEdge): void {
  const listeners = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  if (listeners.length !== 1) throw new Error(`expected one request listener on the HTTP server, found ${listeners.length}`);
  const [express] = listeners;
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => edge.handle(req, res, () => express(req, res)));
}

/** Installs the edge on the application's HTTP server once the application is up. */
@Injectable()
export class ContentEdgeInstaller implements OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly cache: ContentCache,
    private readonly content: ContentService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    // A standalone application context (the CLI tools) has no HTTP server. With the response cache
    // off (CONTENT_CACHE_MB=0) nothing is held, and plain story requests are still rendered here.
    if (!server) return;
    installEdge(server, new ContentEdge(this.cache, this.content, { cors: Boolean(this.config.corsOrigins) }));
  }
}
