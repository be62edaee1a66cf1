/**
 * How well the page parser reads a page, field by field, against the fields an editor wrote down
 * for it (test/fixtures/pages/*.json). Pure: `npm run import:score` reads the files and prints.
 *
 * Each field of each page scores 0..1. Single values (headline, dateline, language, paragraph count)
 * score 1 when equal, else 0. Lists (captions, subheadings, teasers) score the items found in the
 * right order over the longer of the two lists, so one missed caption out of four costs a quarter,
 * and a list both sides leave empty scores 1. Text is compared with runs of white space folded.
 */
import type { ParsedPage, PhotoCaption } from './parser/parsed-page.js';

export const SCORED_FIELDS = ['headline', 'dateline', 'language', 'captions', 'subheadings', 'paragraphs', 'teasers'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

/** The fields of one page as an editor reads them; `headline: null` when the page prints none. */
export interface PageLabel {
  headline: string | null;
  dateline: string | null;
  language: string;
  captions: PhotoCaption[];
  subheadings: string[];
  paragraphs: number;
  teasers: string[];
}

export interface FieldScore {
  field: ScoredField;
  score: number;
  /** Empty when the field is right. */
  expected: string;
  actual: string;
}

export interface PageScore {
  page: string;
  fields: FieldScore[];
}

export interface CorpusScore {
  pages: PageScore[];
  /** Mean score per field over all pages, 0..1. */
  byField: Record<ScoredField, number>;
  /** Mean over every field of every page. */
  overall: number;
}

const fold = (text: string): string => text.replace(/\s+/gu, ' ').trim();
const captionKey = (photo: PhotoCaption): string => `${fold(photo.caption)} | ${photo.credit === null ? '(no credit)' : fold(photo.credit)}`;

/** The same fields read off a parse result. */
export function labelOf(parsed: ParsedPage): PageLabel {
  const photos = parsed.body.flatMap((block) => (block.type === 'image' ? [{ caption: block.caption, credit: block.credit }] : []));
  return {
    headline: parsed.headlineDerived ? null : parsed.headline,
    dateline: parsed.dateline,
    language: parsed.language,
    captions: parsed.featuredImage ? [parsed.featuredImage, ...photos] : photos,
    subheadings: parsed.body.flatMap((block) => (block.type === 'subheading' ? [block.text] : [])),
    paragraphs: parsed.body.filter((block) => block.type === 'paragraph').length,
    teasers: parsed.teasers.map((teaser) => teaser.title),
  };
}

/** Length of the longest common subsequence: items found, in order. */
function inOrder(expected: readonly string[], actual: readonly string[]): number {
  const row = new Array<number>(actual.length + 1).fill(0);
  for (const item of expected) {
    let diagonal = 0;
    for (let j = 1; j <= actual.length; j += 1) {
      const above = row[j] ?? 0;
      row[j] = item === actual[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] ?? 0);
      diagonal = above;
    }
  }
  return row[actual.length] ?? 0;
}

function listScore(field: ScoredField, expected: readonly string[], actual: readonly string[]): FieldScore {
  const longest = Math.max(expected.length, actual.length);
  const score = longest === 0 ? 1 : inOrder(expected, actual) / longest;
  return score === 1 ? { field, score, expected: '', actual: '' } : { field, score, expected: expected.join('\n'), actual: actual.join('\n') };
}

function valueScore(field: ScoredField, expected: string | number | null, actual: string | number | null): FieldScore {
  const show = (value: string | number | null) => (value === null ? '(none)' : typeof value === 'string' ? fold(value) : String(value));
  return show(expected) === show(actual)
    ? { field, score: 1, expected: '', actual: '' }
    : { field, score: 0, expected: show(expected), actual: show(actual) };
}

export function scorePage(page: string, expected: PageLabel, parsed: ParsedPage): PageScore {
  const actual = labelOf(parsed);
  return {
    page,
    fields: [
      valueScore('headline', expected.headline, actual.headline),
      valueScore('dateline', expected.dateline, actual.dateline),
      valueScore('language', expected.language, actual.language),
      listScore('captions', expected.captions.map(captionKey), actual.captions.map(captionKey)),
      listScore('subheadings', expected.subheadings.map(fold), actual.subheadings.map(fold)),
      valueScore('paragraphs', expected.paragraphs, actual.paragraphs),
      listScore('teasers', expected.teasers.map(fold), actual.teasers.map(fold)),
    ],
  };
}

export function scoreCorpus(pages: readonly PageScore[]): CorpusScore {
  const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);
  const byField = Object.fromEntries(
    SCORED_FIELDS.map((field) => [field, mean(pages.map((page) => page.fields.find((f) => f.field === field)?.score ?? 0))]),
  ) as Record<ScoredField, number>;
  return { pages: [...pages], byField, overall: mean(pages.flatMap((page) => page.fields.map((f) => f.score))) };
}
