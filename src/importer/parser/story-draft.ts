/**
 * The story as the parser reads it, line by line. The masthead step fills the
 * fields printed above the lead; the body step fills the rest. Kept mutable and
 * private to the parser: `parsePage` turns it into an immutable `ParsedPage`.
 */
import type { BodyBlock, PhotoCaption, Teaser } from './parsed-page.js';

export interface StoryDraft {
  headline: string | null;
  /** How many headline-like lines the masthead offered (more than one: the choice was a judgement). */
  headlineCandidates: number;
  category: string | null;
  byline: string | null;
  subheadline: string | null;
  dateline: string | null;
  featuredImage: PhotoCaption | null;
  body: BodyBlock[];
  signOffs: string[];
  teasers: Teaser[];
  warnings: string[];
  /** Body images read from a bare source in brackets, with the line as printed, in case it was news after all. */
  bareSourceCaptions: Map<BodyBlock, string>;
}

export function emptyDraft(): StoryDraft {
  return {
    headline: null,
    headlineCandidates: 0,
    category: null,
    byline: null,
    subheadline: null,
    dateline: null,
    featuredImage: null,
    body: [],
    signOffs: [],
    teasers: [],
    warnings: [],
    bareSourceCaptions: new Map(),
  };
}

/** A byline printed twice (top and bottom) is fine; a second, different one is reported. */
export function placeByline(draft: StoryDraft, byline: string): void {
  if (draft.byline === null) draft.byline = byline;
  else if (draft.byline !== byline) draft.warnings.push(`Second byline left out: "${byline}"`);
}

export function teaserTitled(title: string): Teaser {
  return { title, category: null, excerpt: null, date: null, tag: null };
}
