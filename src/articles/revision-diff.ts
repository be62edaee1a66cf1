import { diffArrays, diffChars, type ChangeObject } from 'diff';

/**
 * Field-by-field comparison of two article revision snapshots, for the "what changed"
 * view editors use before publishing or restoring a revision.
 */

export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
}

export interface SubheadingBlock {
  type: 'subheading';
  text: string;
}

export interface ImageBlock {
  type: 'image';
  mediaId: string;
  caption?: string | null;
  credit?: string | null;
  altText?: string | null;
}

export interface QuoteBlock {
  type: 'quote';
  text: string;
  attribution?: string | null;
}

export interface ListBlock {
  type: 'list';
  items: string[];
}

export type BodyBlock = ParagraphBlock | SubheadingBlock | ImageBlock | QuoteBlock | ListBlock;

export interface FeaturedImage {
  mediaId: string;
  caption?: string | null;
  credit?: string | null;
  altText?: string | null;
}

/** A correction notice appended to a published story: public at once, never removed. */
export interface Correction {
  text: string;
  /** ISO 8601. */
  at: string;
}

export interface EditorialSnapshot {
  headline: string;
  subheadline: string | null;
  slug: string;
  dateline: string | null;
  language: string;
  body: BodyBlock[];
  excerpt: string | null;
  featuredImage: FeaturedImage | null;
  categoryId: string | null;
  tags: string[];
  authors: string[];
  byline: string | null;
  /** Search-engine and social-card overrides; null means "derive it" (headline, excerpt, reader URL, featured photo). */
  seoTitle: string | null;
  seoDescription: string | null;
  canonicalUrl: string | null;
  /** A photo's media id. */
  socialImage: string | null;
  /** Oldest first. Story-level: every later revision carries them all (restore keeps them). */
  corrections: Correction[];
}

/** One run of a diff; `added`/`removed` are present only when true, to keep payloads small. */
export interface TextChange {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface FieldDiff {
  /** Dotted path: `headline`, `featuredImage.caption`, `body[3].text`, `body[2].items[0]`, `body[5]`. */
  field: string;
  before: unknown;
  after: unknown;
  /** Character runs for text; one run per item for string lists (tags, authors). */
  changes?: TextChange[];
}

type OptionalText = string | null | undefined;

/**
 * Past this many edits a character diff is noise to a reader and slow to compute
 * (Myers is O(N·D)), so a rewrite is shown as "all removed, all added" instead.
 */
const MAX_CHAR_EDITS = 2000;

function toTextChange(change: ChangeObject<string>): TextChange {
  const run: TextChange = { value: change.value };
  if (change.added) run.added = true;
  if (change.removed) run.removed = true;
  return run;
}

function wholesaleReplacement(before: string, after: string): TextChange[] {
  const runs: TextChange[] = [];
  if (before !== '') runs.push({ value: before, removed: true });
  if (after !== '') runs.push({ value: after, added: true });
  return runs;
}

/** Character-level runs; diffChars works on code points, so Chinese and emoji stay intact. */
export function diffText(before: OptionalText, after: OptionalText): TextChange[] {
  const from = before ?? '';
  const to = after ?? '';
  const changes = diffChars(from, to, { maxEditLength: MAX_CHAR_EDITS });
  return changes ? changes.map(toTextChange) : wholesaleReplacement(from, to);
}

/** A null and a missing optional field both mean "none" and must not count as a change. */
function textField(field: string, before: OptionalText, after: OptionalText, detail: boolean): FieldDiff[] {
  const from = before ?? null;
  const to = after ?? null;
  if (from === to) return [];
  return [detail ? { field, before: from, after: to, changes: diffText(from, to) } : { field, before: from, after: to }];
}

function scalarField(field: string, before: string | null, after: string | null): FieldDiff[] {
  return before === after ? [] : [{ field, before, after }];
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Order counts (author order is byline order), and each item appears as one run. */
function listField(field: string, before: string[], after: string[], detail: boolean): FieldDiff[] {
  if (sameStrings(before, after)) return [];
  if (!detail) return [{ field, before, after }];
  const changes = diffArrays(before, after).flatMap((change) =>
    change.value.map((value) => toTextChange({ ...change, value })),
  );
  return [{ field, before, after, changes }];
}

function featuredImageDiff(before: FeaturedImage | null, after: FeaturedImage | null, detail: boolean): FieldDiff[] {
  // A different (or absent) picture is one change; caption edits on the same picture are shown in detail.
  if (before === null || after === null || before.mediaId !== after.mediaId) {
    if (before === null && after === null) return [];
    return [{ field: 'featuredImage', before, after }];
  }
  return [
    ...textField('featuredImage.caption', before.caption, after.caption, detail),
    ...textField('featuredImage.credit', before.credit, after.credit, detail),
    ...textField('featuredImage.altText', before.altText, after.altText, detail),
  ];
}

function listItemsDiff(path: string, before: string[], after: string[], detail: boolean): FieldDiff[] {
  const diffs: FieldDiff[] = [];
  for (let index = 0; index < Math.max(before.length, after.length); index += 1) {
    const field = `${path}.items[${index}]`;
    if (index >= before.length) diffs.push({ field, before: null, after: after[index] });
    else if (index >= after.length) diffs.push({ field, before: before[index], after: null });
    else diffs.push(...textField(field, before[index], after[index], detail));
  }
  return diffs;
}

/**
 * Compares two blocks at the same position, field by field. The caller has checked that
 * both have the same `type`, which is what makes the casts of `after` sound.
 */
function sameTypeBlockDiff(path: string, before: BodyBlock, after: BodyBlock, detail: boolean): FieldDiff[] {
  switch (before.type) {
    case 'paragraph':
    case 'subheading': {
      const next = after as ParagraphBlock | SubheadingBlock;
      return textField(`${path}.text`, before.text, next.text, detail);
    }
    case 'image': {
      const next = after as ImageBlock;
      if (before.mediaId !== next.mediaId) return [{ field: path, before, after }];
      return [
        ...textField(`${path}.caption`, before.caption, next.caption, detail),
        ...textField(`${path}.credit`, before.credit, next.credit, detail),
        ...textField(`${path}.altText`, before.altText, next.altText, detail),
      ];
    }
    case 'quote': {
      const next = after as QuoteBlock;
      return [
        ...textField(`${path}.text`, before.text, next.text, detail),
        ...textField(`${path}.attribution`, before.attribution, next.attribution, detail),
      ];
    }
    case 'list': {
      const next = after as ListBlock;
      return listItemsDiff(path, before.items, next.items, detail);
    }
    default:
      // Snapshots are stored JSON and may hold a block type this code does not know yet.
      return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ field: path, before, after }];
  }
}

