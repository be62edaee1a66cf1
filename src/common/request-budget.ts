// What any request may cost before a controller sees it, enforced in front of every route: the size
// and shape of JSON bodies (judged by Content-Length before a byte is read, and scanned before they
// are parsed, so a hostile body costs a scan of its bytes, not a walk of a million objects), the
// number of query parameters, and text PostgreSQL cannot store, refused in paths (404: such a path
// names nothing) and query strings (422). Bodies of every kind are checked for that text by the
// validation pipe (validation.ts), which all of them pass through.
import type { NextFunction, Request, Response } from 'express';
import { checkJsonBudget, JSON_BUDGET } from './json-budget.js';
import { ProblemException, ValidationProblem } from './problem.js';
import { findUnstorableText, isStorableText, unstorableTextMessage } from './request-text.js';

export const JSON_BODY_LIMIT_BYTES = 2 * 1024 * 1024;
/** Room for the largest of the small bodies (a 2,000-character note) even when every character is escaped as \uXXXX. */
export const SMALL_JSON_BODY_LIMIT_BYTES = 16 * 1024;
/** Our longest query string has 8 parameters. */
export const MAX_QUERY_PARAMETERS = 50;

/**
 * Routes whose bodies are a few short fields: logins, tokens, passwords, and the actions on one
 * story (`/api/admin/articles/:id/<action>`: workflow actions, corrections, previews) and restores.
 * Routing ignores case: so do these.
 */
const SMALL_BODY_ROUTES: readonly RegExp[] = [
  /^\/api\/auth\//i,
  /^\/api\/admin\/articles\/[^/]+\/[a-z-]+\/?$/i,
  /^\/api\/admin\/articles\/[^/]+\/revisions\/[^/]+\/restore\/?$/i,
];

/**
 * 16 KB on the small-body routes and for any request without a bearer token (every route that
 * takes a large body needs one, so anonymous clients cannot make the server read megabytes), 2 MB otherwise.
 */
export function jsonBodyLimitFor(req: Request): number {
  if (SMALL_BODY_ROUTES.some((route) => route.test(req.path))) return SMALL_JSON_BODY_LIMIT_BYTES;
  return /^Bearer\s/i.test(req.headers.authorization ?? '') ? JSON_BODY_LIMIT_BYTES : SMALL_JSON_BODY_LIMIT_BYTES;
}

export class ContentTooLargeProblem extends ProblemException {
  constructor(limitBytes: number) {
    super(
      413,
      'payload-too-large',
      'Payload Too Large',
      `The request body is larger than this route accepts (${limitBytes} bytes; 16 KB without an access token).`,
      { limitBytes },
    );
  }
}

class UnsupportedCharsetProblem extends ProblemException {
  constructor() {
    super(415, 'unsupported-media-type', 'Unsupported Media Type', 'JSON request bodies must be UTF-8.');
  }
}

/**
 * body-parser's `verify` hook: runs on the raw bytes (at most JSON_BODY_LIMIT_BYTES were read)
 * before JSON.parse. Throws 413 over the route's size, 422 over the JSON budget.
 */
export function verifyJsonBody(req: Request, _res: Response, bytes: Buffer, encoding: string | null): void {
  const limit = jsonBodyLimitFor(req);
  if (bytes.length > limit) throw new ContentTooLargeProblem(limit);
  if (encoding !== null && encoding.toLowerCase() !== 'utf-8' && encoding.toLowerCase() !== 'utf8') throw new UnsupportedCharsetProblem();
  const violation = checkJsonBudget(bytes, JSON_BUDGET);
  if (violation) {
    throw new ValidationProblem(
      [{ field: violation.field, message: `${violation.field || 'the body'} ${violation.message}` }],
      'The request body is larger in shape than any request needs; see errors.',
    );
  }
}

/** A path segment holding unstorable text, or one that is not valid percent-encoded UTF-8, names nothing. */
export class UnknownPathProblem extends ProblemException {
  constructor() {
    super(404, 'not-found', 'Not Found', 'Nothing exists at this address.');
  }
}

/**
 * Express middleware, in front of routing and body parsing: bad text in the path is a 404; a JSON
 * body declared larger than the route takes is a 413 before it is read; too many query parameters
 * or bad text in the query string is a 422.
 */
export function requestBudget(req: Request, _res: Response, next: NextFunction): void {
  if (!storablePath(req.path)) return next(new UnknownPathProblem());
  const declared = Number(req.headers['content-length']);
  if (declared > 0 && req.is('application/json')) {
    const limit = jsonBodyLimitFor(req);
    if (declared > limit) return next(new ContentTooLargeProblem(limit));
  }
  const query = req.query as Record<string, unknown>;
  if (Object.keys(query).length > MAX_QUERY_PARAMETERS) {
    return next(new ValidationProblem([{ field: '', message: `the query string has more than ${MAX_QUERY_PARAMETERS} parameters` }]));
  }
  const field = findUnstorableText(query);
  if (field !== null) return next(new ValidationProblem([{ field, message: `${field} ${unstorableTextMessage}` }]));
  next();
}

function storablePath(path: string): boolean {
  if (!path.includes('%')) return true;
  return path.split('/').every((segment) => {
    try {
      return isStorableText(decodeURIComponent(segment));
    } catch {
      return false;
    }
  });
}
