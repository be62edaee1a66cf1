// Pure parts of a search: turning what the reader typed into terms, the ranking constants, and
// the keyset cursor. No SQL here; the repository binds what these functions return.
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { ValidationProblem } from '../common/problem.js';
import type { NewsTokenizer } from './tokenizer.js';

/** Longest query accepted, in characters (code points). */
export const MAX_QUERY_LENGTH = 200;
/** Shortest folded query the headline substring fallback runs for (a trigram). */
export const MIN_FALLBACK_LENGTH = 3;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Recency boost: rank × (1 + RECENCY_WEIGHT × e^(−age / RECENCY_DAYS)). Mild on purpose: a fresh
 * story gains at most 25 %, so it wins ties and near-ties, never over a clearly better match.
 */
export const RECENCY_WEIGHT = 0.25;
export const RECENCY_DAYS = 30;

/**
 * How many matching stories are ranked: the newest CANDIDATE_LIMIT of them. Ranking unpacks each
 * candidate's tsvector and computes cover density (~10 µs apiece) and finding the newest visits
 * each match in a window (~2 µs): ranking all 15,000 stories that share a common word would take
 * over 150 ms. The newest 100 keep a search within a few milliseconds (five pages of twenty); a
 * query with fewer matches is ranked in full.
 */
export const CANDIDATE_LIMIT = 100;

/**
 * Candidate windows, narrowest first: the last `weeks` weeks (null: all time), each window four
 * times the last. Each story's tsvector carries lexemes naming its week and the 4-, 16- and
 * 64-week blocks around it (`timeLexemes`), so the GIN index itself narrows a common word to
 * recent stories, with a handful of lexemes per window, without visiting every match. The first
 * window holding CANDIDATE_LIMIT matches holds exactly the newest CANDIDATE_LIMIT, since every
 * story outside it is older. The last window must be null.
 */
export const CANDIDATE_WINDOWS: readonly ({ weeks: number; block: number } | null)[] = [
  { weeks: 2, block: 1 },
  { weeks: 8, block: 4 },
  { weeks: 32, block: 16 },
  { weeks: 128, block: 64 },
  null,
];

/** Block sizes, in weeks, that every story is filed under. */
export const TIME_BLOCKS = [1, 4, 16, 64] as const;

const WEEK_MS = 7 * 86_400_000;

/** Weeks since 1970-01-01 (a Thursday); the index computes the same number in SQL. */
export const weekNumber = (date: Date) => Math.floor(date.getTime() / WEEK_MS);

const blockLexeme = (block: number, index: number) => `@w${block}:${index}`;

/**
 * A story's time lexemes: `@w1:2863` (its week), `@w4:715`, `@w16:178`, `@w64:44`. Tokens are
 * letters and digits only, so no word of a story or a query can ever equal one.
 */
export function timeLexemes(date: Date): string[] {
  const week = weekNumber(date);
  return TIME_BLOCKS.map((block) => blockLexeme(block, Math.floor(week / block)));
}

/**
 * The tsquery matching stories filed in the blocks that cover the window's weeks before `at` (and
 * the week after, for clock skew): a span of time up to now, slightly wider than asked. Null for
 * all time. Built from the clock only, never from the query.
 */
export function windowQuery(at: Date, window: { weeks: number; block: number } | null): string | null {
  if (window === null) return null;
  const now = weekNumber(at);
  const lexemes: string[] = [];
  for (let index = Math.floor((now + 1) / window.block); index >= Math.floor((now - window.weeks) / window.block); index--) {
    lexemes.push(`'${blockLexeme(window.block, index)}'`);
  }
  return lexemes.join(' | ');
}

export interface ParsedQuery {
  /** Tokenizer terms, ANDed by the token search. */
  terms: string[];
  /** The whole query folded (NFKC, lower-case, simplified) and trimmed: the fallback's substring. */
  folded: string;
}

/** 422 for an empty, blank, term-less or over-long query; operator characters are just text. */
export function parseQuery(q: string | undefined | null, tokenizer: NewsTokenizer): ParsedQuery {
  const text = (q ?? '').trim();
  if (text === '') throw queryProblem('q must not be empty');
  if ([...text].length > MAX_QUERY_LENGTH) throw queryProblem(`q must be at most ${MAX_QUERY_LENGTH} characters`);
  const terms = tokenizer.queryTerms(text);
  if (terms.length === 0) throw queryProblem('q must contain letters or digits');
  return { terms, folded: tokenizer.fold(text).replace(/\s+/gu, ' ') };
}

const queryProblem = (message: string) => new ValidationProblem([{ field: 'q', message }]);

/** `%fragment%` for LIKE, with the fragment's own wildcards escaped (the ESCAPE character is `\`). */
export function containsPattern(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
}

/**
 * Which search produced a page: the token search, or the headline fallback it fell back to
 * when the tokens found nothing. Later pages must keep the first page's choice.
 */
export type SearchMode = 'tokens' | 'headline';

/**
 * Position after the last hit served. `at` is the first page's clock: the recency boost is
 * computed against it on every page, so ranks (and therefore pages) do not drift.
 */
export interface SearchCursor {
  mode: SearchMode;
  /** Index into CANDIDATE_WINDOWS chosen by the first page. */
  window: number;
  rank: number;
  sortAt: string;
  articleId: string;
  at: string;
}

export function encodeSearchCursor(cursor: SearchCursor): string {
  return encodeCursor({ m: cursor.mode, w: cursor.window, r: cursor.rank, s: cursor.sortAt, id: cursor.articleId, at: cursor.at });
}

export function decodeSearchCursor(cursor: string | undefined): SearchCursor | null {
  const raw = decodeCursor(cursor, { m: ['tokens', 'headline'], w: 'int4', r: 'float8', s: 'timestamp', id: 'uuid', at: 'timestamp' });
  if (!raw) return null;
  if (raw.w < 0 || raw.w >= CANDIDATE_WINDOWS.length) throw new ValidationProblem([{ field: 'cursor', message: 'cursor is not one this API issued' }]);
  return { mode: raw.m, window: raw.w, rank: raw.r, sortAt: raw.s, articleId: raw.id, at: raw.at };
}

export function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ValidationProblem([{ field: 'limit', message: `limit must be an integer from 1 to ${MAX_PAGE_SIZE}` }]);
  }
  return limit;
}
