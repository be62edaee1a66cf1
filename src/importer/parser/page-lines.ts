/**
 * Turns page text into the lines the parser reads: one paragraph, caption,
 * heading or furniture item per line, trimmed, blank lines gone. Pages come with
 * CRLF or CR endings, a byte-order mark, and indentation in ideographic spaces (U+3000).
 */
import { isMostlyLatin } from './page-text.js';

/** Wire copy hard-wrapped at ~70 columns: a long Latin line continued by a lower-case one. */
const WRAP_MIN_LENGTH = 50;

export function splitPageLines(text: string): string[] {
  const rawLines = text
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/gu, '\n')
    .split('\n');
  // `\s` covers the ideographic space U+3000 and no-break space used for indentation.
  return joinWrappedLines(rawLines.map((line) => line.replace(/^\s+|\s+$/gu, '')));
}

function joinWrappedLines(lines: readonly string[]): string[] {
  const joined: string[] = [];
  let previousWasText = false;
  for (const line of lines) {
    const last = joined[joined.length - 1];
    if (line.length > 0 && previousWasText && last !== undefined && continuesWrappedLine(last, line)) {
      joined[joined.length - 1] = `${last} ${line}`;
    } else if (line.length > 0) {
      joined.push(line);
    }
    previousWasText = line.length > 0;
  }
  return joined;
}

function continuesWrappedLine(previous: string, line: string): boolean {
  return previous.length >= WRAP_MIN_LENGTH && isMostlyLatin(previous) && !/[.!?:]["'”’)]*$/u.test(previous) && /^\p{Ll}/u.test(line);
}
