// Highlighted snippets for search hits. PostgreSQL's ts_headline cannot segment Chinese, so the
// passage is chosen here: the window holding the most distinct query terms, found in the folded
// text (so a traditional-script story highlights a simplified query) and mapped back to the
// original characters. Everything is HTML-escaped; only the <mark> tags are markup.
import { foldText } from './tokenizer.js';

export interface HighlightOptions {
  /** Window length in UTF-16 units, before the ellipses. */
  maxChars?: number;
  /**
   * Latin and digit terms match whole words only (`nato` must not light up inside `senator`).
   * Off for substring-fallback hits, whose term is a fragment by design.
   */
  wholeWords?: boolean;
}

interface Match {
  start: number;
  end: number;
  term: string;
}

interface Window {
  start: number;
  end: number;
  distinct: number;
  count: number;
}

const DEFAULT_MAX_CHARS = 160;
/** Characters of a story read when choosing its snippet. */
const SCAN_LIMIT = 6_000;
const ELLIPSIS = '…';
const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** A story's character set is small and shared across stories, so each answer is remembered. */
const FOLD_CACHE_LIMIT = 50_000;
const foldCache = new Map<string, string>();

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => HTML_ESCAPES[c]);
}

/** Where the folded text's units come from in the original: [from(i), to(i)) for unit i. */
export interface FoldedText {
  folded: string;
  from: (i: number) => number;
  to: (i: number) => number;
}

/**
 * Per BMP code unit, what it folds to: 0 not looked up yet, UNIT_SPECIAL folds to anything but one
 * ordinary unit, otherwise the folded unit + 1. Filled as characters are met.
 */
const unitFolds = new Uint16Array(0x10000);
const UNIT_SPECIAL = 0xffff;
const utf16 = new TextDecoder('utf-16le');
const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;
/** Scratch space for foldWithOrigins' folded units, grown as needed. */
let foldBuffer = new Uint16Array(4096);
const identity = (i: number) => i;
const nextUnit = (i: number) => i + 1;

function foldUnit(code: number): number {
  let entry = unitFolds[code];
  if (entry === 0) {
    const folded = foldText(String.fromCharCode(code));
    const unit = folded.charCodeAt(0);
    entry = folded.length === 1 && !isSurrogate(unit) && unit < UNIT_SPECIAL - 1 ? unit + 1 : UNIT_SPECIAL;
    unitFolds[code] = entry;
  }
  return entry === UNIT_SPECIAL ? -1 : entry - 1;
}

/**
 * The folded text and, for each of its UTF-16 units, where its original character starts and
 * ends, so matches found in folded text can be marked in the original. Folding is per character
 * (remembered in a table): whole-text conversion costs about a millisecond per 2,000 characters,
 * too much for twenty hits per search, and a character-wise fold agrees with it on all but a few
 * phrase-level conversions.
 */
export function foldWithOrigins(text: string): FoldedText {
  // Usual case: every character folds to one ordinary unit, so positions carry over. The units are
  // written into one reused buffer (a search folds some 150 passages; each its own array was
  // garbage to collect).
  if (foldBuffer.length < text.length) foldBuffer = new Uint16Array(Math.max(text.length, 2 * foldBuffer.length));
  const units = foldBuffer;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = isSurrogate(code) ? -1 : foldUnit(code);
    if (folded < 0) return foldCharacterwise(text);
    units[i] = folded;
  }
  return { folded: utf16.decode(units.subarray(0, text.length)), from: identity, to: nextUnit };
}


/** Texts with characters outside the BMP or folding to several (㈱ → (株)): each mapped explicitly. */
function foldCharacterwise(text: string): FoldedText {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; ) {
    const width = codePointWidth(text, i);
    pieces.push(foldChar(text, i, width));
    i += width;
  }
  const folded = pieces.join('');
  const from = new Int32Array(folded.length);
  const to = new Int32Array(folded.length);
  let unit = 0;
  for (let i = 0, p = 0; i < text.length; p++) {
    const width = codePointWidth(text, i);
    for (let k = 0; k < pieces[p].length; k++, unit++) {
      from[unit] = i;
      to[unit] = i + width;
    }
    i += width;
  }
  return { folded, from: (i) => from[i], to: (i) => to[i] };
}

function codePointWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

