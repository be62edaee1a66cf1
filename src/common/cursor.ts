import { ValidationProblem } from './problem.js';

/** Opaque keyset cursors: base64url JSON of the sort key of the last row served. */
export function encodeCursor(key: Record<string, string | number | null>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends Record<string, unknown>>(cursor: string | undefined, keys: (keyof T)[]): T | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
    if (typeof value !== 'object' || value === null || keys.some((k) => !(k in value))) throw new Error('shape');
    return value;
  } catch {
    throw new ValidationProblem([{ field: 'cursor', message: 'cursor is not one this API issued' }]);
  }
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
