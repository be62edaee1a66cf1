// The working copy's editorial columns and a revision snapshot are the same fields; these convert.
import type { Article } from './article.entity.js';
import { diffSnapshots, type EditorialSnapshot } from './revision-diff.js';

export type EditorialColumns = Pick<
  Article,
  | 'headline'
  | 'subheadline'
  | 'slug'
  | 'dateline'
  | 'language'
  | 'body'
  | 'excerpt'
  | 'featuredImage'
  | 'categoryId'
  | 'tags'
  | 'authorIds'
  | 'byline'
  | 'seoTitle'
  | 'seoDescription'
  | 'canonicalUrl'
  | 'socialImage'
  | 'corrections'
>;

export function snapshotOf(article: EditorialColumns): EditorialSnapshot {
  return {
    headline: article.headline,
    subheadline: article.subheadline,
    slug: article.slug,
    dateline: article.dateline,
    language: article.language,
    body: article.body,
    excerpt: article.excerpt,
    featuredImage: article.featuredImage,
    categoryId: article.categoryId,
    tags: article.tags,
    authors: article.authorIds,
    byline: article.byline,
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    canonicalUrl: article.canonicalUrl,
    socialImage: article.socialImage,
    corrections: article.corrections,
  };
}

export function columnsOf(s: EditorialSnapshot): EditorialColumns {
  return {
    headline: s.headline,
    subheadline: s.subheadline,
    slug: s.slug,
    dateline: s.dateline,
    language: s.language,
    body: s.body,
    excerpt: s.excerpt,
    featuredImage: s.featuredImage,
    categoryId: s.categoryId,
    tags: s.tags,
    authorIds: s.authors,
    byline: s.byline,
    seoTitle: s.seoTitle,
    seoDescription: s.seoDescription,
    canonicalUrl: s.canonicalUrl,
    socialImage: s.socialImage,
    corrections: s.corrections,
  };
}

/** Whether two snapshots differ in anything an editor could see (null and absent count as equal). */
export const sameSnapshot = (a: EditorialSnapshot, b: EditorialSnapshot): boolean => diffSnapshots(a, b, false).length === 0;
