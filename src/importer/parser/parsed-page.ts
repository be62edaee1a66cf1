/**
 * What the page parser reads out of one plain-text newspaper page. The import
 * service turns it into an article draft and the imports API returns it as is
 * (dry runs), so field names here are part of that API.
 */

export type PageLanguage = 'zh-Hans' | 'zh-Hant' | 'en';

/** A photo as the page describes it: the words under it and who supplied it. */
export interface PhotoCaption {
  caption: string;
  /** Normalised credit line: brackets and `图取自`-style prefixes gone, sources joined by `/`. */
  credit: string | null;
}

export type BodyBlock =
  { type: 'paragraph'; text: string } | { type: 'subheading'; text: string } | { type: 'image'; caption: string; credit: string | null };

/** A headline pointing to another story, from the page furniture (`热门新闻` box, read-more links). */
export interface Teaser {
  title: string;
  /** Section line printed with the teaser, e.g. `国际`. */
  category: string | null;
  /** As printed, including a trailing `...` that marks the site's own truncation. */
  excerpt: string | null;
  /** ISO date `YYYY-MM-DD` when the teaser prints one. */
  date: string | null;
  /** Label printed after the title in `【…】`, without the brackets, e.g. `东方头条`. */
  tag: string | null;
}

/** Fields the parser rates its own reading of. */
export type ConfidenceField = 'headline' | 'dateline' | 'language' | 'captions' | 'body' | 'teasers';

/** How sure the parser is of each field, 0 (a guess) to 1 (read as printed). */
export type ParseConfidence = Record<ConfidenceField, number>;

/**
 * Where the parser guessed, for an editor to check: `headline-derived` (no headline line; made from
 * the lead), `headline-ambiguous` (several headline-like lines), `no-dateline`, `caption-without-credit`,
 * `body-uncertain` (little prose found), `language-mixed`, `teasers-listed` (read from a list without
 * read-more links).
 */
export interface ParseGuess {
  field: ConfidenceField;
  code: 'headline-derived' | 'headline-ambiguous' | 'no-dateline' | 'caption-without-credit' | 'body-uncertain' | 'language-mixed' | 'teasers-listed';
  message: string;
}

export interface ParsedPage {
  headline: string;
  /** True when the page had no headline line and `headline` was made from the lead (<= 40 chars). */
  headlineDerived: boolean;
  /** Place and day the story was filed, without brackets: `日内瓦22日讯`, `SEATTLE (AP)`. */
  dateline: string | null;
  language: PageLanguage;
  /** Who wrote it as printed: `陈兆良报导`, `By Jane Doe`, `記者李立法`. */
  byline: string | null;
  /** The standfirst printed between the headline and the byline, when there is one. */
  subheadline: string | null;
  /** The lead photo: a caption printed before the first paragraph. */
  featuredImage: PhotoCaption | null;
  body: BodyBlock[];
  /** First paragraph without its dateline, shortened to at most 160 characters. */
  excerpt: string;
  /** Section the page names for itself (breadcrumb, `分类：`, a lone section line at the top). */
  category: string | null;
  teasers: Teaser[];
  /** `(完)`, `（編輯：…）1110126` and the like, kept out of the body. */
  signOff: string | null;
  /** Lines the parser could not place; nothing is dropped silently except known site chrome. */
  warnings: string[];
  confidence: ParseConfidence;
  /** What the parser guessed; empty when every field was read as printed. */
  guesses: ParseGuess[];
}

export interface ParsePageOptions {
  /** Original file name; only used as a last-resort headline and in warnings. */
  filename?: string;
}

/** The text holds no story at all (empty, or only page furniture). */
export class PageParsingError extends Error {
  override readonly name = 'PageParsingError';
}
