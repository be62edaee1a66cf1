/**
 * Reads one scraped news page into a story: headline, standfirst, dateline, byline, photos with
 * their captions and credits, body blocks, sign-off, and the teasers around it. Pure: no Nest, no
 * database, no I/O; the import service decides what to keep.
 *
 * The page is read in four steps, the same for every outlet:
 *   1. split it into lines and weigh each by its features (line-features.ts);
 *   2. find the article span, the densest run of prose (article-span.ts);
 *   3. read the masthead above the span down to the lead (masthead.ts), then the body (body.ts);
 *   4. read the furniture after the span as teasers (teasers.ts).
 */
import { classifyLines, findArticleSpan, mastheadStart, type ArticleSpan, type PageLine } from './article-span.js';
import { readBody } from './body.js';
import { readCaptionLine } from './credits.js';
import { readDateline } from './datelines.js';
import { isHeadlineCandidate } from './page-text.js';
import { detectLanguage, languageConfidence } from './language.js';
import { readMasthead } from './masthead.js';
import { splitPageLines } from './page-lines.js';
import { isReadMoreMarker } from './furniture.js';
import { PageParsingError, type BodyBlock, type PageLanguage, type ParseGuess, type ParsedPage, type ParsePageOptions } from './parsed-page.js';
import { headlineFromLead, shorten } from './shortening.js';
import { emptyDraft, type StoryDraft } from './story-draft.js';
import { readTeaserList, readTeasers } from './teasers.js';

export const DERIVED_HEADLINE_MAX_LENGTH = 40;
export const EXCERPT_MAX_LENGTH = 160;

export function parsePage(text: string, options: ParsePageOptions = {}): ParsedPage {
  const lines = classifyLines(splitPageLines(text));
  const span = findArticleSpan(lines);
  const draft = emptyDraft();
  let furniture: PageLine[] = [];
  if (span) {
    const top = mastheadStart(lines, span);
    const start = refineStart(lines, span);
    const story = lines.slice(top, span.end);
    const { lead, pendingCredit } = readMasthead(story, start - top, draft);
    readBody(story.slice(lead), draft, pendingCredit);
    furniture = lines.slice(span.end);
  } else {
    furniture = lines;
  }
  const listed = !furniture.some((line) => isReadMoreMarker(line.text));
  const teasers = listed
    ? readTeaserList(furniture, draft.warnings)
    : readTeasers(
        furniture.map((line) => line.text),
        draft.warnings,
      );
  draft.teasers.push(...teasers);
  return finishDraft(draft, options, { listed: listed && teasers.length > 0 });
}

/**
 * A span may open on a promotion's blurb above the headline: when a headline-like line stands
 * inside the span before the story's first run of two paragraphs (or its dateline), the story
 * starts after it and the line goes back to the masthead.
 */
function refineStart(lines: readonly PageLine[], span: ArticleSpan): number {
  let start = span.start;
  let previousProse = false;
  for (let index = span.start; index < span.end; index += 1) {
    const line = lines[index];
    if (line.kind === 'chrome' || line.kind === 'stamp' || line.kind === 'credit') continue;
    const caption = readCaptionLine(line.text) !== null;
    if (line.kind === 'prose' && !caption) {
      if (previousProse || readDateline(line.text)) return start;
      previousProse = true;
    } else {
      if (line.kind === 'short' && !caption && isHeadlineCandidate(line.text)) start = index + 1;
      previousProse = false;
    }
  }
  return span.start;
}

/**
 * Turns a filled draft into the parse result: the lead's dateline, a provisional headline when the
 * page has none, the excerpt, the language (the page's own when it declares one), and how sure each
 * field is. Shared by text and HTML pages.
 */
export function finishDraft(draft: StoryDraft, options: ParsePageOptions, reading: { listed: boolean; language?: PageLanguage }): ParsedPage {
  takeLeadDateline(draft);
  const lead = firstParagraph(draft.body);
  const headline = draft.headline ?? provisionalHeadline(lead ?? firstCaption(draft), options, draft.warnings);
  if (lead === null && !hasPhotos(draft)) draft.warnings.push('The page has no body paragraphs.');
  const language = reading.language ?? detectLanguage(storyText(headline, draft));
  const page: Omit<ParsedPage, 'confidence' | 'guesses'> = {
    headline,
    headlineDerived: draft.headline === null,
    dateline: draft.dateline,
    language,
    byline: draft.byline,
    subheadline: draft.subheadline,
    featuredImage: draft.featuredImage,
    body: draft.body,
    excerpt: lead === null ? '' : shorten(lead, EXCERPT_MAX_LENGTH),
    category: draft.category,
    teasers: draft.teasers,
    signOff: draft.signOffs.length > 0 ? draft.signOffs.join(' ') : null,
    warnings: draft.warnings,
  };
  return { ...page, ...rate(page, draft, storyText(headline, draft), reading.listed) };
}

