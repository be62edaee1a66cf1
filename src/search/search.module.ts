import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ContentModule } from '../content/content.module.js';
import type { AppConfig } from '../config/config.js';
import { ArticleSearchSync } from './article-search-sync.js';
import { PublicSearchService } from './public-search.service.js';
import { SearchIndexService } from './search-index.service.js';
import { SearchQueryService } from './search-query.service.js';
import { SearchController } from './search.controller.js';
import { SearchRepository } from './search.repository.js';
import { getTokenizer, NewsTokenizer } from './tokenizer.js';

/**
 * Chinese-aware full-text search. Exports the index (for writers that bypass EditorialStore) and
 * the queries (`searchAdmin` for `q` on the admin article list).
 */
@Module({
  imports: [CategoriesModule, ContentModule],
  controllers: [SearchController],
  providers: [
    { provide: NewsTokenizer, useFactory: (config: AppConfig) => getTokenizer(config.searchDictionaryPaths), inject: [APP_CONFIG] },
    SearchRepository,
    SearchIndexService,
    SearchQueryService,
    PublicSearchService,
    ArticleSearchSync,
  ],
  exports: [SearchIndexService, SearchQueryService],
})
export class SearchModule {}
