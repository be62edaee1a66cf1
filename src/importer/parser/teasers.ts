/**
 * Teasers from the page furniture after a story. The seed's `热门新闻` box prints
 * each teaser as: title (maybe with a `【tag】` and a date stuck on), an optional
 * section line (`国际`), an optional excerpt cut with `...`, then `阅读全文`.
 * Read-more markers therefore separate teasers; empty stretches between markers
 * (a teaser that was only a picture) are skipped.
 *
 * Decision on stray lines: a sentence printed before a title inside one teaser
 * (the seed's `女摊贩解释，…` line, the caption of that teaser's thumbnail) is not
 * the title, the excerpt or a teaser of its own. It is left out with a warning,
 * and the headline-like line after it is the title.
 */
import { readBylineLine, takeSignOff } from './bylines.js';
import { readCaptionLine } from './credits.js';
import { readDateline } from './datelines.js';
import { isBoxHeading, isReadMoreMarker, isSiteChrome } from './furniture.js';
import { classifyLine, type PageLine } from './article-span.js';
import { charLength, endsWithEllipsis, isHeadlineCandidate, isHeadlineLike, isSectionLabel } from './page-text.js';
import type { Teaser } from './parsed-page.js';

const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s+\d{1,2}:\d{2})?$/u;
const TRAILING_DATE = /\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)\s*$/u;
const TRAILING_TAG = /\s*【([^【】]{1,20})】\s*$/u;
/** How far back from the first read-more marker a teaser may reach (title, section, excerpt, date). */
const TEASER_MAX_LINES = 4;

/** `2024-11-22`, `2024/11/22`, `2024年11月22日` → `2024-11-22`; null when not a date. */
export function readTeaserDate(text: string): string | null {
  const match = DATE.exec(text.trim());
  if (!match) return null;
  const [, year = '', month = '', day = ''] = match;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * Index of the first furniture line: a box heading, or the teaser lines just
 * before the first read-more marker when the box has no heading.
 */
export function findFurnitureStart(lines: readonly string[]): number {
  const heading = lines.findIndex(isBoxHeading);
  const marker = lines.findIndex(isReadMoreMarker);
  if (marker === -1) return heading === -1 ? lines.length : heading;
  if (heading !== -1 && heading < marker) return heading;
  let start = marker;
  while (start > 0 && marker - start < TEASER_MAX_LINES && looksLikeTeaserLine(lines[start - 1] ?? '')) start -= 1;
  return start;
}

function looksLikeTeaserLine(line: string): boolean {
  if (readBylineLine(line) || takeSignOff(line).signOff || readCaptionLine(line)) return false;
  return isHeadlineLike(line) || endsWithEllipsis(line) || readTeaserDate(line) !== null;
}

export function readTeasers(furniture: readonly string[], warnings: string[]): Teaser[] {
  const lines = furniture.filter((line) => !isBoxHeading(line) && !isSiteChrome(line));
  return splitAtReadMore(lines).flatMap((segment) => {
    const teaser = readTeaserSegment(segment, warnings);
    return teaser ? [teaser] : [];
  });
}

function splitAtReadMore(lines: readonly string[]): string[][] {
  const segments: string[][] = [[]];
  for (const line of lines) {
    if (isReadMoreMarker(line)) segments.push([]);
    else segments[segments.length - 1]?.push(line);
  }
  return segments.filter((segment) => segment.length > 0);
}

function couldBeTitle(line: string): boolean {
  return isHeadlineLike(line) && !endsWithEllipsis(line) && readTeaserDate(line) === null;
}

/** The first title-like line; a short one that could be a section label only when nothing else is. */
function findTitle(lines: readonly string[]): number {
  const titleAt = lines.findIndex((line) => couldBeTitle(line) && !isSectionLabel(line));
  return titleAt === -1 ? lines.findIndex(couldBeTitle) : titleAt;
}

function readTeaserSegment(lines: readonly string[], warnings: string[]): Teaser | null {
  const titleAt = findTitle(lines);
  if (titleAt === -1) {
    warnings.push(`Teaser without a title left out: "${lines.join(' / ')}"`);
    return null;
  }
  const { title, tag, date } = splitTitle(lines[titleAt] ?? '');
  const teaser: Teaser = { title, category: null, excerpt: null, date, tag };
  for (const line of lines.slice(0, titleAt)) placeLineBeforeTitle(teaser, line, warnings);
  for (const line of lines.slice(titleAt + 1)) placeLineAfterTitle(teaser, line, warnings);
  return teaser;
}

/** Section and date may come before the title; any other line there is a thumbnail caption. */
function placeLineBeforeTitle(teaser: Teaser, line: string, warnings: string[]): void {
  const date = readTeaserDate(line);
  if (date && !teaser.date) teaser.date = date;
  else if (isSectionLabel(line) && !teaser.category) teaser.category = line;
  else warnings.push(`Photo caption in teaser "${teaser.title}" left out: "${line}"`);
}

function placeLineAfterTitle(teaser: Teaser, line: string, warnings: string[]): void {
  const date = readTeaserDate(line);
  if (date && !teaser.date) teaser.date = date;
  else if (isSectionLabel(line) && !teaser.category && !teaser.excerpt) teaser.category = line;
  else if (!teaser.excerpt) teaser.excerpt = readTeaserExcerpt(line);
  else warnings.push(`Extra line in teaser "${teaser.title}" left out: "${line}"`);
}

/** The excerpt as printed (its `...` kept: it tells the reader the site cut it), minus a dateline. */
function readTeaserExcerpt(line: string): string | null {
  const excerpt = readDateline(line)?.rest ?? line;
  return charLength(excerpt.replace(/[.…⋯\s]/gu, '')) > 0 ? excerpt : null;
}

/** `伊党:…【东方头条】2024-11-22` → title, tag `东方头条`, date `2024-11-22`, in either order. */
export function splitTitle(printed: string): Pick<Teaser, 'title' | 'tag' | 'date'> {
  let title = printed.trim();
  let tag: string | null = null;
  let date: string | null = null;
  for (let pass = 0; pass < 2; pass += 1) {
    const dateMatch = TRAILING_DATE.exec(title);
    if (dateMatch && !date) {
      date = readTeaserDate(dateMatch[1] ?? '');
      title = title.slice(0, dateMatch.index).trim();
    }
    const tagMatch = TRAILING_TAG.exec(title);
    if (tagMatch && !tag && tagMatch.index > 0) {
      tag = (tagMatch[1] ?? '').trim();
      title = title.slice(0, tagMatch.index).trim();
    }
  }
  return { title, tag, date };
}

/** `1. `, `2) `: numbering of a "more news" list. */
const LIST_NUMBER = /^\d{1,2}[.)]\s+/u;
/** Brackets and quotes opened and never closed: a title the capture cut off (`《華爾街日`). */
const UNBALANCED = /[《「『“（(【][^》」』”）)】]*$/u;

