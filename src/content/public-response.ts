// Public cacheable routes return a RenderedResponse (from the response cache or freshly rendered);
// this interceptor turns it into the HTTP answer: body, Content-Type, ETag, Cache-Control and, where
// they apply, Content-Language and Vary. Express answers 304 by itself when If-None-Match matches
// the ETag (res.send checks req.fresh), so a revalidation costs no body.
import { applyDecorators, createParamDecorator, Inject, Injectable, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor, type Type } from '@nestjs/common';
import type { ApiResponseOptions } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { PublicCacheable, type EndpointDoc } from '../access/endpoints.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import type { RenderedResponse } from './content-cache.service.js';

/** Preview answers: never stored by a shared cache or a browser, never indexed. */
export const PRIVATE_NO_STORE = 'private, no-store';

export interface PrivateResponse extends RenderedResponse {
  /** Overrides CONTENT_CACHE_CONTROL and asks search engines not to index. */
  private: true;
}

@Injectable()
export class PublicResponseInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<string> {
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((rendered: RenderedResponse | PrivateResponse) => {
        res.setHeader('ETag', rendered.etag);
        if ('private' in rendered) {
          res.setHeader('Cache-Control', PRIVATE_NO_STORE);
          res.setHeader('X-Robots-Tag', 'noindex');
        } else res.setHeader('Cache-Control', this.config.contentCacheControl);
        if (rendered.language) res.setHeader('Content-Language', rendered.language);
        if (rendered.vary) res.setHeader('Vary', rendered.vary);
        res.setHeader('Content-Type', rendered.contentType);
        return rendered.body;
      }),
    );
  }
}

/** A public route answering a RenderedResponse: no token, ETag and Cache-Control, 304 on a match. */
export const PublicRoute = (doc: EndpointDoc, type: Type | ApiResponseOptions) =>
  applyDecorators(PublicCacheable(doc, type), UseInterceptors(PublicResponseInterceptor));

/** The response cache's key for this request: its path and query as sent. */
export const CacheKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string => ctx.switchToHttp().getRequest<Request>().originalUrl);

/** Whether the client asked for ninjs by its media type (the `format` query parameter says so too). */
export const AcceptsNinjs = createParamDecorator((_: unknown, ctx: ExecutionContext): boolean =>
  /application\/ninjs\+json/i.test(ctx.switchToHttp().getRequest<Request>().headers.accept ?? ''),
);
