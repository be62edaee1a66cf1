// Typed business errors, each mapped to an RFC 9457 problem by the one exception filter.
import { HttpException } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

/** An error whose response is a problem document: `type` is derived from `code`, extensions are merged in. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail, status);
  }
}

export const problemType = (code: string) => `/problems/${code}`;

export class NotFoundProblem extends ProblemException {
  constructor(what: string) {
    super(404, 'not-found', 'Not Found', `${what} was not found.`);
  }
}

/** A 422 lists at most this many fields: enough to fix a form, never an answer larger than the request. */
export const MAX_FIELD_ERRORS = 20;

export class ValidationProblem extends ProblemException {
  constructor(errors: FieldError[], detail = 'The request has invalid fields; see errors.') {
    const listed = errors.slice(0, MAX_FIELD_ERRORS);
    const more = errors.length > listed.length ? ` Only the first ${listed.length} of ${errors.length} are listed.` : '';
    super(422, 'validation-failed', 'Validation Failed', detail + more, { errors: listed });
  }
}

export class ConflictProblem extends ProblemException {
  constructor(code: string, detail: string, extensions: Record<string, unknown> = {}) {
    super(409, code, 'Conflict', detail, extensions);
  }
}

export class ForbiddenProblem extends ProblemException {
  constructor(detail = 'You do not have permission to do this.', extensions: Record<string, unknown> = {}) {
    super(403, 'forbidden', 'Forbidden', detail, extensions);
  }
}

export class UnauthorizedProblem extends ProblemException {
  constructor(detail = 'Authentication is required.') {
    super(401, 'unauthorized', 'Unauthorized', detail, {}, { 'WWW-Authenticate': 'Bearer' });
  }
}

export class PreconditionRequiredProblem extends ProblemException {
  constructor(what = 'This write') {
    super(428, 'precondition-required', 'Precondition Required', `${what} requires an If-Match header with the version you last read.`);
  }
}

export class PreconditionFailedProblem extends ProblemException {
  constructor(currentVersion: number) {
    super(
      412,
      'version-mismatch',
      'Precondition Failed',
      `The resource has changed since you read it; its current version is ${currentVersion}.`,
      { currentVersion },
      // The validator of the current version, as every read of it would send.
      { ETag: `"${currentVersion}"` },
    );
  }
}

export class TooManyRequestsProblem extends ProblemException {
  constructor(retryAfterSeconds: number, detail = 'Too many attempts; try again later.') {
    super(429, 'too-many-requests', 'Too Many Requests', detail, { retryAfter: retryAfterSeconds }, { 'Retry-After': String(retryAfterSeconds) });
  }
}
