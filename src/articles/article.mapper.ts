// Admin view of a story, built from the entity plus what it refers to (loaded in batches by the presenter).
import type { Permission } from '../access/permissions.js';
import type { MediaAsset } from '../media/media-asset.entity.js';
import type { Article } from './article.entity.js';
import type { SectionRef } from './articles.repository.js';
import type { AdminPhotoDto, ArticleResponseDto, RevisionResponseDto, RevisionSummaryDto, StaffRefDto } from './dto/article-response.dto.js';
import type { ArticleRevision } from './article-revision.entity.js';
import { effectiveExcerpt } from './excerpt.js';
import { resolvePhoto } from './photos.js';
import type { FeaturedImage, ImageBlock } from './revision-diff.js';
import { actionsNow } from './embargo.js';

export interface References {
  assets: ReadonlyMap<string, MediaAsset>;
  categories: ReadonlyMap<string, SectionRef>;
  /** Staff display names by user id. */
  staff: ReadonlyMap<string, string>;
}

function adminPhoto(image: FeaturedImage | ImageBlock, assets: ReadonlyMap<string, MediaAsset>): AdminPhotoDto {
  const asset = assets.get(image.mediaId);
  return {
    ...resolvePhoto(image, asset),
    overrides: { caption: image.caption ?? null, credit: image.credit ?? null, altText: image.altText ?? null },
    placeholder: asset?.status === 'placeholder',
  };
}

const staffRef = (id: string, staff: ReadonlyMap<string, string>): StaffRefDto => ({ id, displayName: staff.get(id) ?? '(former staff)' });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toArticleResponse(a: Article, refs: References, permissions: ReadonlySet<Permission>): ArticleResponseDto {
  const category = a.categoryId ? refs.categories.get(a.categoryId) : undefined;
  return {
    id: a.id,
    slug: a.slug,
    status: a.status,
    version: a.version,
    headline: a.headline,
    subheadline: a.subheadline,
    dateline: a.dateline,
    language: a.language,
    body: a.body.map((block) => (block.type === 'image' ? { type: 'image', ...adminPhoto(block, refs.assets) } : block)),
    excerpt: effectiveExcerpt(a.excerpt, a.body),
    excerptDerived: a.excerpt === null,
    featuredImage: a.featuredImage ? adminPhoto(a.featuredImage, refs.assets) : null,
    categoryId: a.categoryId,
    category: category ? { id: category.id, name: category.name, slug: category.slug } : null,
    tags: a.tags,
    authors: a.authorIds.map((id) => staffRef(id, refs.staff)),
    byline: a.byline,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    canonicalUrl: a.canonicalUrl,
    socialImage: a.socialImage,
    corrections: a.corrections,
    createdBy: a.createdById ? staffRef(a.createdById, refs.staff) : null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    publishedAt: iso(a.publishedAt),
    scheduledAt: iso(a.scheduledAt),
    embargoUntil: iso(a.embargoUntil),
    currentRevision: a.currentRevision,
    publishedRevision: a.publishedRevision,
    source: a.source,
    reviewNote: a.reviewNote,
    allowedActions: actionsNow(a, permissions),
  };
}

export function toRevisionSummary(r: ArticleRevision, staff: ReadonlyMap<string, string>): RevisionSummaryDto {
  return {
    number: r.number,
    reason: r.reason,
    note: r.note,
    author: r.authorId ? staffRef(r.authorId, staff) : null,
    createdAt: r.createdAt.toISOString(),
    headline: r.snapshot.headline,
  };
}

export function toRevisionResponse(r: ArticleRevision, staff: ReadonlyMap<string, string>): RevisionResponseDto {
  return { ...toRevisionSummary(r, staff), snapshot: { ...r.snapshot } };
}
