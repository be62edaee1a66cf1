/**
 * The story from its lead to the page furniture: paragraphs, crossheads and
 * photo captions become body blocks; bylines, sign-offs, read-more links and
 * site chrome are taken out of the way.
 */
import { readBylineLine, takeSignOff } from './bylines.js';
import { readCaptionLine } from './credits.js';
import { readDateline } from './datelines.js';
import { isSiteChrome, readInlineTeaserTitle } from './furniture.js';
import { isTrustedCaption } from './masthead.js';
import { charLength, isSubheadingLike } from './page-text.js';
import type { BodyBlock } from './parsed-page.js';
import { placeByline, teaserTitled, type StoryDraft } from './story-draft.js';

/** A credit on a line of its own turns the paragraph above into a caption only if that is caption-sized. */
const CAPTION_ABOVE_CREDIT_MAX_LENGTH = 150;
/** The dateline opens the lead; a dek imported as paragraph one may push the lead to second place. */
const DATELINE_SEARCH_PARAGRAPHS = 2;

export function readBody(lines: readonly string[], draft: StoryDraft): void {
  for (const line of lines) placeBodyLine(takeLeadDateline(line, draft), draft);
  closeBody(draft);
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

function placeBodyLine(printed: string, draft: StoryDraft): void {
  // Sign-offs close the story, on a line of their own or glued to the last paragraph.
  const { text: line, signOff } = takeSignOff(printed);
  if (signOff) draft.signOffs.push(signOff);
  if (line.length === 0 || isSiteChrome(line)) return;
  const teaserTitle = readInlineTeaserTitle(line);
  const byline = readBylineLine(line);
  if (teaserTitle) draft.teasers.push(teaserTitled(teaserTitle));
  else if (byline) placeByline(draft, byline);
  else if (!placeBodyPhoto(line, draft)) draft.body.push(textBlock(line, draft));
}

/** Crossheads sit between paragraphs; a short line before any paragraph is still prose. */
function textBlock(line: string, draft: StoryDraft): { type: 'paragraph' | 'subheading'; text: string } {
  const type = isSubheadingLike(line) && paragraphCount(draft) > 0 ? 'subheading' : 'paragraph';
  return { type, text: line };
}

/** True when the line was a caption, or a credit for the caption above it. */
function placeBodyPhoto(line: string, draft: StoryDraft): boolean {
  const reading = readCaptionLine(line);
  if (!reading) return false;
  if (isTrustedCaption(reading)) {
    const image: BodyBlock = { type: 'image', caption: reading.caption, credit: reading.credit };
    draft.body.push(image);
    if (reading.strength === 'weak') draft.bareSourceCaptions.set(image, line);
    return true;
  }
  if (reading.caption.length > 0) return false; // a news paragraph ending with its wire agency
  const above = draft.body[draft.body.length - 1];
  if (reading.strength === 'strong' && above?.type === 'paragraph' && charLength(above.text) <= CAPTION_ABOVE_CREDIT_MAX_LENGTH) {
    draft.body[draft.body.length - 1] = { type: 'image', caption: above.text, credit: reading.credit };
  } else {
    draft.warnings.push(`Credit line without a caption left out: "${line}"`);
  }
  return true;
}

/**
 * Crossheads with nothing after them are not crossheads; they are reported instead.
 * A short last line ending in a bare agency (`…。(法新社)`) is the wire attribution
 * of the story's final paragraph, not a photo: it goes back to being a paragraph.
 */
function closeBody(draft: StoryDraft): void {
  const last = draft.body[draft.body.length - 1];
  const printed = last === undefined ? undefined : draft.bareSourceCaptions.get(last);
  if (printed !== undefined) draft.body[draft.body.length - 1] = { type: 'paragraph', text: printed };
  while (draft.body[draft.body.length - 1]?.type === 'subheading') {
    const stray = draft.body.pop();
    draft.warnings.push(`Short line at the end of the story left out: "${stray?.type === 'subheading' ? stray.text : ''}"`);
  }
}
