// Response headers that follow from the body, declared on the route instead of set by hand through
// @Res(): the ETag of a versioned object (its `version`), and 201 Created with a Location.
import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { tap, type Observable } from 'rxjs';
import { etagOf } from './if-match.js';

const VERSION_ETAG = 'masthead:version-etag';
const CREATED = 'masthead:created';

interface CreatedRule {
  /** Where the created object lives. */
  location: (body: never) => string;
  /** When only some answers create something (others answer 200). */
  when?: (body: never) => boolean;
}

/** The body's `version` is sent as `ETag: "<version>"`, to come back in If-Match. */
export const VersionEtag = () => SetMetadata(VERSION_ETAG, true);

/** 201 with `Location: location(body)`, for every answer or those `when` accepts (200 for the rest). */
export const CreatedAt = <T>(location: (body: T) => string, when?: (body: T) => boolean) =>
  SetMetadata(CREATED, { location, when });

@Injectable()
export class ResponseHeadersInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const targets = [context.getHandler(), context.getClass()];
    const versioned = this.reflector.getAllAndOverride<boolean | undefined>(VERSION_ETAG, targets);
    const created = this.reflector.getAllAndOverride<CreatedRule | undefined>(CREATED, targets);
    if (!versioned && !created) return next.handle();
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap((body: { version?: unknown } | null) => {
        if (versioned && typeof body?.version === 'number') res.setHeader('ETag', etagOf(body.version));
        if (created && (created.when?.(body as never) ?? true)) res.status(201).location(created.location(body as never));
      }),
    );
  }
}
