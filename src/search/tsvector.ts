// tsvector and tsquery values built from the tokenizer's output, so PostgreSQL never re-parses the
// words: its parser would split tokens of some scripts differently on the two sides, and parsing
// costs more than the rest of an index write. Values are bound as parameters and cast; every
// lexeme is quoted, so no token can read as syntax.

export type Weight = 'A' | 'B' | 'C' | 'D';

/** PostgreSQL keeps at most 256 positions per lexeme and positions up to 16383. */
const MAX_POSITIONS = 256;
const MAX_POSITION = 16_383;
/** Longer lexemes are refused by tsvector input (to_tsvector skips them with a notice, as here). */
const MAX_LEXEME_BYTES = 2046;

export function quoteLexeme(lexeme: string): string {
  // Tokens hold letters, marks and digits only, so the replacements almost never apply.
  if (!lexeme.includes("'") && !lexeme.includes('\\')) return `'${lexeme}'`;
  return `'${lexeme.replace(/\\/gu, '\\\\').replace(/'/gu, "''")}'`;
}

/** A UTF-16 code unit is at most 3 bytes of UTF-8, so most tokens need no byte count. */
const indexable = (token: string) => token !== '' && (token.length * 3 <= MAX_LEXEME_BYTES || Buffer.byteLength(token, 'utf8') <= MAX_LEXEME_BYTES);

/** A lexeme's entry as it grows: `'北约':1A,3B` and how many positions it holds. */
interface Entry {
  text: string;
  positions: number;
}

/**
 * The tsvector of weighted parts, positions numbered on across the parts in order (as `||` of
 * setweight(to_tsvector(…)) would), plus `bare` lexemes without positions (time lexemes).
 * Each story is indexed with it twice (working copy, live version): each entry's text is built
 * as it grows, with no intermediate list of positions.
 */
export function tsvectorLiteral(parts: ReadonlyArray<{ tokens: readonly string[]; weight: Weight }>, bare: readonly string[] = []): string {
  const entries = new Map<string, Entry>();
  let position = 0;
  for (const { tokens, weight } of parts) {
    for (const token of tokens) {
      position = Math.min(position + 1, MAX_POSITION);
      const entry = entries.get(token);
      if (entry === undefined) {
        if (indexable(token)) entries.set(token, { text: `${quoteLexeme(token)}:${position}${weight}`, positions: 1 });
      } else if (entry.positions < MAX_POSITIONS) {
        entry.text += `,${position}${weight}`;
        entry.positions++;
      }
    }
  }
  let literal = '';
  for (const entry of entries.values()) literal += literal === '' ? entry.text : ` ${entry.text}`;
  for (const lexeme of bare) if (indexable(lexeme) && !entries.has(lexeme)) literal += literal === '' ? quoteLexeme(lexeme) : ` ${quoteLexeme(lexeme)}`;
  return literal;
}

/** The query terms as quoted tsquery operands, to be joined with ` & ` (every word required). */
export function tsqueryOperands(terms: readonly string[]): string[] {
  return terms.filter(indexable).map(quoteLexeme);
}
