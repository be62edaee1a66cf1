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
