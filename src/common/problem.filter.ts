// One filter turns every error into application/problem+json; unexpected errors are logged, never shown.
import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DatabaseUnavailableProblem, isDatabaseUnavailable } from './database-unavailable.js';
import { ProblemException, problemType } from './problem.js';

const TITLES: Record<number, [string, string]> = {
  400: ['bad-request', 'Bad Request'],
  401: ['unauthorized', 'Unauthorized'],
  403: ['forbidden', 'Forbidden'],
  404: ['not-found', 'Not Found'],
  405: ['method-not-allowed', 'Method Not Allowed'],
  409: ['conflict', 'Conflict'],
  413: ['payload-too-large', 'Payload Too Large'],
  415: ['unsupported-media-type', 'Unsupported Media Type'],
  422: ['validation-failed', 'Validation Failed'],
  429: ['too-many-requests', 'Too Many Requests'],
  500: ['internal-error', 'Internal Server Error'],
  503: ['unavailable', 'Service Unavailable'],
};

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');
  private lastOutageLog = 0;

  catch(thrown: unknown, host: ArgumentsHost): void {
    const error = this.asProblem(thrown);
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const problem = this.toProblem(error, req);
    if (res.headersSent) return;
    // A problem describes this moment (a story not yet published, a database briefly away): no
    // browser or CDN keeps it, whatever the route's answers would have said.
    res.setHeader('Cache-Control', 'no-store');
    if (error instanceof ProblemException) for (const [k, v] of Object.entries(error.headers)) res.setHeader(k, v);
    res.status(problem.status as number).type('application/problem+json').send(JSON.stringify(problem));
  }

  /** Problems raised in Express middleware arrive wrapped by the adapter; database outages become 503. */
  private asProblem(error: unknown): unknown {
    const cause = (error as { cause?: unknown })?.cause;
    if (error instanceof HttpException && cause instanceof ProblemException) return cause;
    if (error instanceof HttpException || !isDatabaseUnavailable(error)) return error;
    // One line every 10 s is enough to see an outage in the log; each failed request would flood it.
    if (Date.now() - this.lastOutageLog > 10_000) {
      this.lastOutageLog = Date.now();
      this.logger.warn(`database unavailable, answering 503: ${error instanceof Error ? error.message : String(error)}`);
    }
    return new DatabaseUnavailableProblem();
  }

  private toProblem(error: unknown, req: Request & { id?: string }): Record<string, unknown> {
    const base = { instance: req.originalUrl?.split('?')[0], requestId: req.id };
    if (error instanceof ProblemException) {
      return { type: problemType(error.code), title: error.title, status: error.getStatus(), detail: error.detail, ...error.extensions, ...base };
    }
    const status = statusOf(error);
    // A 5xx answered on purpose (readiness 503 while starting) is not an unhandled error.
    if (status >= 500 && !(error instanceof HttpException)) this.logger.error({ err: error, requestId: req.id }, 'unhandled error');
    const [code, title] = TITLES[status] ?? [`http-${status}`, 'Error'];
    return { type: problemType(code), title, status, detail: detailOf(error, status), ...base };
  }
}

function statusOf(error: unknown): number {
  if (error instanceof HttpException) return error.getStatus();
  // Errors raised by Express middleware (body-parser, multer) carry their own status.
  const e = error as { status?: unknown; statusCode?: unknown };
  const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : 500;
  return status >= 400 && status < 600 ? status : 500;
}

function detailOf(error: unknown, status: number): string {
  if (status >= 500) return 'An unexpected error occurred. Quote the request id when reporting it.';
  const e = error as { type?: string; message?: string; cause?: { type?: string } };
  // Body-parser errors arrive wrapped by the Express adapter; their type says what went wrong.
  const type = e?.cause?.type ?? e?.type;
  if (type === 'entity.parse.failed') return 'The request body is not valid JSON.';
  if (type === 'entity.too.large') return 'The request body is too large.';
  if (error instanceof HttpException) {
    const body = error.getResponse();
    if (typeof body === 'object' && body && 'message' in body) {
      const m = (body).message;
      return Array.isArray(m) ? m.join('; ') : String(m);
    }
    return error.message;
  }
  return typeof e?.message === 'string' ? e.message : 'The request could not be processed.';
}
