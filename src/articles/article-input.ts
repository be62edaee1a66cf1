// A story's editorial fields as services accept them (the HTTP DTOs and the importer both fit).
import type { AuthUser } from '../access/auth-user.js';
import { guessLanguage, normaliseSnapshot } from './editorial-rules.js';
import type { ArticleSource } from './article.entity.js';
import type { BodyBlock, EditorialSnapshot, FeaturedImage } from './revision-diff.js';
import type { SnapshotField } from './article-references.service.js';

export type Actor = Pick<AuthUser, 'id' | 'email'> | null;

/** `undefined` leaves a field as it is; `null` clears an optional one. */
export interface ArticleInput {
  headline?: string;
  subheadline?: string | null;
  slug?: string;
  dateline?: string | null;
  language?: string;
  body?: BodyBlock[];
  excerpt?: string | null;
  featuredImage?: FeaturedImage | null;
  categoryId?: string | null;
  tags?: string[];
  /** Staff user ids, in byline order. */
  authors?: string[];
  byline?: string | null;
  seoTitle?: string | null;
  seoDescription?: string | null;
  canonicalUrl?: string | null;
  /** A photo's media id. */
  socialImage?: string | null;
}

/** What a write through the API may carry besides the editorial fields. */
export interface WriteExtras {
  /** Revision note. */
  note?: string;
  /** ISO 8601; null lifts the embargo. */
  embargoUntil?: string | null;
}

export interface CreateOptions {
  /** Who creates it; null for the system. Becomes createdBy and, unless authors are given, the author. */
  actor: Actor;
  reason: 'create' | 'import';
  note?: string | null;
  source?: ArticleSource | null;
  embargoUntil?: Date | null;
}

/** The first snapshot of a new story; the slug is filled in by the caller. */
export function initialSnapshot(input: ArticleInput & { headline: string }, actor: Actor): EditorialSnapshot {
  return normaliseSnapshot({
    headline: input.headline,
    subheadline: input.subheadline ?? null,
    slug: '',
    dateline: input.dateline ?? null,
    language: input.language ?? guessLanguage(input.headline),
    body: input.body ?? [],
    excerpt: input.excerpt ?? null,
    featuredImage: input.featuredImage ?? null,
    categoryId: input.categoryId ?? null,
    tags: input.tags ?? [],
    authors: input.authors ?? (actor ? [actor.id] : []),
    byline: input.byline ?? null,
    seoTitle: input.seoTitle ?? null,
    seoDescription: input.seoDescription ?? null,
    canonicalUrl: input.canonicalUrl ?? null,
    socialImage: input.socialImage ?? null,
    corrections: [],
  });
}

/** The working copy with the input applied (slug untouched: the service decides it). */
export function applyInput(current: EditorialSnapshot, input: ArticleInput): EditorialSnapshot {
  return normaliseSnapshot({
    headline: input.headline ?? current.headline,
    subheadline: input.subheadline !== undefined ? input.subheadline : current.subheadline,
    slug: current.slug,
    dateline: input.dateline !== undefined ? input.dateline : current.dateline,
    language: input.language ?? current.language,
    body: input.body ?? current.body,
    excerpt: input.excerpt !== undefined ? input.excerpt : current.excerpt,
    featuredImage: input.featuredImage !== undefined ? input.featuredImage : current.featuredImage,
    categoryId: input.categoryId !== undefined ? input.categoryId : current.categoryId,
    tags: input.tags ?? current.tags,
    authors: input.authors ?? current.authors,
    byline: input.byline !== undefined ? input.byline : current.byline,
    seoTitle: input.seoTitle !== undefined ? input.seoTitle : current.seoTitle,
    seoDescription: input.seoDescription !== undefined ? input.seoDescription : current.seoDescription,
    canonicalUrl: input.canonicalUrl !== undefined ? input.canonicalUrl : current.canonicalUrl,
    socialImage: input.socialImage !== undefined ? input.socialImage : current.socialImage,
    // Corrections are appended through their own route, never set by an edit.
    corrections: current.corrections,
  });
}

const EDITORIAL_FIELDS: readonly SnapshotField[] = [
  'headline',
  'subheadline',
  'slug',
  'dateline',
  'language',
  'body',
  'excerpt',
  'featuredImage',
  'categoryId',
  'tags',
  'authors',
  'byline',
  'seoTitle',
  'seoDescription',
  'canonicalUrl',
  'socialImage',
];

/** The snapshot fields an input sets. */
export const fieldsIn = (input: ArticleInput): Set<SnapshotField> =>
  new Set(EDITORIAL_FIELDS.filter((f) => input[f as keyof ArticleInput] !== undefined));
