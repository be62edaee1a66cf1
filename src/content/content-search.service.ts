// The reader's search: a section slug becomes its subtree, hits become the reader's view (no ids,
// no ranks), and the page gets a validator for caches, like every other content response.
import { Injectable } from '@nestjs/common';
import { CategoriesService } from '../categories/categories.service.js';
import { NotFoundProblem } from '../common/problem.js';
import { identity, type ScriptVariant, type TextConverter } from '../distribution/variants/script-variants.js';
import { VariantConverters } from '../distribution/variants/variant-converters.js';
import { ContentCache, type CachedResponse } from './content-cache.service.js';
import { contentEtag } from './content.mapper.js';
import type { ContentView } from './content-view.js';
import { ContentViews } from './content-views.js';
import type { ContentSearchHitDto, SearchContentQueryDto } from './dto/content-search.dto.js';
import { SearchQueryService, type PublicSearchHit } from '../search/search-query.service.js';

const maybe = (t: TextConverter, text: string | null) => (text === null ? null : t(text));

/** A hit in the view's script (highlights are HTML, whose ASCII markup conversion leaves alone). */
export function toContentSearchHit(hit: PublicSearchHit, t: TextConverter): ContentSearchHitDto {
  return {
    slug: hit.slug,
    headline: t(hit.headline),
    headlineHighlighted: t(hit.headlineHighlighted),
    subheadline: maybe(t, hit.subheadline),
    dateline: maybe(t, hit.dateline),
    excerpt: maybe(t, hit.excerpt),
    snippet: t(hit.snippet),
    category: hit.category ? { name: t(hit.category.name), slug: hit.category.slug } : null,
    publishedAt: hit.publishedAt.toISOString(),
    updatedAt: hit.updatedAt.toISOString(),
  };
}

@Injectable()
export class ContentSearchService {
  constructor(
    private readonly queries: SearchQueryService,
    private readonly categories: CategoriesService,
    private readonly cache: ContentCache,
    private readonly views: ContentViews,
    private readonly variants: VariantConverters,
  ) {}

  /** 404 for an unknown section; 422 for a bad query, cursor or limit. Errors are never cached. */
  search(query: SearchContentQueryDto, key: string): Promise<CachedResponse> {
    return this.cache.get(key, async () => {
      const categoryIds = query.category === undefined ? undefined : await this.sectionIds(query.category);
      const page = await this.queries.searchPublished({ q: query.q, categoryIds, cursor: query.cursor, limit: query.limit });
      const view = this.textView(query.variant);
      // Without a variant the text is served as written: no need to guess each hit's script.
      const items = page.items.map((hit) => toContentSearchHit(hit, view.variant ? this.views.textForUnknown(view, hit.headline) : identity));
      // The stories on the page and their versions identify it; the query is in the URL (the cache key).
      const base = contentEtag(page.nextCursor, ...page.items.flatMap((hit) => [hit.articleId, hit.updatedAt.toISOString()]));
      return this.views.json({ items, nextCursor: page.nextCursor }, base, view);
    });
  }

  /**
   * The view hits are rendered in. Hits carry no photos, so unlike ContentViews.view it does not
   * look up which photos embargoes keep private (a query per search that changed nothing here).
   */
  private textView(variant: ScriptVariant | undefined): ContentView {
    return {
      variant,
      textFor: (language) => this.variants.converterFor(variant, language),
      languageFor: (language) => this.variants.languageFor(variant, language),
      hiddenPhotos: new Set(),
      withheld: new Set(),
    };
  }

  private async sectionIds(slug: string): Promise<string[]> {
    const ids = await this.categories.subtreeIdsBySlug(slug);
    if (!ids) throw new NotFoundProblem('The category');
    return ids;
  }
}
