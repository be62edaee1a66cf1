import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module.js';
import { SearchModule } from '../search/search.module.js';
import { ContentCache } from './content-cache.service.js';
import { ContentChangeNotifier } from './content-changes.js';
import { ContentSearchController } from './content-search.controller.js';
import { ContentSearchService } from './content-search.service.js';
import { ContentController } from './content.controller.js';
import { ContentRepository } from './content.repository.js';
import { ContentService } from './content.service.js';

@Module({
  imports: [CategoriesModule, SearchModule],
  controllers: [ContentController, ContentSearchController],
  providers: [ContentService, ContentRepository, ContentCache, ContentChangeNotifier, ContentSearchService],
  exports: [ContentRepository, ContentCache],
})
export class ContentModule {}
