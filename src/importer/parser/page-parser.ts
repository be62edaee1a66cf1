/**
 * Reads one plain-text newspaper page into a story: headline, dateline, byline,
 * lead photo, body blocks, sign-off, and the teasers in the furniture after it.
 * Pure: no Nest, no database, no I/O; the import service decides what to keep.
 *
 * The page is read top to bottom in three parts:
 *   masthead  (section, headline, byline, lead caption) up to the lead paragraph,
 *   body      from the lead to the first teaser box or read-more link,
 *   furniture (teasers) from there to the end.
 */
import { readBody } from './body.js';
import { detectLanguage } from './language.js';
import { readMasthead } from './masthead.js';
import { splitPageLines } from './page-lines.js';
import { PageParsingError, type BodyBlock, type ParsedPage, type ParsePageOptions } from './parsed-page.js';
import { headlineFromLead, shorten } from './shortening.js';
import { emptyDraft, type StoryDraft } from './story-draft.js';
import { findFurnitureStart, readTeasers } from './teasers.js';

export const DERIVED_HEADLINE_MAX_LENGTH = 40;
export const EXCERPT_MAX_LENGTH = 160;

export function parsePage(text: string, options: ParsePageOptions = {}): ParsedPage {
  const lines = splitPageLines(text);
  const furnitureStart = findFurnitureStart(lines);
  const story = lines.slice(0, furnitureStart);
  const draft = emptyDraft();
  const leadIndex = readMasthead(story, draft);
  readBody(story.slice(leadIndex), draft);
  draft.teasers.push(...readTeasers(lines.slice(furnitureStart), draft.warnings));
  return finishPage(draft, options);
}

function finishPage(draft: StoryDraft, options: ParsePageOptions): ParsedPage {
  const lead = firstParagraph(draft.body);
  const headline = draft.headline ?? provisionalHeadline(lead, options, draft.warnings);
  if (lead === null) draft.warnings.push('The page has no body paragraphs.');
  return {
    headline,
    headlineDerived: draft.headline === null,
    dateline: draft.dateline,
    language: detectLanguage(storyText(headline, draft)),
    byline: draft.byline,
    featuredImage: draft.featuredImage,
    body: draft.body,
    excerpt: lead === null ? '' : shorten(lead, EXCERPT_MAX_LENGTH),
    category: draft.category,
    teasers: draft.teasers,
    signOff: draft.signOffs.length > 0 ? draft.signOffs.join(' ') : null,
    warnings: draft.warnings,
  };
}

function firstParagraph(body: readonly BodyBlock[]): string | null {
  for (const block of body) if (block.type === 'paragraph') return block.text;
  return null;
}

/** From the lead; failing that the file name; a page with neither holds no story. */
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
