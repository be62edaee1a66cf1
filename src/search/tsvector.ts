// tsvector and tsquery values built from the tokenizer's output, so PostgreSQL never re-parses the
// words: its parser would split tokens of some scripts differently on the two sides, and parsing
// costs more than the rest of an index write. Values are bound as parameters: tsvectors in the binary
// wire format or as text, tsqueries as text where every lexeme is quoted, so no token can read as
// syntax.

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
const indexable = (token: string) =>
  token !== '' && !token.includes('\0') && (token.length * 3 <= MAX_LEXEME_BYTES || Buffer.byteLength(token, 'utf8') <= MAX_LEXEME_BYTES);

const WEIGHT_BITS: Record<Weight, number> = { A: 3 << 14, B: 2 << 14, C: 1 << 14, D: 0 };
const WEIGHT_LETTERS = ['D', 'C', 'B', 'A'];

/**
 * A tsvector made from the tokenizer's output: each lexeme with its positions in the order met,
 * each position packed as PostgreSQL packs it (weight in the top two bits). One row's tsvector
 * (every publish and save) is sent in the binary wire format, which PostgreSQL takes as it is:
 * parsing the text form cost it about 0.05 ms a row. Bulk writes send text.
 */
export class Tsvector {
  private encoded: Buffer | undefined;

  private constructor(private readonly entries: ReadonlyMap<string, readonly number[]>) {}

  /**
   * The tsvector of weighted parts, positions numbered on across the parts in order (as `||` of
   * setweight(to_tsvector(…)) would), plus `bare` lexemes without positions (time lexemes).
   */
  static of(parts: ReadonlyArray<{ tokens: readonly string[]; weight: Weight }>, bare: readonly string[] = []): Tsvector {
    const entries = new Map<string, number[]>();
    let position = 0;
    for (const { tokens, weight } of parts) {
      const bits = WEIGHT_BITS[weight];
      for (const token of tokens) {
        position = Math.min(position + 1, MAX_POSITION);
        const positions = entries.get(token);
        if (positions === undefined) {
          if (indexable(token)) entries.set(token, [position | bits]);
        } else if (positions.length < MAX_POSITIONS && (positions[positions.length - 1] & MAX_POSITION) < position) {
          // Past the last position every token shares it: one entry, as PostgreSQL keeps it.
          positions.push(position | bits);
        }
      }
    }
    for (const lexeme of bare) if (indexable(lexeme) && !entries.has(lexeme)) entries.set(lexeme, []);
    return new Tsvector(entries);
  }

  /** PostgreSQL's text input form: `'北约':1A,3B '@w1:2863'`. */
  literal(): string {
    let literal = '';
    for (const [lexeme, positions] of this.entries) {
      let entry = quoteLexeme(lexeme);
      for (let i = 0; i < positions.length; i++) entry += `${i === 0 ? ':' : ','}${positions[i] & MAX_POSITION}${WEIGHT_LETTERS[positions[i] >> 14]}`;
      literal += literal === '' ? entry : ` ${entry}`;
    }
    return literal;
  }

  /**
   * The binary wire format tsvector_recv reads: the number of lexemes, then each lexeme as
   * NUL-terminated UTF-8, its number of positions and the positions (16 bits each). PostgreSQL
   * sorts the lexemes itself; positions must rise, as they do here. Built once per tsvector (a
   * story's working copy and live version usually share one), byte by byte: a native call per
   * lexeme would cost more than writing its few characters here.
   */
  binary(): Buffer {
    if (this.encoded) return this.encoded;
    let size = 4;
    for (const [lexeme, positions] of this.entries) size += lexeme.length * 3 + 3 + 2 * positions.length;
    const out = Buffer.allocUnsafe(size);
    let at = out.writeInt32BE(this.entries.size, 0);
    for (const [lexeme, positions] of this.entries) {
      at = writeUtf8(out, at, lexeme);
      out[at++] = 0;
      out[at++] = positions.length >> 8;
      out[at++] = positions.length & 0xff;
      for (const position of positions) {
        out[at++] = position >> 8;
        out[at++] = position & 0xff;
      }
    }
    this.encoded = out.subarray(0, at);
    return this.encoded;
  }
}

/** Writes `text` as UTF-8 at `at` (a lone surrogate as U+FFFD, as Buffer.write does); returns the end. */
function writeUtf8(out: Buffer, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      out[at++] = code;
      continue;
    }
    if (code < 0x800) {
      out[at++] = 0xc0 | (code >> 6);
      out[at++] = 0x80 | (code & 0x3f);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out[at++] = 0xf0 | (code >> 18);
        out[at++] = 0x80 | ((code >> 12) & 0x3f);
        out[at++] = 0x80 | ((code >> 6) & 0x3f);
        out[at++] = 0x80 | (code & 0x3f);
        continue;
      }
      code = 0xfffd;
    }
    out[at++] = 0xe0 | (code >> 12);
    out[at++] = 0x80 | ((code >> 6) & 0x3f);
    out[at++] = 0x80 | (code & 0x3f);
  }
  return at;
}

/** Tsvector.of(parts, bare) in PostgreSQL's text form. */
export function tsvectorLiteral(parts: ReadonlyArray<{ tokens: readonly string[]; weight: Weight }>, bare: readonly string[] = []): string {
  return Tsvector.of(parts, bare).literal();
}

/** The query terms as quoted tsquery operands, to be joined with ` & ` (every word required). */
export function tsqueryOperands(terms: readonly string[]): string[] {
  return terms.filter(indexable).map(quoteLexeme);
}
