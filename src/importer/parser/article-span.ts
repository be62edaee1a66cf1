/**
 * Where the story is on a scraped page. Every line is weighed by its features (prose counts for the
 * story, furniture against it, a box of other stories is a wall) and the story is the run of lines
 * with the greatest weight: the densest run of prose. What stands above it is the masthead (headline,
 * byline, lead photo); what follows it is furniture (teasers).
 */
import { readBylineLine, takeSignOff } from './bylines.js';
import { readCaptionLine } from './credits.js';
import { readDateline } from './datelines.js';
import { isBoxHeading, isReadMoreMarker, isSiteChrome } from './furniture.js';
import {
  isAdvertisementLine,
  isBoilerplateLine,
  isBoxHeadingLike,
  isImageFilenameLine,
  isLinkLine,
  isNavigationLine,
  isOrphanCreditLine,
  isProse,
  isTagListLine,
  isTimestampLine,
  readCreditOnlyLine,
  readingLength,
} from './line-features.js';
import { endsLikeProse, endsWithEllipsis, isMostlyLatin, isSectionLabel } from './page-text.js';

export type LineKind = 'chrome' | 'stamp' | 'box' | 'link' | 'credit' | 'prose' | 'short';

export interface PageLine {
  text: string;
  kind: LineKind;
  /** The page printed it twice running (an image's alt text above its caption, a title over itself). */
  repeated: boolean;
}

export interface ArticleSpan {
  /** First line of the story's body (the lead, or the first caption inside the story). */
  start: number;
  /** One past the story's last line. */
  end: number;
}

const fold = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/** `X X` on one line: a caption printed twice. */
function halfRepeated(text: string): string | null {
  const half = text.slice(0, Math.floor(text.length / 2)).trim();
  return half.length >= 6 && fold(text) === `${half} ${half}` ? half : null;
}

/** Folds what the page printed twice running into one line that remembers it. */
export function collapseRepeats(lines: readonly string[]): Array<{ text: string; repeated: boolean }> {
  const out: Array<{ text: string; repeated: boolean }> = [];
  for (const raw of lines) {
    const half = halfRepeated(raw);
    const text = half ?? raw;
    const last = out[out.length - 1];
    if (last && fold(last.text) === fold(text)) {
      last.repeated = true;
    } else if (last && last.text.length >= 10 && text.startsWith(last.text) && readCaptionLine(text)) {
      // A truncated alt text above the full caption.
      out[out.length - 1] = { text, repeated: true };
    } else {
      out.push({ text, repeated: half !== null });
    }
  }
  return out;
}

export function classifyLine(text: string): LineKind {
  if (isBoxHeading(text) || isBoxHeadingLike(text)) return 'box';
  if (isReadMoreMarker(text) || isLinkLine(text)) return 'link';
  if (readCreditOnlyLine(text) !== null) return 'credit';
  if (isTimestampLine(text)) return 'stamp';
  const chrome =
    isSiteChrome(text) ||
    isNavigationLine(text) ||
    isAdvertisementLine(text) ||
    isBoilerplateLine(text) ||
    isImageFilenameLine(text) ||
    isTagListLine(text) ||
    isOrphanCreditLine(text);
  if (chrome) return 'chrome';
  return isProse(text) ? 'prose' : 'short';
}

/** Four or more section and box names in a row are the site's menu, not a box of other stories. */
const MENU_MIN_LINES = 4;

export function classifyLines(lines: readonly string[]): PageLine[] {
  const classified: PageLine[] = collapseRepeats(lines).map(({ text, repeated }) => ({ text, kind: classifyLine(text), repeated }));
  markMenus(classified);
  classified.forEach((line, index) => {
    // The line under an image's file name is that image's caption.
    const next = classified[index + 1];
    if (isImageFilenameLine(line.text) && next?.kind === 'prose') next.repeated = true;
  });
  return classified;
}

function markMenus(lines: PageLine[]): void {
  let runStart = 0;
  for (let index = 0; index <= lines.length; index += 1) {
    const line = lines[index];
    const inMenu = line !== undefined && (line.kind === 'box' || (line.kind === 'short' && isSectionLabel(line.text)));
    if (inMenu) continue;
    const run = lines.slice(runStart, index);
    if (run.length >= MENU_MIN_LINES && run.some((entry) => entry.kind === 'box')) for (const entry of run) entry.kind = 'chrome';
    runStart = index + 1;
  }
}

