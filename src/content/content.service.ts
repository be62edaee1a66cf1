// The public read side: published stories and the section tree, as JSON or ninjs, in the requested
// script variant, from the response cache when it holds them.
import { Injectable } from '@nestjs/common';
import { CategoriesService } from '../categories/categories.service.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { NotFoundProblem } from '../common/problem.js';
import { NINJS_MEDIA_TYPE, toNinjs } from '../distribution/ninjs/ninjs.js';
import { SiteLinks } from '../distribution/site-links.js';
import type { ScriptVariant } from '../distribution/variants/script-variants.js';
import { ContentCache, type CachedResponse } from './content-cache.service.js';
import { contentEtag, toContentCategory, toContentSummary } from './content.mapper.js';
import { ContentRepository } from './content.repository.js';
import { ContentViews } from './content-views.js';
import type { ArticleQueryDto, ListContentQueryDto, VariantQueryDto } from './dto/content.dto.js';
import { StoryPresenter } from './story-presenter.js';

const DEFAULT_PAGE_SIZE = 20;

@Injectable()
export class ContentService {
  constructor(
    private readonly repository: ContentRepository,
    private readonly categories: CategoriesService,
    private readonly cache: ContentCache,
    private readonly views: ContentViews,
    private readonly stories: StoryPresenter,
    private readonly links: SiteLinks,
  ) {}

  /** Published stories, newest first; `category` includes its sub-sections (404 for an unknown one). */
  listArticles(query: ListContentQueryDto, key: string): Promise<CachedResponse> {
    return this.cache.get(key, async () => {
      const limit = query.limit ?? DEFAULT_PAGE_SIZE;
      const categoryIds = query.category === undefined ? undefined : await this.sectionIds(query.category);
      const rows = await this.repository.list({ categoryIds, tag: query.tag, after: decodeContentCursor(query.cursor), limit: limit + 1 });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const nextCursor = rows.length > limit && last ? encodeCursor({ p: last.published_at.toISOString(), id: last.article_id }) : null;
      const view = await this.views.view(query.variant);
      const items = page.map((row) => toContentSummary(row, view));
      // The page's stories and their versions identify it: a republish, an unpublish or a new story changes it.
      const base = contentEtag(nextCursor, ...page.flatMap((r) => [r.article_id, r.updated_at.toISOString()]));
      return this.views.json({ items, nextCursor }, base, view);
    });
  }

  /** One story, as the content API's JSON or as ninjs (`ninjs` from Accept or `format`); 404 when not published. */
  article(slug: string, query: ArticleQueryDto, acceptsNinjs: boolean, key: string): Promise<CachedResponse> {
    const ninjs = query.format === 'ninjs' || (query.format === undefined && acceptsNinjs);
    // The same URL answers JSON or ninjs by Accept: each is cached on its own.
    return this.cache.get(ninjs ? `${key}#ninjs` : key, async () => {
      const row = await this.repository.bySlug(slug);
      if (!row) throw new NotFoundProblem('The article');
      const view = await this.views.view(query.variant);
      const story = this.stories.present(row, view);
      const base = contentEtag(row.article_id, row.updated_at.toISOString());
      const negotiated = { vary: 'Accept', language: story.language };
      if (!ninjs) return this.views.json(story, base, view, negotiated);
      const document = toNinjs(story, { uri: this.links.public(`/api/content/articles/${row.slug}`), url: story.url, absolute: (p) => this.links.public(p) });
      return { body: JSON.stringify(document), etag: this.views.etag(base, view, 'ninjs'), contentType: NINJS_MEDIA_TYPE, ...negotiated };
    });
  }

  categoryTree(query: VariantQueryDto, key: string): Promise<CachedResponse> {
    return this.cache.get(key, async () => {
      const view = await this.views.view(query.variant);
      const items = (await this.categories.tree()).map((node) => toContentCategory(node, view));
      return this.views.json({ items, nextCursor: null }, contentEtag(JSON.stringify(items)), view);
    });
  }

  private async sectionIds(slug: string): Promise<string[]> {
    const ids = await this.categories.subtreeIdsBySlug(slug);
    if (!ids) throw new NotFoundProblem('The category');
    return ids;
  }
}

export type Variant = ScriptVariant | undefined;

function decodeContentCursor(cursor: string | undefined): { publishedAt: string; articleId: string } | undefined {
  const after = decodeCursor(cursor, { p: 'timestamp', id: 'uuid' });
  return after ? { publishedAt: after.p, articleId: after.id } : undefined;
}