/**
 * Blocks are compared by position, not aligned: it keeps field names stable
 * (`body[3].text` is the fourth block in both revisions) at the cost of an inserted
 * block showing up as changes to every block after it.
 */
function bodyDiff(before: BodyBlock[], after: BodyBlock[], detail: boolean): FieldDiff[] {
  const diffs: FieldDiff[] = [];
  for (let index = 0; index < Math.max(before.length, after.length); index += 1) {
    const path = `body[${index}]`;
    const from = before[index];
    const to = after[index];
    if (from === undefined) diffs.push({ field: path, before: null, after: to });
    else if (to === undefined) diffs.push({ field: path, before: from, after: null });
    else if (from.type !== to.type) diffs.push({ field: path, before: from, after: to });
    else diffs.push(...sameTypeBlockDiff(path, from, to, detail));
  }
  return diffs;
}

/**
 * Changed fields only, in snapshot field order; identical snapshots give []. Without `detail`
 * (whether anything changed, and where), no character runs are computed.
 */
export function diffSnapshots(from: EditorialSnapshot, to: EditorialSnapshot, detail = true): FieldDiff[] {
  return [
    ...textField('headline', from.headline, to.headline, detail),
    ...textField('subheadline', from.subheadline, to.subheadline, detail),
    ...scalarField('slug', from.slug, to.slug),
    ...textField('dateline', from.dateline, to.dateline, detail),
    ...scalarField('language', from.language, to.language),
    ...bodyDiff(from.body, to.body, detail),
    ...textField('excerpt', from.excerpt, to.excerpt, detail),
    ...featuredImageDiff(from.featuredImage, to.featuredImage, detail),
    ...scalarField('categoryId', from.categoryId, to.categoryId),
    ...listField('tags', from.tags, to.tags, detail),
    ...listField('authors', from.authors, to.authors, detail),
    ...textField('byline', from.byline, to.byline, detail),
    ...textField('seoTitle', from.seoTitle, to.seoTitle, detail),
    ...textField('seoDescription', from.seoDescription, to.seoDescription, detail),
    ...scalarField('canonicalUrl', from.canonicalUrl ?? null, to.canonicalUrl ?? null),
    ...scalarField('socialImage', from.socialImage ?? null, to.socialImage ?? null),
    ...listField(
      'corrections',
      (from.corrections ?? []).map((c) => c.text),
      (to.corrections ?? []).map((c) => c.text),
      detail,
    ),
  ];
}
