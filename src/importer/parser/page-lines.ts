/**
 * Turns page text into the lines the parser reads: one paragraph, caption,
 * heading or furniture item per line, trimmed, blank lines gone. Pages come with
 * CRLF or CR endings, a byte-order mark, and indentation in ideographic spaces (U+3000).
 */
import { endsWithPunctuation, isMostlyLatin } from './page-text.js';

/** Wire copy hard-wrapped at ~70 columns: a long Latin line continued by a lower-case one. */
const WRAP_MIN_LENGTH = 50;

export function splitPageLines(text: string): string[] {
  const rawLines = text
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/gu, '\n')
    .split('\n');
  // `\s` covers the ideographic space U+3000 and no-break space used for indentation.
  const lines = rawLines.map((line) => line.replace(/^\s+|\s+$/gu, ''));
  return joinWrappedLines(lines, wrapColumn(lines));
}

/** Chinese copy hard-wrapped at a fixed width (a forum or e-mail repost): lines that stop short of punctuation. */
const CJK_WRAP_MIN_WIDTH = 60;
const CJK_WRAP_MIN_LINES = 3;
const CJK_WRAP_TOLERANCE = 4;
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2e80-\u2fff]/u;

/** Terminal columns: Han characters and full-width forms take two. */
export function displayWidth(line: string): number {
  let width = 0;
  for (const character of line) width += WIDE.test(character) ? 2 : 1;
  return width;
}

/**
 * The width at which Chinese text was hard-wrapped: shared (within four columns) by at least three
 * unpunctuated lines, with no line of the page wider; null when the page is not wrapped (scraped
 * pages keep each paragraph on one line, far wider than any wrap column).
 */
export function wrapColumn(lines: readonly string[]): number | null {
  const widest = Math.max(0, ...lines.map(displayWidth));
  const widths = lines
    .filter((line) => !isMostlyLatin(line) && !endsWithPunctuation(line))
    .map(displayWidth)
    .filter((width) => width >= CJK_WRAP_MIN_WIDTH);
  for (const width of widths) {
    const column = widths.filter((other) => Math.abs(other - width) <= CJK_WRAP_TOLERANCE);
    if (column.length >= CJK_WRAP_MIN_LINES && widest <= Math.max(...column) + CJK_WRAP_TOLERANCE) return Math.max(...column);
  }
  return null;
}

function joinWrappedLines(lines: readonly string[], column: number | null): string[] {
  const joined: string[] = [];
  let previousWasText = false;
  let lastRawWidth = 0;
  for (const line of lines) {
    const last = joined[joined.length - 1];
    const wrappedChinese =
      column !== null && column - lastRawWidth <= CJK_WRAP_TOLERANCE && last !== undefined && !endsWithPunctuation(last) && !isMostlyLatin(line);
    if (line.length > 0 && previousWasText && last !== undefined && wrappedChinese) {
      joined[joined.length - 1] = `${last}${line}`;
    } else if (line.length > 0 && previousWasText && last !== undefined && continuesWrappedLine(last, line)) {
      joined[joined.length - 1] = `${last} ${line}`;
    } else if (line.length > 0) {
      joined.push(line);
    }
    previousWasText = line.length > 0;
    lastRawWidth = displayWidth(line);
  }
  return joined;
}

function continuesWrappedLine(previous: string, line: string): boolean {
  return previous.length >= WRAP_MIN_LENGTH && isMostlyLatin(previous) && !/[.!?:]["'”’)]*$/u.test(previous) && /^\p{Ll}/u.test(line);
}