function foldChar(text: string, at: number, width: number): string {
  const code = text.charCodeAt(at);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : text[at];
  const char = width === 1 ? text[at] : text.slice(at, at + width);
  let folded = foldCache.get(char);
  if (folded === undefined) {
    folded = foldText(char);
    if (foldCache.size < FOLD_CACHE_LIMIT) foldCache.set(char, folded);
  }
  return folded;
}

const isWordTerm = (term: string) => !HAN.test(term);

function atWordBoundary(folded: string, start: number, end: number): boolean {
  const before = start > 0 ? folded[start - 1] : '';
  const after = end < folded.length ? folded[end] : '';
  const joins = (c: string) => c !== '' && WORD_CHAR.test(c) && !HAN.test(c);
  return !joins(before) && !joins(after);
}

/** Query terms as the text will be searched for them: folded, distinct, non-empty. */
export function foldTerms(terms: readonly string[]): string[] {
  return [...new Set(terms.map((t) => foldText(t)).filter((t) => t !== ''))];
}

/** Every occurrence of every (folded) term, as ranges of the original text, by position. */
export function findMatches(text: string, wanted: readonly string[], wholeWords = true): Match[] {
  if (wanted.length === 0 || text === '') return [];
  const { folded, from, to } = foldWithOrigins(text);
  const matches: Match[] = [];
  for (const term of wanted) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      const end = at + term.length;
      if (wholeWords && isWordTerm(term) && !atWordBoundary(folded, at, end)) continue;
      matches.push({ start: from(at), end: to(end - 1), term });
    }
  }
  return matches.sort((x, y) => x.start - y.start || y.end - x.end);
}

/**
 * The window of `maxChars` anchored at a match that covers the most distinct terms, then the most
 * matches. Plain loops: this runs for every passage of every hit, and matches are few.
 */
function bestWindow(matches: readonly Match[], maxChars: number): Window | null {
  let best: Window | null = null;
  const seen: string[] = [];
  for (let i = 0; i < matches.length; i++) {
    const limit = matches[i].start + maxChars;
    let count = 0;
    let end = matches[i].end;
    seen.length = 0;
    // Matches are sorted by start and a match ends after it starts: none from here on fits.
    for (let j = i; j < matches.length && matches[j].start < limit; j++) {
      const m = matches[j];
      if (m.end > limit) continue;
      count++;
      if (m.end > end) end = m.end;
      if (!seen.includes(m.term)) seen.push(m.term);
    }
    const distinct = seen.length;
    if (!best || distinct > best.distinct || (distinct === best.distinct && count > best.count)) {
      best = { start: matches[i].start, end, distinct, count };
    }
  }
  return best;
}

/** Grows the covered span to `maxChars` of context, centred on it, inside the text, never splitting a surrogate pair. */
function frame(text: string, span: { start: number; end: number }, maxChars: number): { start: number; end: number } {
  const slack = Math.max(0, maxChars - (span.end - span.start));
  let start = Math.max(0, span.start - Math.floor(slack / 2));
  let end = Math.min(text.length, start + maxChars);
  start = Math.max(0, Math.min(start, end - maxChars));
  if (start > 0 && /[\uDC00-\uDFFF]/u.test(text[start])) start += 1;
  if (end < text.length && /[\uD800-\uDBFF]/u.test(text[end - 1])) end -= 1;
  end = Math.max(end, Math.min(text.length, span.end));
  return { start, end };
}

/** Escapes `text[start, end)` and wraps the (merged) matches inside it in <mark>. */
function render(text: string, start: number, end: number, matches: readonly Match[]): string {
  let out = '';
  let at = start;
  for (const m of mergeRanges(matches.filter((x) => x.start >= start && x.end <= end))) {
    out += escapeHtml(text.slice(at, m.start)) + '<mark>' + escapeHtml(text.slice(m.start, m.end)) + '</mark>';
    at = m.end;
  }
  return out + escapeHtml(text.slice(at, end));
}

function mergeRanges(matches: readonly Match[]): Array<{ start: number; end: number }> {
  const merged: Array<{ start: number; end: number }> = [];
  for (const m of [...matches].sort((x, y) => x.start - y.start)) {
    const last = merged.at(-1);
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else merged.push({ start: m.start, end: m.end });
  }
  return merged;
}

function withEllipses(text: string, start: number, end: number, inner: string): string {
  return (start > 0 ? ELLIPSIS : '') + inner + (end < text.length ? ELLIPSIS : '');
}