/** How much a line weighs for being story; a box of other stories is a wall. */
export function lineWeight(line: PageLine): number {
  switch (line.kind) {
    case 'box':
      return Number.NEGATIVE_INFINITY;
    case 'link':
      return -2.5;
    case 'chrome':
    case 'stamp':
      return -0.6;
    case 'credit':
      return 0.2;
    case 'short':
      return shortLineWeight(line);
    case 'prose': {
      if (endsWithEllipsis(line.text)) return -0.5;
      const dateline = readDateline(line.text) ? 3 : 0;
      return 1 + Math.min(readingLength(line.text) / 40, 2) + dateline;
    }
  }
}

/** A run below a box of other stories wins over one above it only if it outweighs it this many times. */
const LATER_RUN_FACTOR = 10;
/** Enough weight for a story: a paragraph, or a captioned photo. */
const STORY_MIN_WEIGHT = 2;

/**
 * The run of lines with the greatest total weight (Kadane), in each stretch between walls (box
 * headings). The story comes before the boxes of other stories, so the first stretch with a story in
 * it wins unless a later one outweighs it tenfold. Null when no line weighs for the story.
 */
export function findArticleSpan(lines: PageLine[]): ArticleSpan | null {
  let chosen: { span: ArticleSpan; sum: number } | null = null;
  let segmentStart = 0;
  for (let index = 0; index <= lines.length; index += 1) {
    if (index < lines.length && lineWeight(lines[index]) !== Number.NEGATIVE_INFINITY) continue;
    const run = heaviestRun(lines, segmentStart, index);
    segmentStart = index + 1;
    if (!run) continue;
    if (!chosen || (chosen.sum < STORY_MIN_WEIGHT && run.sum > chosen.sum) || run.sum > chosen.sum * LATER_RUN_FACTOR) chosen = run;
  }
  return trimSpan(lines, chosen?.span ?? null);
}

function heaviestRun(lines: readonly PageLine[], from: number, to: number): { span: ArticleSpan; sum: number } | null {
  let best: { span: ArticleSpan; sum: number } | null = null;
  let start = from;
  let sum = 0;
  for (let index = from; index < to; index += 1) {
    if (sum <= 0) {
      start = index;
      sum = 0;
    }
    sum += lineWeight(lines[index]);
    if (sum > (best?.sum ?? 0)) best = { span: { start, end: index + 1 }, sum };
  }
  return best;
}

/** A span starts and ends on story lines, never on furniture it happened to absorb. */
function trimSpan(lines: PageLine[], span: ArticleSpan | null): ArticleSpan | null {
  if (!span) return null;
  let { start, end } = span;
  while (start < end && lineWeight(lines[start]) <= 0) start += 1;
  while (end > start && (lines[end - 1]?.kind === 'chrome' || lines[end - 1]?.kind === 'stamp' || lines[end - 1]?.kind === 'link')) end -= 1;
  // A capture that stops mid-paragraph leaves the fragment as the page's last line: it is story,
  // and so are the crossheads between it and the span.
  const lastIndex = lines.length - 1;
  const last = lines[lastIndex];
  const between = lines.slice(end, lastIndex);
  const unfinished = last !== undefined && (isMostlyLatin(last.text) || /[，,、]/u.test(last.text));
  const fragment = last?.kind === 'short' && unfinished && (between.length === 0 ? lines[end - 1]?.kind === 'prose' : readingLength(last.text) >= 15);
  if (last && fragment && between.every((line) => line.kind === 'short') && between.length <= 2) {
    lines[lastIndex] = { ...last, kind: 'prose' };
    end = lines.length;
  }
  return start < end ? { start, end } : null;
}

/** Where the masthead above the span begins: after the last wall (box heading) before it, else the top. */
export function mastheadStart(lines: readonly PageLine[], span: ArticleSpan): number {
  for (let index = span.start - 1; index >= 0; index -= 1) if (lines[index]?.kind === 'box') return index + 1;
  return 0;
}

/** Short lines: a caption or a dateline counts for the story, a sign-off or byline a little, a title against it. */
function shortLineWeight(line: PageLine): number {
  const dateline = readDateline(line.text);
  if (dateline && dateline.rest.length > 0) return 3;
  if (readCaptionLine(line.text) || (line.repeated && endsLikeProse(line.text))) return 0.5;
  if (endsLikeProse(line.text)) return 0.3;
  if (takeSignOff(line.text).signOff !== null || readBylineLine(line.text) !== null) return 0.1;
  return -0.4;
}
