/**
 * Cutting text to a length the way a sub-editor would: at the end of a sentence
 * when one fits, else at a clause or word break with an ellipsis, never in the
 * middle of a word when there is a break to use.
 */
import { charLength } from './page-text.js';

const SENTENCE_END = /[。．！!？?][”"’'」』）)]*|\.(?=\s|$)[”"’')]*/gu;
const CLAUSE_BREAK = /[，,；;：:、—–]/gu;
const ELLIPSIS = '…';

/** Shortens to at most `max` characters (ellipsis included). */
export function shorten(text: string, max: number): string {
  const characters = Array.from(text.trim());
  if (characters.length <= max) return characters.join('');
  const head = characters.slice(0, max).join('');
  const sentenceEnd = lastBreak(head, SENTENCE_END, true);
  if (sentenceEnd > 0) return head.slice(0, sentenceEnd).trim();
  const withinLimit = Array.from(head)
    .slice(0, max - 1)
    .join('');
  const breakAt = Math.max(lastBreak(withinLimit, CLAUSE_BREAK, false), withinLimit.lastIndexOf(' '));
  const cut = breakAt > withinLimit.length / 3 ? withinLimit.slice(0, breakAt) : withinLimit;
  return cut.trim().replace(/[，,；;：:、—–\s]+$/u, '') + ELLIPSIS;
}

/** Index just after (or at) the last match of `pattern` in `text`; 0 when none. */
function lastBreak(text: string, pattern: RegExp, after: boolean): number {
  let position = 0;
  for (const match of text.matchAll(pattern)) position = after ? match.index + match[0].length : match.index;
  return position;
}

const CLAUSE = /[^，,；;：:。．！!？?]+[，,；;：:。．！!？?]?/gu;

/**
 * A provisional headline from the lead: its opening clauses, as many as fit in
 * `max` characters, stopping at the first full stop. Final punctuation is dropped
 * because headlines carry none.
 */
export function headlineFromLead(lead: string, max: number): string {
  let headline = '';
  for (const clause of lead.match(CLAUSE) ?? []) {
    if (charLength(headline + clause.replace(/[，,；;：:。．！!？?]$/u, '')) > max) break;
    headline += clause;
    if (/[。．！!？?]$/u.test(clause)) break;
  }
  headline = headline.replace(/[，,；;：:。．！!？?]$/u, '').trim();
  return headline.length > 0 ? headline : shorten(lead, max);
}