/** `text` cut to the window (or its opening when there is none), escaped, with marks and ellipses. */
function renderWindow(text: string, matches: readonly Match[], window: Window | null, maxChars: number): string {
  const { start, end } = frame(text, window ?? { start: 0, end: 0 }, maxChars);
  return withEllipses(text, start, end, render(text, start, end, matches));
}

/**
 * At most `maxChars` of `text` around the densest cluster of query terms, HTML-escaped, matches in
 * <mark>, with an ellipsis where the text was cut. No match: the opening of the text.
 */
export function highlightSnippet(text: string, terms: readonly string[], options: HighlightOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const matches = findMatches(text, foldTerms(terms), options.wholeWords ?? true);
  return renderWindow(text, matches, bestWindow(matches, maxChars), maxChars);
}

/** The whole text (a headline), HTML-escaped, every match in <mark>. */
export function highlightAll(text: string, terms: readonly string[], options: Pick<HighlightOptions, 'wholeWords'> = {}): string {
  return render(text, 0, text.length, findMatches(text, foldTerms(terms), options.wholeWords ?? true));
}

const better = (x: Window, y: Window | null) => !y || x.distinct > y.distinct || (x.distinct === y.distinct && x.count > y.count);

/** What a snippet scan settled on, and whether passages after the ones it read could change it. */
interface SnippetChoice {
  text: string | null;
  matches: Match[];
  window: Window | null;
  settled: boolean;
}

function chooseSnippet(passages: Iterable<string>, wanted: readonly string[], options: HighlightOptions): SnippetChoice {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  let chosen: SnippetChoice = { text: null, matches: [], window: null, settled: false };
  let scanned = 0;
  for (const text of passages) {
    if (scanned >= SCAN_LIMIT) break;
    chosen.text ??= text;
    scanned += text.length;
    const matches = findMatches(text, wanted, options.wholeWords ?? true);
    const window = bestWindow(matches, maxChars);
    if (window && better(window, chosen.window)) chosen = { text, matches, window, settled: false };
    // A window with every term is as good as it gets for a reader; stop reading.
    if (chosen.window?.distinct === wanted.length) return { ...chosen, settled: true };
  }
  return { ...chosen, settled: scanned >= SCAN_LIMIT };
}

/**
 * The snippet from the first passage whose window holds every term, else whichever passage has
 * the best window (most distinct terms, then most matches, then the earliest); the first
 * passage's opening when none matches. Only the first `SCAN_LIMIT` characters of a long story are
 * read: the snippet is a pointer, not a verdict.
 */
export function bestSnippet(passages: Iterable<string>, terms: readonly string[], options: HighlightOptions = {}): string {
  const chosen = chooseSnippet(passages, foldTerms(terms), options);
  return renderWindow(chosen.text ?? '', chosen.matches, chosen.window, options.maxChars ?? DEFAULT_MAX_CHARS);
}

/**
 * Whether bestSnippet, given these passages followed by any others, would stop within these: the
 * others cannot change the snippet, so they need not be read (or fetched).
 */
export function snippetSettles(passages: Iterable<string>, terms: readonly string[], options: HighlightOptions = {}): boolean {
  return chooseSnippet(passages, foldTerms(terms), options).settled;
}

/** pg_trgm's trigrams of one word: lower-case, padded with two spaces before and one after. */
function trigrams(word: string): Set<string> {
  const chars = [...`  ${word} `];
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''));
  return grams;
}

function similarity(x: Set<string>, y: Set<string>): number {
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared++;
  return shared / (x.size + y.size - shared);
}

const LATIN_WORDS = /(?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+/gu;

/**
 * The Latin words of `text` (folded) that look like a word of `fragment`, by pg_trgm's measure:
 * what a typo-tolerant hit should highlight, since its query words are not in the text as typed.
 * Han text has no word boundaries for trigrams to work with, so only Latin words are compared.
 */
export function similarWords(text: string, fragment: string, threshold = 0.4): string[] {
  const wanted = [...foldText(fragment).matchAll(LATIN_WORDS)].map((m) => trigrams(m[0])).filter((g) => g.size >= 4);
  if (wanted.length === 0) return [];
  const words = new Set([...foldText(text).matchAll(LATIN_WORDS)].map((m) => m[0]));
  return [...words].filter((word) => wanted.some((grams) => similarity(grams, trigrams(word)) >= threshold));
}
