// Errors from the API are RFC 9457 problems; the console keeps them whole so screens can show the
// part that matters (which field, which photo, which version) in words an editor understands.
import type { Schemas } from './client';

export interface FieldError {
  field: string;
  message: string;
}

type ProblemBody = Schemas['ProblemResponse'] & { errors?: FieldError[]; [extension: string]: unknown };

export class ApiProblem extends Error {
  readonly status: number;
  /** The last segment of the problem type: `version-mismatch`, `photos-missing-credit`, … */
  readonly code: string;
  readonly body: ProblemBody;

  constructor(status: number, body: Partial<ProblemBody> | undefined) {
    const detail = body?.detail ?? `HTTP ${status}`;
    super(detail);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = (body?.type ?? '').split('/').pop() || `http-${status}`;
    this.body = { type: body?.type ?? '', title: body?.title ?? '', status, detail, ...body };
  }

  get fieldErrors(): FieldError[] {
    return Array.isArray(this.body.errors) ? this.body.errors : [];
  }
}

/** A network failure (server down, connection lost) as a problem, so screens handle one kind of error. */
export const offline = () => new ApiProblem(0, { type: '/problems/offline', title: 'Offline', detail: 'The server could not be reached.' });

/** The data of an openapi-fetch result, or the problem it answered with. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  throw new ApiProblem(result.response.status, result.error as Partial<ProblemBody> | undefined);
}

/** For answers without a body (204). */
export function ensureOk(result: { error?: unknown; response: Response }): void {
  if (!result.response.ok) throw new ApiProblem(result.response.status, result.error as Partial<ProblemBody> | undefined);
}

export const ifMatch = (version: number) => `"${version}"`;
