import { decodeCursor, encodeCursor } from './cursor.js';
import { ValidationProblem } from './problem.js';

const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('decodeCursor', () => {
  it('returns what was encoded', () => {
    const schema = { p: 'timestamp', id: 'uuid', n: 'int4', a: 'bigint', r: 'float8', m: ['tokens', 'headline'], e: 'text' } as const;
    const key = { p: '2026-01-22T08:00:00.123Z', id: ID, n: 3, a: '9223372036854775807', r: 0.25, m: 'headline', e: 'lim@newsroom.example' };
    expect(decodeCursor(encodeCursor(key), schema)).toEqual(key);
    expect(decodeCursor(forged({ at: '2026-01-22T08:00:00.123456Z', id: ID }), { at: 'timestamp', id: 'uuid' })).not.toBeNull();
    expect(decodeCursor(undefined, { n: 'int4' })).toBeNull();
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['an array', forged([1])],
    ['a missing field', forged({ p: '2026-01-22T08:00:00.000Z' })],
    ['an extra field', forged({ p: '2026-01-22T08:00:00.000Z', id: ID, x: 1 })],
    ['a date only', forged({ p: '2020-02-03', id: ID })],
    ['30 February', forged({ p: '2020-02-30T00:00:00.000Z', id: ID })],
    ['a number for a time', forged({ p: '1', id: ID })],
    ['year 0', forged({ p: '0000-01-01T00:00:00.000Z', id: ID })],
    ['an expanded year', forged({ p: '+275760-09-13T00:00:00.000Z', id: ID })],
    ['a negative year', forged({ p: '-271821-04-20T00:00:00.000Z', id: ID })],
    ['hour 24', forged({ p: '2020-01-01T24:00:00.000Z', id: ID })],
    ['a bad uuid', forged({ p: '2026-01-22T08:00:00.000Z', id: '00000000-0000-4000-8000-00000000000g' })],
  ])('refuses a timestamp/uuid cursor with %s', (_, cursor) => {
    expect(() => decodeCursor(cursor, { p: 'timestamp', id: 'uuid' })).toThrow(ValidationProblem);
  });

  it('keeps integers within their columns', () => {
    expect(() => decodeCursor(forged({ n: 2 ** 31 }), { n: 'int4' })).toThrow(ValidationProblem);
    expect(() => decodeCursor(forged({ n: 1.5 }), { n: 'int4' })).toThrow(ValidationProblem);
    expect(() => decodeCursor(forged({ n: '1' }), { n: 'int4' })).toThrow(ValidationProblem);
    expect(() => decodeCursor(forged({ a: '9223372036854775808' }), { a: 'bigint' })).toThrow(ValidationProblem);
    expect(() => decodeCursor(forged({ a: '99999999999999999999' }), { a: 'bigint' })).toThrow(ValidationProblem);
    expect(() => decodeCursor(forged({ a: '-1' }), { a: 'bigint' })).toThrow(ValidationProblem);
  });

  it('refuses text PostgreSQL cannot store and values outside an enumeration', () => {
    expect(() => decodeCursor(forged({ e: 'a\u0000' }), { e: 'text' })).toThrow(ValidationProblem);
    expect(() => decodeCursor(forged({ e: 'a\ud800' }), { e: 'text' })).toThrow(ValidationProblem);
    expect(() => decodeCursor(forged({ m: 'sql' }), { m: ['tokens', 'headline'] })).toThrow(ValidationProblem);
    expect(() => decodeCursor(forged({ r: null }), { r: 'float8' })).toThrow(ValidationProblem);
  });
});
