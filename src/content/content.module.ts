import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module.js';
import { DistributionModule } from '../distribution/distribution.module.js';
import { SearchModule } from '../search/search.module.js';
import { ContentCache } from './content-cache.service.js';
import { ContentChangeNotifier } from './content-changes.js';
import { ContentEdgeInstaller } from './content-edge.js';
import { ContentSearchController } from './content-search.controller.js';
import { ContentSearchService } from './content-search.service.js';
import { ContentViews } from './content-views.js';
import { ContentController } from './content.controller.js';
import { ContentRepository } from './content.repository.js';
import { ContentService } from './content.service.js';
import { FeedsController } from './feeds.controller.js';
import { FeedsService } from './feeds.service.js';
import { PreviewController } from './preview.controller.js';
import { PreviewService } from './preview.service.js';
import { PublicResponseInterceptor } from './public-response.js';
import { SitemapsController } from './sitemaps.controller.js';
import { StoryPresenter } from './story-presenter.js';

/** Every public read: the content API, feeds, sitemaps, robots.txt and preview links, through one response cache. */
@Module({
  imports: [CategoriesModule, SearchModule, DistributionModule],
  controllers: [ContentController, ContentSearchController, FeedsController, SitemapsController, PreviewController],
  providers: [
    ContentService,
    ContentRepository,
    ContentCache,
    ContentChangeNotifier,
    ContentSearchService,
    ContentViews,
    StoryPresenter,
    FeedsService,
    PreviewService,
    PublicResponseInterceptor,
    ContentEdgeInstaller,
  ],
  exports: [ContentRepository, ContentCache],
})
export class ContentModule {}
