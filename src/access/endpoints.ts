// One decorator per kind of endpoint: the permission it requires, its OpenAPI operation, and the
// answers (with their problem shapes) that every endpoint of that kind gives. A route names its
// own answers only where they say more than the kind's (`answers`: a 409's reason, say).
import { applyDecorators, HttpCode, type Type } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, type ApiResponseOptions } from '@nestjs/swagger';
import { ProblemResponse, ValidationProblemResponse } from '../common/openapi.js';
import { CreatedAt, VersionEtag } from '../common/response-headers.js';
import { Public, RequireAnyPermission, RequirePermissions } from './decorators.js';
import type { Permission } from './permissions.js';

/** What a route requires: every one of the permissions, or at least one of them. */
export interface Access {
  mode: 'all' | 'any';
  permissions: Permission[];
}

export const needs = (...permissions: Permission[]): Access => ({ mode: 'all', permissions });
/** For reads whose reach the object-level check then decides (own stories or all of them). */
export const needsOneOf = (...permissions: Permission[]): Access => ({ mode: 'any', permissions });

export interface EndpointDoc {
  summary: string;
  description?: string;
  /** Answers beyond (or more precise than) those of the endpoint's kind, keyed by status. */
  answers?: Record<number, string | ApiResponseOptions>;
}

type Answers = Map<number, ApiResponseOptions>;

const problem = (description: string): ApiResponseOptions => ({ type: ProblemResponse, description });
const invalid = (description: string): ApiResponseOptions => ({ type: ValidationProblemResponse, description });

const COMMON = {
  notFound: problem('No such object, or not one the caller may see.'),
  invalid: invalid('Invalid or unknown fields; `errors` names each with the reason.'),
  stale: problem('Stale If-Match: the object changed since it was read; `currentVersion` and the ETag name the current version.'),
  ifMatchMissing: problem('If-Match is missing: send the ETag you last read.'),
};

function applyAnswers(defaults: Answers, doc: EndpointDoc): MethodDecorator[] {
  const answers = new Map(defaults);
  for (const [status, answer] of Object.entries(doc.answers ?? {})) {
    const code = Number(status);
    const base = answers.get(code) ?? (code >= 400 ? problem('') : {});
    answers.set(code, typeof answer === 'string' ? { ...base, description: answer } : { ...base, ...answer });
  }
  return [...answers].map(([status, options]) => ApiResponse({ ...options, status }));
}

const guard = (access: Access) =>
  access.mode === 'all' ? RequirePermissions(...access.permissions) : RequireAnyPermission(...access.permissions);

const operation = (doc: EndpointDoc) => ApiOperation({ summary: doc.summary, ...(doc.description ? { description: doc.description } : {}) });

/** Any admin endpoint: its permission, what it does, and its answers (401 and 403 come with the permission). */
export function AdminEndpoint(access: Access, doc: EndpointDoc, defaults: Answers = new Map()) {
  return applyDecorators(guard(access), operation(doc), ...applyAnswers(defaults, doc));
}

/** A list page (`{items, nextCursor}`): 422 for a bad filter, limit or cursor. */
export function ListEndpoint(access: Access, doc: EndpointDoc, page: Type) {
  return AdminEndpoint(
    access,
    doc,
    new Map([
      [200, { type: page }],
      [422, invalid('A bad filter, limit or cursor.')],
    ]),
  );
}

/** One versioned object (a story, a photo): its `version` is the ETag to send back in If-Match. */
export function ReadVersioned(access: Access, doc: EndpointDoc, type: Type) {
  return applyDecorators(
    VersionEtag(),
    AdminEndpoint(
      access,
      doc,
      new Map([
        [200, { type, description: 'ETag carries the version.' }],
        [404, COMMON.notFound],
      ]),
    ),
  );
}

/**
 * A change to a versioned object, guarded by If-Match (required, or optional where leaving it out
 * is safe, as for a delete): the answer's ETag is the new version; 412 for a stale version, 428
 * when a required If-Match is missing, 422 for bad fields (unless nothing comes back: a delete).
 */
export function WriteVersioned(access: Access, doc: EndpointDoc, type: Type | null, options: { ifMatch?: 'required' | 'optional'; status?: 200 | 204 } = {}) {
  const required = (options.ifMatch ?? 'required') === 'required';
  const status = options.status ?? (type ? 200 : 204);
  const answers: Answers = new Map([
    [status, type ? { type, description: 'The object as it is now; ETag carries the new version.' } : { description: 'Done.' }],
    [404, COMMON.notFound],
    [412, COMMON.stale],
  ]);
  if (type) answers.set(422, COMMON.invalid);
  if (required) answers.set(428, COMMON.ifMatchMissing);
  return applyDecorators(
    HttpCode(status),
    VersionEtag(),
    ApiHeader({ name: 'If-Match', required, description: 'The version last read, e.g. "3".' }),
    AdminEndpoint(access, doc, answers),
  );
}

/** Creates a versioned object: 201 with its Location and ETag; 422 for bad fields. */
export function CreateVersioned<T extends { id: string }>(access: Access, doc: EndpointDoc, type: Type<T>, location: (created: T) => string) {
  return applyDecorators(
    CreatedAt(location),
    VersionEtag(),
    AdminEndpoint(
      access,
      doc,
      new Map([
        [201, { type, description: 'Created; Location names it and ETag carries its version.' }],
        [422, COMMON.invalid],
      ]),
    ),
  );
}

/**
 * A public, cacheable read: no token (`security: []` in OpenAPI); ETag and Cache-Control on every
 * answer, 304 when If-None-Match still matches. Errors (404, 422) are never cached. `type` is the
 * 200 body's class, or the whole 200 answer for bodies that are not JSON objects (feeds, sitemaps).
 */
export function PublicCacheable(doc: EndpointDoc, type: Type | ApiResponseOptions) {
  return applyDecorators(
    Public(),
    ApiHeader({ name: 'If-None-Match', required: false, description: 'An ETag from an earlier response; 304 when still current.' }),
    ApiOperation({ summary: doc.summary, ...(doc.description ? { description: doc.description } : {}), security: [] }),
    ...applyAnswers(
      new Map([
        [200, typeof type === 'function' ? { type } : type],
        [304, { description: 'Not modified (If-None-Match matched).' }],
      ]),
      doc,
    ),
  );
}
