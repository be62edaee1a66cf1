// The reader's view: no ids, versions, statuses or overrides; photos with their effective words.
import { createHash } from 'node:crypto';
import type { ResolvedBlock, ResolvedPhoto } from '../articles/photos.js';
import type { Category } from '../categories/category.entity.js';
import type { Tree } from '../categories/category-tree.js';
import type { ContentRow } from './content.repository.js';
import type { ContentArticleDto, ContentArticleSummaryDto, ContentCategoryDto, ContentPhotoDto } from './dto/content.dto.js';

function toContentPhoto(photo: ResolvedPhoto): ContentPhotoDto {
  return {
    caption: photo.caption,
    credit: photo.credit,
    altText: photo.altText,
    width: photo.width,
    height: photo.height,
    renditions: photo.renditions,
  };
}

function toContentBlock(block: ResolvedBlock): unknown {
  return block.type === 'image' ? { type: 'image', ...toContentPhoto(block) } : block;
}

export function toContentSummary(row: ContentRow): ContentArticleSummaryDto {
  return {
    slug: row.slug,
    headline: row.headline,
    subheadline: row.subheadline,
    dateline: row.dateline,
    language: row.language,
    excerpt: row.excerpt,
    featuredImage: row.featured_image ? toContentPhoto(row.featured_image) : null,
    category: row.category_slug && row.category_name ? { name: row.category_name, slug: row.category_slug } : null,
    tags: row.tags,
    authors: row.authors.map((a) => ({ displayName: a.displayName })),
    byline: row.byline,
    publishedAt: row.published_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toContentArticle(row: ContentRow): ContentArticleDto {
  return { ...toContentSummary(row), body: (row.body ?? []).map(toContentBlock) };
}

export function toContentCategory(node: Tree<Category>): ContentCategoryDto {
  return { name: node.name, slug: node.slug, description: node.description, children: node.children.map(toContentCategory) };
}

/** A strong validator from what identifies a representation's version. */
export function contentEtag(...parts: Array<string | number | null>): string {
  return `"${createHash('sha256')
    .update(parts.map((p) => String(p)).join('\u0000'))
    .digest('base64url')
    .slice(0, 27)}"`;
}