function isListTitle(line: PageLine): boolean {
  if (line.kind !== 'short' && line.kind !== 'prose') return false;
  if (readBylineLine(line.text) || takeSignOff(line.text).signOff || readCaptionLine(line.text)) return false;
  return isHeadlineCandidate(line.text) && !endsWithEllipsis(line.text) && readTeaserDate(line.text) === null && !UNBALANCED.test(line.text);
}

/**
 * Teasers from a list of other stories without read-more markers (`更多`, `相关推荐`, `Next In …`,
 * `其他人也在看`): each title-like line is one teaser, the prose under it its excerpt; list numbers,
 * time stamps, links and chrome are dropped, and a title printed twice counts once.
 */
export function readTeaserList(furniture: readonly PageLine[], warnings: string[]): Teaser[] {
  const teasers: Teaser[] = [];
  const lines = furniture.map((raw) => {
    const text = raw.text.replace(LIST_NUMBER, '');
    return text === raw.text ? raw : { ...raw, text, kind: classifyLine(text) };
  });
  // Without a box heading or a link, lines after a story are not a list of other stories.
  if (!lines.some((line) => line.kind === 'box' || line.kind === 'link')) {
    for (const line of lines) if (line.kind === 'short' || line.kind === 'prose') warnings.push(`Line after the story left out: "${line.text}"`);
    return [];
  }
  for (const line of lines) {
    if (line.kind === 'chrome' || line.kind === 'stamp' || line.kind === 'box' || line.kind === 'link' || line.kind === 'credit') continue;
    const last = teasers[teasers.length - 1];
    if (last && line.text.startsWith(last.title)) {
      const rest = line.text.slice(last.title.length).trim();
      if (rest.length > 0 && last.excerpt === null) last.excerpt = rest;
    } else if (isListTitle(line) && !(last && last.excerpt === null && line.kind === 'short' && charLength(line.text) <= 6)) {
      teasers.push({ ...splitTitle(line.text), category: null, excerpt: null });
    } else if (last && last.excerpt === null) {
      last.excerpt = readTeaserExcerpt(line.text);
    } else if (line.kind === 'short') {
      warnings.push(`Line after the story left out: "${line.text}"`);
    }
  }
  return teasers;
}
