import { ValidationProblem } from './problem.js';
import { isStorableText } from './request-text.js';

/**
 * Opaque keyset cursors: base64url JSON of the sort key of the last row served. A client can send
 * anything as a cursor, so decoding is strict: each field must have the shape and range of the
 * column it is compared with, and anything else is a 422, never a query PostgreSQL refuses.
 */
export function encodeCursor(key: Record<string, string | number | null>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** What a cursor field holds, named for the PostgreSQL column it is compared with. */
export type CursorField =
  /** A timestamptz as this API writes it: `2026-01-22T08:00:00.000Z` (3 or 6 fraction digits, years 1 to 9999). */
  | 'timestamp'
  | 'uuid'
  /** A bigint id as the driver returns it: a string of digits, at most 2^63 - 1. */
  | 'bigint'
  /** An integer column: -2^31 to 2^31 - 1. */
  | 'int4'
  /** A finite float8. */
  | 'float8'
  /** Text PostgreSQL can store, at most 1,000 characters. */
  | 'text'
  /** One of these strings. */
  | readonly string[];

type FieldValue<F extends CursorField> = F extends 'int4' | 'float8' ? number : F extends readonly (infer S)[] ? S : string;
export type CursorValue<S extends Record<string, CursorField>> = { [K in keyof S]: FieldValue<S[K]> };

/** Decodes a cursor issued with the fields of `schema` (and no others); null when there is none; 422 when it is not one. */
export function decodeCursor<const S extends Record<string, CursorField>>(cursor: string | undefined, schema: S): CursorValue<S> | null {
  if (!cursor) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw notIssued();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw notIssued();
  const fields = Object.keys(schema);
  const record = value as Record<string, unknown>;
  if (Object.keys(record).length !== fields.length || !fields.every((name) => Object.hasOwn(record, name) && fits(record[name], schema[name]))) {
    throw notIssued();
  }
  return record as CursorValue<S>;
}

const notIssued = () => new ValidationProblem([{ field: 'cursor', message: 'cursor is not one this API issued' }]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(?:\.\d{1,6})?Z$/;
const BIGINT_MAX = 9223372036854775807n;
const INT4 = 2 ** 31;

function fits(value: unknown, field: CursorField): boolean {
  if (typeof field !== 'string') return typeof value === 'string' && field.includes(value);
  switch (field) {
    case 'timestamp':
      return typeof value === 'string' && isTimestamp(value);
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'bigint':
      return typeof value === 'string' && /^(?:0|[1-9]\d{0,18})$/.test(value) && BigInt(value) <= BIGINT_MAX;
    case 'int4':
      return Number.isInteger(value) && (value as number) >= -INT4 && (value as number) < INT4;
    case 'float8':
      return typeof value === 'number' && Number.isFinite(value);
    case 'text':
      return typeof value === 'string' && value.length <= 1000 && isStorableText(value);
  }
}

/** A real calendar date and time (no 30 February, no year 0), in the form the API writes. */
function isTimestamp(text: string): boolean {
  const m = TIMESTAMP.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
