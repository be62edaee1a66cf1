// The reader's search: a section slug becomes its subtree, hits become the reader's view (no ids,
// no ranks), and the page gets a validator for caches, like every other content response.
import { Injectable } from '@nestjs/common';
import { CategoriesService } from '../categories/categories.service.js';
import type { Page } from '../common/cursor.js';
import { NotFoundProblem } from '../common/problem.js';
import { contentEtag } from './content.mapper.js';
import type { ContentSearchHitDto, SearchContentQueryDto } from './dto/content-search.dto.js';
import { SearchQueryService, type PublicSearchHit } from '../search/search-query.service.js';

export interface CacheableSearchPage {
  body: Page<ContentSearchHitDto>;
  etag: string;
}

export function toContentSearchHit(hit: PublicSearchHit): ContentSearchHitDto {
  return {
    slug: hit.slug,
    headline: hit.headline,
    headlineHighlighted: hit.headlineHighlighted,
    subheadline: hit.subheadline,
    dateline: hit.dateline,
    excerpt: hit.excerpt,
    snippet: hit.snippet,
    category: hit.category,
    publishedAt: hit.publishedAt.toISOString(),
    updatedAt: hit.updatedAt.toISOString(),
  };
}

@Injectable()
export class ContentSearchService {
  constructor(
    private readonly queries: SearchQueryService,
    private readonly categories: CategoriesService,
  ) {}

  /** 404 for an unknown section; 422 for a bad query, cursor or limit. */
  async search(query: SearchContentQueryDto): Promise<CacheableSearchPage> {
    const categoryIds = query.category === undefined ? undefined : await this.sectionIds(query.category);
    const page = await this.queries.searchPublished({ q: query.q, categoryIds, cursor: query.cursor, limit: query.limit });
    // The stories on the page and their versions identify it; the query is in the URL (the cache key).
    const etag = contentEtag(page.nextCursor, ...page.items.flatMap((hit) => [hit.articleId, hit.updatedAt.toISOString()]));
    return { body: { items: page.items.map(toContentSearchHit), nextCursor: page.nextCursor }, etag };
  }

  private async sectionIds(slug: string): Promise<string[]> {
    const ids = await this.categories.subtreeIdsBySlug(slug);
    if (!ids) throw new NotFoundProblem('The category');
    return ids;
  }
}
