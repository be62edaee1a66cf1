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
  return `'${lexeme.replace(/\\/gu, '\\\\').replace(/'/gu, "''")}'`;
}

const indexable = (token: string) => token !== '' && Buffer.byteLength(token, 'utf8') <= MAX_LEXEME_BYTES;

/**
 * The tsvector of weighted parts, positions numbered on across the parts in order (as `||` of
 * setweight(to_tsvector(…)) would), plus `bare` lexemes without positions (time lexemes).
 */
export function tsvectorLiteral(parts: ReadonlyArray<{ tokens: readonly string[]; weight: Weight }>, bare: readonly string[] = []): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const { tokens, weight } of parts) {
    for (const token of tokens) {
      position = Math.min(position + 1, MAX_POSITION);
      if (!indexable(token)) continue;
      let list = positions.get(token);
      if (!list) positions.set(token, (list = []));
      if (list.length < MAX_POSITIONS) list.push(`${position}${weight}`);
    }
  }
  const lexemes = [...positions].map(([token, list]) => `${quoteLexeme(token)}:${list.join(',')}`);
  for (const lexeme of bare) if (indexable(lexeme) && !positions.has(lexeme)) lexemes.push(quoteLexeme(lexeme));
  return lexemes.join(' ');
}

/** The query terms as quoted tsquery operands, to be joined with ` & ` (every word required). */
export function tsqueryOperands(terms: readonly string[]): string[] {
  return terms.filter(indexable).map(quoteLexeme);
}
