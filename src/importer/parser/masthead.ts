/**
 * The lines above the lead: section label, headline, standfirst, byline, the lead photos' captions
 * and credits, promotions of other stories. Reading stops at the lead: the first running prose of
 * the article span that is not a caption. The headline is the headline-like line nearest the lead,
 * never navigation, a section label, a time stamp or a list item; a site name after it is cut off.
 */
import type { PageLine } from './article-span.js';
import { readBylineLine } from './bylines.js';
import { readCaptionLine, type CaptionLine } from './credits.js';
import { readDateline, readReporterLine } from './datelines.js';
import { readCreditOnlyLine, readingLength } from './line-features.js';
import { charLength, endsLikeProse, isHeadlineCandidate, isKnownSection, isSectionLabel } from './page-text.js';
import type { PhotoCaption } from './parsed-page.js';
import { placeByline, teaserTitled, type StoryDraft } from './story-draft.js';

/** A bare-source credit (`(路透社)`) only makes a caption of a short line; longer ones are news. */
export const WEAK_CAPTION_MAX_LENGTH = 100;
/** Longer prose above the dateline paragraph is more likely a dek or a stray paragraph than a caption. */
const UNCREDITED_CAPTION_MAX_LENGTH = 150;

const BREADCRUMB = /^(?:首页|首頁|主页|主頁|home)\s*[>»›/|]\s*(.+)$/iu;
const CRUMB_SEPARATOR = /\s*[>»›/|]\s*/u;
const SECTION_LABEL = /^(?:分类|分類|栏目|欄目|类别|類別|版面|section|category)\s*[:：]\s*(\S.{0,19})$/iu;
/** `标题[新闻] X`, `Title: X`: a page that names its headline. */
const LABELLED_HEADLINE = /^(?:标题|標題|title)\s*(?:[:：]\s*|(?=[[【]))(?:[[【][^\]】]{1,6}[\]】]\s*)?(\S.{1,80})$/iu;
/** List items (`• …`, `・…`) above a story are highlights, never its headline. */
const LIST_ITEM = /^[•・●◦▪‣*]\s/u;
/** A live-update time after a headline: `… (21:21)`. */
const TRAILING_TIME = /\s*[(（]\d{1,2}[:：]\d{2}[)）]\s*$/u;
/** `… | 中國報 China Press`, `…｜Yahoo`, `… -Xinhua`: the site's name after the headline. */
const SITE_SUFFIX = /\s*(?:[|｜]|\s[-–—]\s?)\s*([^|｜]{2,40})$/u;
const SITE_WORDS = /報|报|網|网|新聞|新闻|yahoo|press|news|times|post|daily|xinhua|reuters|tribune|herald|journal|online|\.com/iu;

/** True when the caption reading should be trusted at this position. */
export function isTrustedCaption(reading: CaptionLine): boolean {
  if (reading.caption.length === 0) return false;
  return reading.strength === 'strong' || charLength(reading.caption) <= WEAK_CAPTION_MAX_LENGTH;
}

/** The headline as an editor enters it: without the site's name or a live-update time after it. */
export function cleanHeadline(line: string): string {
  const text = line.replace(TRAILING_TIME, '').trim();
  const suffix = SITE_SUFFIX.exec(text);
  const site = suffix?.[1] ?? '';
  if (suffix && suffix.index > 3 && SITE_WORDS.test(site) && readingLength(site) <= 8) return text.slice(0, suffix.index).trim();
  return text;
}

/** `首页 > 国际 > 美洲` names section `国际` (the top level after home); `分类：国际`; a lone `国际`. */
export function readSectionName(line: string): string | null {
  const crumbs = BREADCRUMB.exec(line)?.[1]?.split(CRUMB_SEPARATOR).filter(Boolean);
  if (crumbs && crumbs.length > 0) return crumbs[0] ?? null;
  const labelled = SECTION_LABEL.exec(line)?.[1];
  if (labelled) return labelled.trim();
  return isKnownSection(line) ? line.trim() : null;
}

interface Candidate {
  text: string;
  index: number;
  repeated: boolean;
  /** A byline followed it before anything else did: it may be the standfirst under the headline. */
  bylineAfter: boolean;
}

interface MastheadState {
  lines: readonly PageLine[];
  spanStart: number;
  draft: StoryDraft;
  candidates: Candidate[];
  labelled: string | null;
  /** A credit standing alone with no caption yet (a photo page prints it above the words). */
  pendingCredit: string | null;
  lastContent: 'candidate' | 'other';
}

/** Reads the masthead into the draft; returns the index of the lead line (lines.length when there is none). */
export function readMasthead(lines: readonly PageLine[], spanStart: number, draft: StoryDraft): { lead: number; pendingCredit: string | null } {
  const state: MastheadState = { lines, spanStart, draft, candidates: [], labelled: null, pendingCredit: null, lastContent: 'other' };
  let lead = lines.length;
  for (let index = 0; index < lines.length; index += 1) {
    const used = placeMastheadLine(state, index);
    if (used === 'lead') {
      lead = index;
      break;
    }
    index += used - 1;
  }
  chooseHeadline(state);
  return { lead, pendingCredit: state.pendingCredit };
}

