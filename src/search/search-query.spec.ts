import { encodeCursor } from '../common/cursor.js';
import { ValidationProblem } from '../common/problem.js';
import { CANDIDATE_WINDOWS, containsPattern, decodeSearchCursor, encodeSearchCursor, pageSize, parseQuery, timeLexemes, windowQuery } from './search-query.js';
import { getDefaultTokenizer } from './tokenizer.js';

const tokenizer = getDefaultTokenizer();

function fieldErrors(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    if (e instanceof ValidationProblem) return (e.extensions as { errors: unknown }).errors;
    throw e;
  }
  throw new Error('expected a ValidationProblem');
}

describe('parseQuery', () => {
  it('tokenizes like the index and folds the whole query for the fallback', () => {
    const parsed = parseQuery('  拉夫羅夫　ＮＡＴＯ ', tokenizer);
    expect(parsed.folded).toBe('拉夫罗夫 nato');
    expect(parsed.terms).toEqual(tokenizer.queryTerms('拉夫罗夫 nato'));
    expect(parsed.terms).toEqual(expect.arrayContaining(['拉夫罗夫', 'nato']));
  });

  it.each([[''], ['   '], [undefined]])('refuses an empty query %p with 422 on q', (q) => {
    expect(fieldErrors(() => parseQuery(q, tokenizer))).toEqual([{ field: 'q', message: 'q must not be empty' }]);
  });

  it('refuses punctuation-only queries', () => {
    expect(fieldErrors(() => parseQuery('，。！？ *** ---', tokenizer))).toEqual([{ field: 'q', message: 'q must contain letters or digits' }]);
  });

  it('counts characters, not UTF-16 units, against the 200 limit', () => {
    expect(parseQuery('北'.repeat(200), tokenizer).terms.length).toBeGreaterThan(0);
    expect(parseQuery('𠀀'.repeat(200), tokenizer).terms.length).toBeGreaterThan(0);
    expect(fieldErrors(() => parseQuery('北'.repeat(201), tokenizer))).toEqual([{ field: 'q', message: 'q must be at most 200 characters' }]);
  });

  it('treats SQL and tsquery operators as plain words', () => {
    expect(parseQuery("'); DROP TABLE article; --", tokenizer).terms).toEqual(['drop', 'table', 'article']);
    expect(parseQuery('北约 & !东扩 | (x:*)', tokenizer).terms).toEqual(['北约', '东扩', 'x']);
  });
});

describe('containsPattern', () => {
  it('escapes LIKE wildcards in the fragment', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

describe('search cursor', () => {
  const cursor = { mode: 'tokens' as const, window: 1, rank: 0.123456789012, sortAt: '2024-11-22T03:04:05.678Z', articleId: '3f0c8a52-7d43-4f7e-9a35-0b7f0f6f2a11', at: '2024-11-23T00:00:00.000Z' };

  it('round-trips, keeping the rank exactly', () => {
    expect(decodeSearchCursor(encodeSearchCursor(cursor))).toEqual(cursor);
    expect(decodeSearchCursor(undefined)).toBeNull();
  });

  it.each([
    ['garbage', 'not-base64-json'],
    ['bad mode', encodeCursor({ m: 'sql', w: 0, r: 1, s: cursor.sortAt, id: cursor.articleId, at: cursor.at })],
    ['bad window', encodeCursor({ m: 'tokens', w: 9, r: 1, s: cursor.sortAt, id: cursor.articleId, at: cursor.at })],
    ['rank as text', encodeCursor({ m: 'tokens', w: 0, r: '1; DROP', s: cursor.sortAt, id: cursor.articleId, at: cursor.at })],
    ['bad id', encodeCursor({ m: 'tokens', w: 0, r: 1, s: cursor.sortAt, id: 'x', at: cursor.at })],
    ['bad time', encodeCursor({ m: 'tokens', w: 0, r: 1, s: 'yesterday', id: cursor.articleId, at: cursor.at })],
  ])('refuses a cursor it did not issue (%s)', (_, value) => {
    expect(fieldErrors(() => decodeSearchCursor(value))).toEqual([{ field: 'cursor', message: 'cursor is not one this API issued' }]);
  });
});

describe('pageSize', () => {
  it('defaults to 20 and accepts 1..100', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(100)).toBe(100);
    expect(() => pageSize(0)).toThrow(ValidationProblem);
    expect(() => pageSize(101)).toThrow(ValidationProblem);
  });
});

describe('candidate windows', () => {
  it('files a story under its week and the 4-, 16- and 64-week blocks, in lexemes no token can equal', () => {
    expect(timeLexemes(new Date('1970-01-08T00:00:00Z'))).toEqual(['@w1:1', '@w4:0', '@w16:0', '@w64:0']);
    const week = Math.floor(Date.UTC(2024, 10, 22, 12) / 604_800_000);
    expect(timeLexemes(new Date('2024-11-22T12:00:00Z'))).toEqual([`@w1:${week}`, `@w4:${Math.floor(week / 4)}`, `@w16:${Math.floor(week / 16)}`, `@w64:${Math.floor(week / 64)}`]);
    for (const lexeme of timeLexemes(new Date())) expect(getDefaultTokenizer().tokenize(lexeme)).not.toContain(lexeme);
  });

  it('covers the window with a few blocks, from the week after the clock back', () => {
    const at = new Date(Date.UTC(1970, 0, 1) + 40 * 604_800_000); // week 40
    expect(windowQuery(at, { weeks: 2, block: 1 })).toBe("'@w1:41' | '@w1:40' | '@w1:39' | '@w1:38'");
    expect(windowQuery(at, { weeks: 8, block: 4 })).toBe("'@w4:10' | '@w4:9' | '@w4:8'");
    expect(windowQuery(at, null)).toBeNull();
  });

  it('has windows growing to all time', () => {
    expect(CANDIDATE_WINDOWS.at(-1)).toBeNull();
  });
});
