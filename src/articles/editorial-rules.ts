// What makes a story's editorial fields acceptable, as pure functions: the HTTP DTOs check the same
// limits, and these run on every write (the importer's too), so no path stores a story the API refuses.
import type { FieldError } from '../common/problem.js';
import type { BodyBlock, EditorialSnapshot, FeaturedImage } from './revision-diff.js';

export const LIMITS = {
  headline: 200,
  subheadline: 300,
  dateline: 100,
  byline: 200,
  excerpt: 1000,
  caption: 2000,
  blockText: 20_000,
  listItems: 100,
  tags: 30,
  tag: 50,
  authors: 20,
  bodyBlocks: 500,
  bodyCharacters: 200_000,
  slug: 80,
  seoTitle: 200,
  seoDescription: 500,
  canonicalUrl: 2000,
  correction: 2000,
  corrections: 100,
} as const;

export const BLOCK_TYPES = ['paragraph', 'subheading', 'image', 'quote', 'list'] as const;

/** A BCP 47-ish language tag: `zh-Hans`, `zh-Hant`, `en`, `en-GB`, `ms`. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const HAN = /\p{Script=Han}/u;

/** The language a story is most likely written in, when the client does not say. */
export const guessLanguage = (headline: string): string => (HAN.test(headline) ? 'zh-Hans' : 'en');

const length = (value: unknown): number => (typeof value === 'string' ? value.length : 0);

/**
 * Characters of reader-visible text in the body, the measure the size limit uses. Tolerates
 * malformed blocks (it also runs inside request validation, before block shapes are checked).
 */
export function bodyCharacters(body: readonly unknown[]): number {
  let total = 0;
  for (const block of body) {
    if (typeof block !== 'object' || block === null) continue;
    const b = block as Record<string, unknown>;
    total += length(b.text) + length(b.caption) + length(b.credit) + length(b.altText) + length(b.attribution);
    if (Array.isArray(b.items)) for (const item of b.items) total += length(item);
  }
  return total;
}

export function bodySizeErrors(body: readonly unknown[]): FieldError[] {
  if (body.length > LIMITS.bodyBlocks) return [{ field: 'body', message: `body must have at most ${LIMITS.bodyBlocks} blocks (has ${body.length})` }];
  const characters = bodyCharacters(body);
  if (characters > LIMITS.bodyCharacters)
    return [{ field: 'body', message: `body must have at most ${LIMITS.bodyCharacters} characters of text (has ${characters})` }];
  return [];
}

const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

function normaliseBlock(block: BodyBlock): BodyBlock {
  switch (block.type) {
    case 'paragraph':
    case 'subheading':
      return { type: block.type, text: block.text.trim() };
    case 'image':
      return { type: 'image', mediaId: block.mediaId, caption: text(block.caption), credit: text(block.credit), altText: text(block.altText) };
    case 'quote':
      return { type: 'quote', text: block.text.trim(), attribution: text(block.attribution) };
    case 'list':
      return { type: 'list', items: block.items.map((item) => item.trim()) };
    default:
      return block;
  }
}

function normaliseImage(image: FeaturedImage | null): FeaturedImage | null {
  if (!image) return null;
  return { mediaId: image.mediaId, caption: text(image.caption), credit: text(image.credit), altText: text(image.altText) };
}

const unique = (values: readonly string[]) => [...new Set(values)];

/**
 * One spelling for every value: text trimmed, empty optional text as null, image overrides
 * explicit, tags and authors without duplicates. Revisions store this form.
 */
export function normaliseSnapshot(s: EditorialSnapshot): EditorialSnapshot {
  return {
    headline: s.headline.trim(),
    subheadline: text(s.subheadline),
    slug: s.slug,
    dateline: text(s.dateline),
    language: s.language,
    body: s.body.map(normaliseBlock),
    excerpt: text(s.excerpt),
    featuredImage: normaliseImage(s.featuredImage),
    categoryId: s.categoryId ?? null,
    tags: unique(s.tags.map((t) => t.trim()).filter((t) => t !== '')),
    authors: unique(s.authors),
    byline: text(s.byline),
    // Snapshots saved before these fields existed lack them.
    seoTitle: text(s.seoTitle),
    seoDescription: text(s.seoDescription),
    canonicalUrl: text(s.canonicalUrl),
    socialImage: s.socialImage ?? null,
    corrections: s.corrections ?? [],
  };
}

/** An absolute http(s) URL, as a canonical link must be. */
export function isAbsoluteHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function blockErrors(block: BodyBlock, index: number): FieldError[] {
  const at = `body.${index}`;
  if (!(BLOCK_TYPES as readonly string[]).includes((block as { type: string }).type)) {
    return [{ field: `${at}.type`, message: `type must be one of ${BLOCK_TYPES.join(', ')}` }];
  }
  if (block.type === 'list')
    return block.items.length === 0 || block.items.some((i) => i === '') ? [{ field: `${at}.items`, message: 'items must be non-empty text' }] : [];
  if (block.type === 'image') return [];
  return block.text === '' ? [{ field: `${at}.text`, message: 'text must not be empty' }] : [];
}

/** Every rule a normalised snapshot must meet; [] when it may be stored. */
export function editorialErrors(s: EditorialSnapshot): FieldError[] {
  const errors: FieldError[] = [];
  if (s.headline === '') errors.push({ field: 'headline', message: 'headline must not be empty' });
  if (s.headline.length > LIMITS.headline) errors.push({ field: 'headline', message: `headline must be at most ${LIMITS.headline} characters` });
  if (!LANGUAGE_TAG.test(s.language)) errors.push({ field: 'language', message: 'language must be a language tag such as zh-Hans or en' });
  if (s.tags.length > LIMITS.tags) errors.push({ field: 'tags', message: `at most ${LIMITS.tags} tags` });
  if (s.authors.length > LIMITS.authors) errors.push({ field: 'authors', message: `at most ${LIMITS.authors} authors` });
  if ((s.seoTitle?.length ?? 0) > LIMITS.seoTitle) errors.push({ field: 'seoTitle', message: `seoTitle must be at most ${LIMITS.seoTitle} characters` });
  if ((s.seoDescription?.length ?? 0) > LIMITS.seoDescription)
    errors.push({ field: 'seoDescription', message: `seoDescription must be at most ${LIMITS.seoDescription} characters` });
  if (s.canonicalUrl !== null && (s.canonicalUrl.length > LIMITS.canonicalUrl || !isAbsoluteHttpUrl(s.canonicalUrl)))
    errors.push({ field: 'canonicalUrl', message: 'canonicalUrl must be an absolute http(s) URL' });
  errors.push(...bodySizeErrors(s.body));
  s.body.forEach((block, index) => errors.push(...blockErrors(block, index)));
  return errors;
}