/** How sure the reading is, field by field, and what an editor should check. */
function rate(
  page: Omit<ParsedPage, 'confidence' | 'guesses'>,
  draft: StoryDraft,
  story: string,
  listed: boolean,
): Pick<ParsedPage, 'confidence' | 'guesses'> {
  const guesses: ParseGuess[] = [];
  if (page.headlineDerived)
    guesses.push({ field: 'headline', code: 'headline-derived', message: `No headline line; "${page.headline}" was made from the lead.` });
  else if (draft.headlineCandidates > 1)
    guesses.push({ field: 'headline', code: 'headline-ambiguous', message: `Chosen among ${draft.headlineCandidates} headline-like lines.` });
  if (page.dateline === null) guesses.push({ field: 'dateline', code: 'no-dateline', message: 'No dateline found.' });
  const photos = [...(page.featuredImage ? [page.featuredImage] : []), ...page.body.flatMap((block) => (block.type === 'image' ? [block] : []))];
  for (const photo of photos.filter((p) => p.credit === null))
    guesses.push({ field: 'captions', code: 'caption-without-credit', message: `Caption without credit: "${shorten(photo.caption, 40)}"` });
  const paragraphs = page.body.filter((block) => block.type === 'paragraph').length;
  if (paragraphs < 2 && photos.length === 0)
    guesses.push({ field: 'body', code: 'body-uncertain', message: `Only ${paragraphs} paragraph(s) of prose found.` });
  const languageScore = languageConfidence(story);
  if (languageScore < 0.7) guesses.push({ field: 'language', code: 'language-mixed', message: `The text mixes scripts; read as ${page.language}.` });
  if (listed) guesses.push({ field: 'teasers', code: 'teasers-listed', message: `${page.teasers.length} teaser(s) read from a list of links.` });
  const confidence = {
    headline: page.headlineDerived ? 0.3 : draft.headlineCandidates > 1 ? 0.75 : 0.95,
    dateline: page.dateline === null ? 0.5 : 0.95,
    language: languageScore,
    captions: photos.length === 0 ? 0.9 : photos.filter((p) => p.credit !== null).length / photos.length / 2 + 0.45,
    body: paragraphs >= 3 ? 0.9 : paragraphs >= 1 || photos.length > 0 ? 0.7 : 0.3,
    teasers: listed ? 0.7 : 0.9,
  };
  return {
    confidence: Object.fromEntries(Object.entries(confidence).map(([k, v]) => [k, Math.round(v * 100) / 100])) as ParsedPage['confidence'],
    guesses,
  };
}

/** HTML pages keep the dateline inside the first paragraph; move it to its field. */
function takeLeadDateline(draft: StoryDraft): void {
  if (draft.dateline !== null) return;
  const index = draft.body.findIndex((block) => block.type === 'paragraph');
  const block = draft.body[index];
  if (block?.type !== 'paragraph') return;
  const reading = readDateline(block.text);
  if (!reading || reading.rest.length === 0) return;
  draft.dateline = reading.dateline;
  draft.body[index] = { type: 'paragraph', text: reading.rest };
}

function firstCaption(draft: StoryDraft): string | null {
  const photo = draft.featuredImage ?? draft.body.find((block) => block.type === 'image');
  return photo && 'caption' in photo ? photo.caption : null;
}

function hasPhotos(draft: StoryDraft): boolean {
  return draft.featuredImage !== null || draft.body.some((block) => block.type === 'image');
}

function firstParagraph(body: readonly BodyBlock[]): string | null {
  for (const block of body) if (block.type === 'paragraph') return block.text;
  return null;
}

/** From the lead; failing that a caption, then the file name; a page with none of them holds no story. */
function provisionalHeadline(lead: string | null, options: ParsePageOptions, warnings: string[]): string {
  if (lead !== null) return headlineFromLead(lead, DERIVED_HEADLINE_MAX_LENGTH);
  const stem = options.filename
    ?.replace(/^.*[/\\]/u, '')
    .replace(/\.[^.]+$/u, '')
    .trim();
  if (!stem) throw new PageParsingError('The page holds no headline and no story text.');
  warnings.push(`No headline or lead; headline taken from the file name "${options.filename ?? ''}".`);
  return shorten(stem, DERIVED_HEADLINE_MAX_LENGTH);
}

/** Language is judged on the story only: teasers may come from other desks. */
function storyText(headline: string, draft: StoryDraft): string {
  const blocks = draft.body.map((block) => (block.type === 'image' ? block.caption : block.text));
  return [headline, draft.featuredImage?.caption ?? '', ...blocks].join('\n');
}