/** Lines used, or `lead` when this line opens the body. */
function placeMastheadLine(state: MastheadState, index: number): number | 'lead' {
  const line = state.lines[index];
  const { draft } = state;
  if (line.kind === 'chrome' || line.kind === 'stamp' || line.kind === 'box' || line.kind === 'link' || LIST_ITEM.test(line.text)) return 1;
  if (line.kind === 'credit') return placeCreditLine(state, readCreditOnlyLine(line.text) ?? line.text);
  const labelled = LABELLED_HEADLINE.exec(line.text)?.[1];
  if (labelled) {
    state.labelled ??= labelled.trim();
    return 1;
  }
  if (placeBylineOrSection(state, line.text)) return 1;
  const dateline = readDateline(line.text);
  if (dateline && dateline.rest.length === 0) {
    draft.dateline ??= dateline.dateline;
    if (dateline.byline) placeByline(draft, dateline.byline);
    return 1;
  }
  const caption = readCaptionLine(line.text);
  if (caption && isTrustedCaption(caption)) return addPhoto(state, { caption: caption.caption, credit: caption.credit });
  if (caption && caption.caption.length === 0) {
    draft.warnings.push(`Photo credit without a caption left out: "${line.text}"`);
    return 1;
  }
  if (line.kind === 'prose' || endsLikeProse(line.text)) return placeProse(state, index);
  if (isHeadlineCandidate(line.text)) {
    state.candidates.push({ text: line.text, index, repeated: line.repeated, bylineAfter: false });
    state.lastContent = 'candidate';
    return 1;
  }
  if (index >= state.spanStart) return 'lead';
  draft.warnings.push(`Line above the story left out: "${line.text}"`);
  return 1;
}

function placeBylineOrSection(state: MastheadState, text: string): boolean {
  const { draft } = state;
  const reporter = readReporterLine(text);
  const byline = reporter?.byline ?? readBylineLine(text);
  if (byline) {
    placeByline(draft, byline);
    if (reporter?.dateline) draft.dateline ??= reporter.dateline;
    const last = state.candidates[state.candidates.length - 1];
    if (last && state.lastContent === 'candidate') last.bylineAfter = true;
    state.lastContent = 'other';
    return true;
  }
  const section = readSectionName(text);
  if (section === null) return false;
  draft.category ??= section;
  return true;
}

/** Prose in the masthead: a caption (printed twice, or followed by its credit), the lead, or a stray line. */
function placeProse(state: MastheadState, index: number): number | 'lead' {
  const line = state.lines[index];
  const next = nextContent(state.lines, index);
  const nextLine = next === -1 ? undefined : state.lines[next];
  if (line.repeated) return addPhoto(state, { caption: line.text, credit: null });
  if (nextLine?.kind === 'credit') {
    addPhoto(state, { caption: line.text, credit: readCreditOnlyLine(nextLine.text) });
    return next - index + 1;
  }
  const leadFollows = nextLine !== undefined && next >= state.spanStart && readDateline(nextLine.text) !== null && readDateline(line.text) === null;
  if (leadFollows && charLength(line.text) <= UNCREDITED_CAPTION_MAX_LENGTH) return addPhoto(state, { caption: line.text, credit: null });
  if (index >= state.spanStart) return 'lead';
  state.draft.warnings.push(`Line above the story left out: "${line.text}"`);
  return 1;
}

function placeCreditLine(state: MastheadState, credit: string): number {
  const photos = [state.draft.featuredImage, ...state.draft.body.filter((block) => block.type === 'image')];
  const last = photos[photos.length - 1];
  if (last && last.credit === null) last.credit = credit;
  else state.pendingCredit = credit;
  return 1;
}

function nextContent(lines: readonly PageLine[], index: number): number {
  for (let next = index + 1; next < lines.length; next += 1) {
    const kind = lines[next]?.kind;
    if (kind !== 'chrome' && kind !== 'stamp') return next;
  }
  return -1;
}

/** The first photo above the lead is the featured image; any others open the body. */
function addPhoto(state: MastheadState, photo: PhotoCaption): number {
  const { draft } = state;
  const clean = { caption: photo.caption.replace(/^[▲▼△▽]+\s*/u, ''), credit: photo.credit };
  if (draft.featuredImage === null) draft.featuredImage = clean;
  else draft.body.push({ type: 'image', ...clean });
  state.lastContent = 'other';
  return 1;
}

/**
 * The headline is the candidate nearest the lead. A candidate with a byline right under it and
 * another candidate right above it is the standfirst; repeats of a candidate count once; section
 * labels never count. Repeated candidates above the headline are promotions of other stories.
 */
function chooseHeadline(state: MastheadState): void {
  const { draft } = state;
  const several = state.candidates.length > 1;
  const candidates = state.candidates.filter((candidate, position) => {
    if ((several && isSectionLabel(candidate.text)) || isKnownSection(candidate.text) || readingLength(candidate.text) < 2) return false;
    const earlier = state.candidates.slice(0, position);
    return !earlier.some((other) => candidate.text !== other.text && candidate.text.startsWith(other.text));
  });
  draft.headlineCandidates = new Set(candidates.map((candidate) => cleanHeadline(candidate.text))).size;
  if (state.labelled) {
    draft.headline = cleanHeadline(state.labelled);
    draft.headlineCandidates = 1;
    return;
  }
  let chosen = candidates.length - 1;
  const last = candidates[chosen];
  const above = candidates[chosen - 1];
  const fuller = last ? candidates.findIndex((other) => other.text.length > last.text.length && other.text.includes(last.text)) : -1;
  if (last && above && last.bylineAfter && above.index === last.index - 1) {
    draft.subheadline = last.text;
    chosen -= 1;
  } else if (last && fuller !== -1 && cleanHeadline(candidates[fuller]?.text ?? '') !== cleanHeadline(last.text)) {
    // A roundup repeats its headline without the kicker as the first item's crosshead.
    draft.body.unshift({ type: 'subheading', text: last.text });
    chosen = fuller;
  }
  const headline = candidates[chosen];
  if (!headline) return;
  draft.headline = cleanHeadline(headline.text);
  for (const promo of candidates.slice(0, chosen))
    if (promo.repeated && cleanHeadline(promo.text) !== draft.headline) draft.teasers.push(teaserTitled(promo.text));
}
