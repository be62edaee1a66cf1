/**
 * The story from its lead to the end of the article span: paragraphs, crossheads and photo captions
 * become body blocks; bylines, sign-offs, read-more links, advertisement markers and site chrome are
 * taken out of the way.
 */
import type { PageLine } from './article-span.js';
import { readBylineLine, takeSignOff } from './bylines.js';
import { readCaptionLine } from './credits.js';
import { readDateline } from './datelines.js';
import { isSiteChrome, readInlineTeaserTitle } from './furniture.js';
import { isClockHeading, readCreditOnlyLine } from './line-features.js';
import { isTrustedCaption } from './masthead.js';
import { charLength, isSubheadingLike } from './page-text.js';
import type { BodyBlock } from './parsed-page.js';
import { placeByline, teaserTitled, type StoryDraft } from './story-draft.js';

/** A credit on a line of its own turns the paragraph above into a caption only if that is caption-sized. */
const CAPTION_ABOVE_CREDIT_MAX_LENGTH = 200;
/** The dateline opens the lead; a dek imported as paragraph one may push the lead to second place. */
const DATELINE_SEARCH_PARAGRAPHS = 2;
/** A gallery: photos outnumber the text blocks at least this many to one. */
const GALLERY_RATIO = 3;

export function readBody(lines: readonly PageLine[], draft: StoryDraft, pendingCredit: string | null = null): void {
  for (const line of lines) {
    if (line.kind === 'chrome' || line.kind === 'stamp' || line.kind === 'box' || line.kind === 'link') continue;
    if (line.kind === 'credit') placeCreditLine(line.text, draft);
    else placeBodyLine(takeLeadDateline(line.text, draft), line, draft);
  }
  closeBody(draft, pendingCredit);
}

function paragraphCount(draft: StoryDraft): number {
  return draft.body.filter((block) => block.type === 'paragraph').length;
}

/** Moves the dateline (and a reporter printed inside it) off the lead into their fields. */
function takeLeadDateline(line: string, draft: StoryDraft): string {
  if (draft.dateline !== null || paragraphCount(draft) >= DATELINE_SEARCH_PARAGRAPHS) return line;
  const reading = readDateline(line);
  if (!reading) return line;
  draft.dateline = reading.dateline;
  if (reading.byline) placeByline(draft, reading.byline);
  return reading.rest;
}

function placeBodyLine(printed: string, source: PageLine, draft: StoryDraft): void {
  // Sign-offs close the story, on a line of their own or glued to the last paragraph.
  const { text: line, signOff } = takeSignOff(printed);
  if (signOff) draft.signOffs.push(signOff);
  if (line.length === 0 || isSiteChrome(line)) return;
  const teaserTitle = readInlineTeaserTitle(line);
  const byline = readBylineLine(line);
  if (teaserTitle) draft.teasers.push(teaserTitled(teaserTitle));
  else if (byline) placeByline(draft, byline);
  else if (placeBodyPhoto(line, draft)) return;
  // Printed twice running (an image's alt text over its caption): a photo without a credit.
  else if (source.repeated && !isSubheadingLike(line)) draft.body.push({ type: 'image', caption: line, credit: null });
  else draft.body.push(source.kind === 'prose' ? { type: 'paragraph', text: line } : textBlock(line, draft));
}

/** Crossheads sit between paragraphs; a short line before any paragraph is still prose. */
function textBlock(line: string, draft: StoryDraft): { type: 'paragraph' | 'subheading'; text: string } {
  const crosshead = (isSubheadingLike(line) || isClockHeading(line)) && paragraphCount(draft) > 0;
  return { type: crosshead ? 'subheading' : 'paragraph', text: line };
}

/** True when the line was a caption, or a credit for the caption above it. */
function placeBodyPhoto(line: string, draft: StoryDraft): boolean {
  const reading = readCaptionLine(line);
  if (!reading) return false;
  if (isTrustedCaption(reading)) {
    const image: BodyBlock = { type: 'image', caption: reading.caption.replace(/^[▲▼△▽]+\s*/u, ''), credit: reading.credit };
    draft.body.push(image);
    if (reading.strength === 'weak') draft.bareSourceCaptions.set(image, line);
    return true;
  }
  if (reading.caption.length > 0) return false; // a news paragraph ending with its wire agency
  if (reading.strength === 'strong' && creditParagraphAbove(draft, reading.credit)) return true;
  draft.warnings.push(`Credit line without a caption left out: "${line}"`);
  return true;
}

/** `中央社記者張新偉攝 114年12月31日` under a paragraph: that paragraph was the photo's caption. */
function placeCreditLine(line: string, draft: StoryDraft): void {
  const credit = readCreditOnlyLine(line) ?? line;
  if (!creditParagraphAbove(draft, credit)) draft.warnings.push(`Credit line without a caption left out: "${line}"`);
}

function creditParagraphAbove(draft: StoryDraft, credit: string | null): boolean {
  const above = draft.body[draft.body.length - 1];
  if (above?.type === 'image' && above.credit === null) {
    above.credit = credit;
    return true;
  }
  if (above?.type !== 'paragraph' || charLength(above.text) > CAPTION_ABOVE_CREDIT_MAX_LENGTH) return false;
  draft.body[draft.body.length - 1] = { type: 'image', caption: above.text, credit };
  return true;
}

/**
 * Crossheads with nothing after them are not crossheads; they are reported instead.
 * A short last line ending in a bare agency (`…。(法新社)`) is the wire attribution
 * of the story's final paragraph, not a photo: it goes back to being a paragraph.
 * On a gallery page the few text blocks among the photos are captions that lost their credit,
 * and a credit printed above a lone text block belongs to it.
 */
function closeBody(draft: StoryDraft, pendingCredit: string | null): void {
  const last = draft.body[draft.body.length - 1];
  const printed = last === undefined ? undefined : draft.bareSourceCaptions.get(last);
  if (printed !== undefined) draft.body[draft.body.length - 1] = { type: 'paragraph', text: printed };
  while (draft.body[draft.body.length - 1]?.type === 'subheading') {
    const stray = draft.body.pop();
    draft.warnings.push(`Short line at the end of the story left out: "${stray?.type === 'subheading' ? stray.text : ''}"`);
  }
  const photos = draft.body.filter((block) => block.type === 'image').length + (draft.featuredImage ? 1 : 0);
  const texts = draft.body.filter((block) => block.type !== 'image');
  if (photos >= GALLERY_RATIO && texts.length > 0 && photos >= GALLERY_RATIO * texts.length) {
    draft.body = draft.body.map((block) => (block.type === 'image' ? block : { type: 'image', caption: block.text, credit: null }));
  } else if (pendingCredit !== null && photos === 0 && texts.length === 1 && texts[0]?.type === 'paragraph') {
    draft.body = [{ type: 'image', caption: texts[0].text, credit: pendingCredit }];
  }
}
