// Public cacheable routes return a CachedResponse (from the response cache or freshly rendered) or,
// for previews, a PrivateResponse; this interceptor turns it into the HTTP answer: body, Content-Type,
// ETag, Cache-Control and, where they apply, Content-Language and Vary. The headers of a response the
// cache holds are remembered, so the next requests for it are answered before the framework, brotli-
// or gzip-compressed when the client accepts it (content-edge.ts); this first answer is rendered and
// sent as it is. Express answers 304 by itself when If-None-Match matches the ETag (res.send checks
// req.fresh).
import { applyDecorators, createParamDecorator, Inject, Injectable, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor, type Type } from '@nestjs/common';
import type { ApiResponseOptions } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { PublicCacheable, type EndpointDoc } from '../access/endpoints.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { CachedResponse, type RenderedResponse } from './cached-response.js';
import { ContentCache } from './content-cache.service.js';
import { isPlainStoryRequest, STORY_ROUTE } from './content-edge.js';

/** Preview answers: never stored by a shared cache or a browser, never indexed. */
export const PRIVATE_NO_STORE = 'private, no-store';

export interface PrivateResponse extends RenderedResponse {
  /** Overrides CONTENT_CACHE_CONTROL and asks search engines not to index. */
  private: true;
}

@Injectable()
export class PublicResponseInterceptor implements NestInterceptor {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cache: ContentCache,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<string> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    return next.handle().pipe(
      map((rendered: CachedResponse | PrivateResponse) => {
        res.setHeader('ETag', rendered.etag);
        if ('private' in rendered) {
          res.setHeader('Cache-Control', PRIVATE_NO_STORE);
          res.setHeader('X-Robots-Tag', 'noindex');
        } else res.setHeader('Cache-Control', this.config.contentCacheControl);
        if (rendered.language) res.setHeader('Content-Language', rendered.language);
        if (rendered.vary) res.vary(rendered.vary);
        res.setHeader('Content-Type', rendered.contentType);
        if (!(rendered instanceof CachedResponse)) return rendered.body;
        // Later answers for this URL may come from content-edge.ts, compressed when the client accepts it.
        res.vary('Accept-Encoding');
        // A cross-origin request's answer carries its own CORS headers: only a plain one is replayed.
        if (!(this.config.corsOrigins && req.headers.origin !== undefined)) {
          const headers = res.getHeaders();
          if (this.cache.holds(rendered)) rendered.rememberHeaders(headers);
          if (isPlainStoryRequest(req)) this.cache.rememberTemplate(STORY_ROUTE, headers);
        }
        // Nest would send a Buffer as JSON of its bytes: the text goes to Express, which answers 304
        // on a matching If-None-Match and leaves the body out of HEAD.
        return rendered.body.toString('utf8');
      }),
    );
  }
}

/** A public route answering a CachedResponse or PrivateResponse: no token, ETag and Cache-Control, 304 on a match. */
export const PublicRoute = (doc: EndpointDoc, type: Type | ApiResponseOptions) =>
  applyDecorators(PublicCacheable(doc, type), UseInterceptors(PublicResponseInterceptor));

/** The response cache's key for this request: its path and query as sent. */
export const CacheKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string => ctx.switchToHttp().getRequest<Request>().originalUrl);

/** Whether the client asked for ninjs by its media type (the `format` query parameter says so too). */
export const AcceptsNinjs = createParamDecorator((_: unknown, ctx: ExecutionContext): boolean =>
  /application\/ninjs\+json/i.test(ctx.switchToHttp().getRequest<Request>().headers.accept ?? ''),
);
