// The working copy a preview token opens, in the content API's story shape: never cached, never
// indexed. Drafts and stories never published included.
import { Injectable } from '@nestjs/common';
import type { PublishedArticle } from '../articles/published-article.entity.js';
import { CategoriesService } from '../categories/categories.service.js';
import { PreviewsService } from '../distribution/previews/previews.service.js';
import type { ScriptVariant } from '../distribution/variants/script-variants.js';
import { contentEtag } from './content.mapper.js';
import type { ContentRow } from './content.repository.js';
import { ContentViews, JSON_TYPE } from './content-views.js';
import type { ContentPreviewDto } from './dto/content.dto.js';
import type { PrivateResponse } from './public-response.js';
import { StoryPresenter } from './story-presenter.js';

@Injectable()
export class PreviewService {
  constructor(
    private readonly previews: PreviewsService,
    private readonly categories: CategoriesService,
    private readonly views: ContentViews,
    private readonly stories: StoryPresenter,
  ) {}

  /** 404 for a forged or revoked token, 410 for an expired one. */
  async open(token: string, variant: ScriptVariant | undefined): Promise<PrivateResponse> {
    const opened = await this.previews.open(token);
    const row = await this.rowOf(opened.story);
    // Editors see every photo of their own working copy.
    const view = { ...(await this.views.view(variant)), hiddenPhotos: new Set<string>() };
    const preview: ContentPreviewDto = { ...this.stories.present(row, view), preview: true, status: opened.status, expiresAt: opened.expiresAt.toISOString() };
    const body = JSON.stringify(preview);
    return { body, etag: contentEtag(body), contentType: JSON_TYPE, language: preview.language, private: true };
  }

  private async rowOf(story: PublishedArticle): Promise<ContentRow> {
    const category = story.categoryId ? await this.categories.get(story.categoryId).catch(() => null) : null;
    return {
      article_id: story.articleId,
      slug: story.slug,
      headline: story.headline,
      subheadline: story.subheadline,
      dateline: story.dateline,
      language: story.language,
      excerpt: story.excerpt,
      featured_image: story.featuredImage,
      tags: story.tags,
      authors: story.authors,
      byline: story.byline,
      published_at: story.publishedAt,
      updated_at: story.updatedAt,
      category_name: category?.name ?? null,
      category_slug: category?.slug ?? null,
      body: story.body,
      corrections: story.corrections,
      seo_title: story.seoTitle,
      seo_description: story.seoDescription,
      canonical_url: story.canonicalUrl,
      social_image: story.socialImage,
    };
  }
}
