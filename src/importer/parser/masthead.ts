/**
 * The lines above the lead paragraph: section label, headline, byline and the
 * lead photo's caption. Reading stops at the lead, which is the first line that
 * opens with a dateline, or else the first line of running prose.
 */
import { readBylineLine } from './bylines.js';
import { readCaptionLine, type CaptionLine } from './credits.js';
import { readDateline } from './datelines.js';
import { isSiteChrome } from './furniture.js';
import { charLength, isHeadlineLike, isKnownSection, isSubheadingLike } from './page-text.js';
import { placeByline, type StoryDraft } from './story-draft.js';

/** A bare-source credit (`(路透社)`) only makes a caption of a short line; longer ones are news. */
export const WEAK_CAPTION_MAX_LENGTH = 100;
/** Longer prose above the dateline paragraph is more likely a dek or a stray paragraph than a caption. */
const UNCREDITED_CAPTION_MAX_LENGTH = 150;

const BREADCRUMB = /^(?:首页|首頁|主页|主頁|home)\s*[>»›/|]\s*(.+)$/iu;
const CRUMB_SEPARATOR = /\s*[>»›/|]\s*/u;
const SECTION_LABEL = /^(?:分类|分類|栏目|欄目|类别|類別|版面|section|category)\s*[:：]\s*(\S.{0,19})$/iu;

/** True when the caption reading should be trusted at this position. */
export function isTrustedCaption(reading: CaptionLine): boolean {
  if (reading.caption.length === 0) return false;
  return reading.strength === 'strong' || charLength(reading.caption) <= WEAK_CAPTION_MAX_LENGTH;
}

/** Reads the masthead into the draft and returns the index of the lead line. */
export function readMasthead(lines: readonly string[], draft: StoryDraft): number {
  let index = 0;
  while (index < lines.length) {
    const consumed = placeMastheadLine(lines[index] ?? '', lines[index + 1], draft);
    if (consumed === 0) return index;
    index += consumed;
  }
  return index;
}

/** How many lines the masthead used (0: this line is the lead). */
function placeMastheadLine(line: string, next: string | undefined, draft: StoryDraft): number {
  if (readDateline(line)) return 0;
  if (isSiteChrome(line)) return 1;
  if (placeSectionLine(line, draft)) return 1;
  const byline = readBylineLine(line);
  if (byline) {
    placeByline(draft, byline);
    return 1;
  }
  return placeLeadPhoto(line, next, draft) || placeHeadline(line, draft);
}

function placeSectionLine(line: string, draft: StoryDraft): boolean {
  const section = readSectionName(line);
  if (section === null) return false;
  draft.category ??= section;
  return true;
}

/** `首页 > 国际 > 美洲` names section `国际` (the top level after home); `分类：国际`; a lone `国际`. */
export function readSectionName(line: string): string | null {
  const crumbs = BREADCRUMB.exec(line)?.[1]?.split(CRUMB_SEPARATOR).filter(Boolean);
  if (crumbs && crumbs.length > 0) return crumbs[0] ?? null;
  const labelled = SECTION_LABEL.exec(line)?.[1];
  if (labelled) return labelled.trim();
  return isKnownSection(line) ? line.trim() : null;
}

/**
 * A caption line; a caption whose credit stands alone on the next line; or, with
 * no credit at all, a short sentence right above the dateline paragraph (the lead
 * photo's caption is the only prose a page prints there). Returns lines used.
 */
function placeLeadPhoto(line: string, next: string | undefined, draft: StoryDraft): number {
  const reading = readCaptionLine(line);
  if (reading && isTrustedCaption(reading)) {
    addPhoto(draft, { caption: reading.caption, credit: reading.credit });
    return 1;
  }
  if (reading && reading.caption.length === 0) {
    draft.warnings.push(`Photo credit without a caption left out: "${line}"`);
    return 1;
  }
  if (next === undefined || isHeadlineLike(line)) return 0;
  const nextReading = readCaptionLine(next);
  if (nextReading && nextReading.caption.length === 0) {
    addPhoto(draft, { caption: line, credit: nextReading.credit });
    return 2;
  }
  if (readDateline(next) && charLength(line) <= UNCREDITED_CAPTION_MAX_LENGTH) {
    addPhoto(draft, { caption: line, credit: null });
    return 1;
  }
  return 0;
}

/** The first photo above the lead is the featured image; any others open the body. */
function addPhoto(draft: StoryDraft, photo: { caption: string; credit: string | null }): void {
  if (draft.featuredImage === null) draft.featuredImage = photo;
  else draft.body.push({ type: 'image', ...photo });
}

/**
 * The first headline-like line is the headline. A short line under it (a dek) has
 * no field to go to and is reported; a longer one is taken as the lead, since
 * losing the first paragraph would be worse than importing a dek as one.
 */
function placeHeadline(line: string, draft: StoryDraft): number {
  if (!isHeadlineLike(line)) return 0;
  if (draft.headline === null) {
    draft.headline = line;
    return 1;
  }
  if (!isSubheadingLike(line)) return 0;
  draft.warnings.push(`Line under the headline left out: "${line}"`);
  return 1;
}
