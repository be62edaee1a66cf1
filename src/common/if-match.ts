import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { PreconditionFailedProblem, PreconditionRequiredProblem } from './problem.js';

/** Parses `If-Match: "3"` (or `W/"3"`, or `3`) into a version number; 428 when missing or unreadable. */
export function requireIfMatch(header: string | undefined, what?: string): number {
  const match = header?.trim().match(/^(?:W\/)?"?(\d+)"?$/);
  if (!match) throw new PreconditionRequiredProblem(what);
  return Number(match[1]);
}

/** 412 with the current version when the client's copy is stale. */
export function assertVersion(expected: number, current: number): void {
  if (expected !== current) throw new PreconditionFailedProblem(current);
}

export const etagOf = (version: number | string) => `"${version}"`;

const ifMatchHeader = (ctx: ExecutionContext) => ctx.switchToHttp().getRequest<Request>().headers['if-match'];

/** The version the client last read, from a required If-Match (428 naming `what` when missing). */
export const IfMatch = createParamDecorator((what: string | undefined, ctx: ExecutionContext): number => requireIfMatch(ifMatchHeader(ctx), what));

/** The same for a write where If-Match may be left out: undefined then (428 only when unreadable). */
export const OptionalIfMatch = createParamDecorator((what: string | undefined, ctx: ExecutionContext): number | undefined => {
  const header = ifMatchHeader(ctx);
  return header === undefined ? undefined : requireIfMatch(header, what);
});
