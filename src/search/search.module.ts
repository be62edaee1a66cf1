import { Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { StoryIndexSync } from './story-index-sync.js';
import { SearchIndexService } from './search-index.service.js';
import { SearchQueryService } from './search-query.service.js';
import { SearchRepository } from './search.repository.js';
import { getTokenizer, NewsTokenizer } from './tokenizer.js';

/**
 * Chinese-aware full-text search: keeps the index in step with stories (StoryIndexSync, an
 * editorial-event subscriber) and answers queries, for the admin list (`q`) and the public search
 * route (in content/). Exports the index for the reindex command.
 */
@Module({
  providers: [
    { provide: NewsTokenizer, useFactory: (config: AppConfig) => getTokenizer(config.searchDictionaryPaths), inject: [APP_CONFIG] },
    SearchRepository,
    SearchIndexService,
    SearchQueryService,
    StoryIndexSync,
  ],
  exports: [SearchIndexService, SearchQueryService],
})
export class SearchModule {}
