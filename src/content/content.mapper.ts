// The reader's view: no ids, versions, statuses or overrides; photos with their effective words,
// in the requested script, and none that an embargo keeps private.
import { createHash } from 'node:crypto';
import type { ResolvedBlock, ResolvedPhoto } from '../articles/photos.js';
import type { Category } from '../categories/category.entity.js';
import type { Tree } from '../categories/category-tree.js';
import type { TextConverter } from '../distribution/variants/script-variants.js';
import type { ContentRow } from './content.repository.js';
import type { ContentView } from './content-view.js';
import type { ContentArticleSummaryDto, ContentCategoryDto, ContentPhotoDto } from './dto/content.dto.js';

/** A story without its SEO fields: what the content service completes with links it knows. */
export type ContentArticleBase = ContentArticleSummaryDto & { body: unknown[]; corrections: Array<{ text: string; at: string }> };

const convertNullable = (t: TextConverter, text: string | null) => (text === null ? null : t(text));

/** The photo as readers see it, or null when an embargo keeps it private (recorded in `view.withheld`). */
export function toContentPhoto(photo: ResolvedPhoto, t: TextConverter, view: ContentView): ContentPhotoDto | null {
  if (view.hiddenPhotos.has(photo.mediaId)) {
    view.withheld.add(photo.mediaId);
    return null;
  }
  return {
    caption: convertNullable(t, photo.caption),
    credit: convertNullable(t, photo.credit),
    altText: convertNullable(t, photo.altText),
    width: photo.width,
    height: photo.height,
    renditions: photo.renditions,
  };
}

function toContentBlock(block: ResolvedBlock, t: TextConverter, view: ContentView): unknown {
  switch (block.type) {
    case 'image': {
      const photo = toContentPhoto(block, t, view);
      return photo ? { type: 'image', ...photo } : null;
    }
    case 'paragraph':
    case 'subheading':
      return { type: block.type, text: t(block.text) };
    case 'quote':
      return { type: 'quote', text: t(block.text), attribution: convertNullable(t, block.attribution ?? null) };
    case 'list':
      return { type: 'list', items: block.items.map(t) };
    default:
      return block;
  }
}

export function toContentSummary(row: ContentRow, view: ContentView): ContentArticleSummaryDto {
  const t = view.textFor(row.language);
  return {
    slug: row.slug,
    headline: t(row.headline),
    subheadline: convertNullable(t, row.subheadline),
    dateline: convertNullable(t, row.dateline),
    language: view.languageFor(row.language),
    excerpt: convertNullable(t, row.excerpt),
    featuredImage: row.featured_image ? toContentPhoto(row.featured_image, t, view) : null,
    category: row.category_slug && row.category_name ? { name: t(row.category_name), slug: row.category_slug } : null,
    tags: row.tags,
    authors: row.authors.map((a) => ({ displayName: a.displayName })),
    byline: convertNullable(t, row.byline),
    publishedAt: row.published_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toContentArticleBase(row: ContentRow, view: ContentView): ContentArticleBase {
  const t = view.textFor(row.language);
  return {
    ...toContentSummary(row, view),
    body: (row.body ?? []).map((block) => toContentBlock(block, t, view)).filter((block) => block !== null),
    corrections: (row.corrections ?? []).map((c) => ({ text: t(c.text), at: c.at })),
  };
}

/** Section names follow the view's script; they are written in the newsroom's own (taken as simplified). */
export function toContentCategory(node: Tree<Category>, view: ContentView): ContentCategoryDto {
  const t = view.textFor('zh-Hans');
  return {
    name: t(node.name),
    slug: node.slug,
    description: convertNullable(t, node.description),
    children: node.children.map((child) => toContentCategory(child, view)),
  };
}

/** A strong validator from what identifies a representation's version. */
export function contentEtag(...parts: Array<string | number | null>): string {
  return `"${createHash('sha256')
    .update(parts.map((p) => String(p)).join('\u0000'))
    .digest('base64url')
    .slice(0, 27)}"`;
}
