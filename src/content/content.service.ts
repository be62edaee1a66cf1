// The public read side: published stories and the section tree, with validators for caching.
import { Injectable } from '@nestjs/common';
import { CategoriesService } from '../categories/categories.service.js';
import { decodeCursor, encodeCursor, type Page } from '../common/cursor.js';
import { NotFoundProblem } from '../common/problem.js';
import { ContentRepository } from './content.repository.js';
import { contentEtag, toContentArticle, toContentCategory, toContentSummary } from './content.mapper.js';
import type { ContentArticleDto, ContentArticleSummaryDto, ContentCategoryDto, ListContentQueryDto } from './dto/content.dto.js';

export interface Cacheable<T> {
  body: T;
  etag: string;
}

const DEFAULT_PAGE_SIZE = 20;

@Injectable()
export class ContentService {
  constructor(
    private readonly repository: ContentRepository,
    private readonly categories: CategoriesService,
  ) {}

  /** Published stories, newest first; `category` includes its sub-sections (404 for an unknown one). */
  async listArticles(query: ListContentQueryDto): Promise<Cacheable<Page<ContentArticleSummaryDto>>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const categoryIds = query.category === undefined ? undefined : await this.sectionIds(query.category);
    const rows = await this.repository.list({ categoryIds, tag: query.tag, after: decodeContentCursor(query.cursor), limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const nextCursor = rows.length > limit && last ? encodeCursor({ p: last.published_at.toISOString(), id: last.article_id }) : null;
    // The page's stories and their versions identify it: a republish, an unpublish or a new story changes it.
    const etag = contentEtag(nextCursor, ...page.flatMap((r) => [r.article_id, r.updated_at.toISOString()]));
    return { body: { items: page.map(toContentSummary), nextCursor }, etag };
  }

  async getArticle(slug: string): Promise<Cacheable<ContentArticleDto>> {
    const row = await this.repository.bySlug(slug);
    if (!row) throw new NotFoundProblem('The article');
    return { body: toContentArticle(row), etag: contentEtag(row.article_id, row.updated_at.toISOString()) };
  }

  async categoryTree(): Promise<Cacheable<{ items: ContentCategoryDto[]; nextCursor: null }>> {
    const items = (await this.categories.tree()).map(toContentCategory);
    return { body: { items, nextCursor: null }, etag: contentEtag(JSON.stringify(items)) };
  }

  private async sectionIds(slug: string): Promise<string[]> {
    const ids = await this.categories.subtreeIdsBySlug(slug);
    if (!ids) throw new NotFoundProblem('The category');
    return ids;
  }
}

function decodeContentCursor(cursor: string | undefined): { publishedAt: string; articleId: string } | undefined {
  const after = decodeCursor(cursor, { p: 'timestamp', id: 'uuid' });
  return after ? { publishedAt: after.p, articleId: after.id } : undefined;
}
