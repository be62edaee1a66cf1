import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module.js';
import { MediaModule } from '../media/media.module.js';
import { SearchModule } from '../search/search.module.js';
import { ArticleReferences } from './article-references.service.js';
import { ArticleWorkflowController } from './article-workflow.controller.js';
import { ArticleWorkflowService } from './article-workflow.service.js';
import { ArticlesController } from './articles.controller.js';
import { ArticlesRepository } from './articles.repository.js';
import { ArticlesService } from './articles.service.js';
import { DeskController } from './desk.controller.js';
import { CorrectionsController } from './corrections.controller.js';
import { CorrectionsService } from './corrections.service.js';
import { EditorialStore } from './editorial-store.service.js';
import { RevisionsController } from './revisions.controller.js';
import { RevisionsService } from './revisions.service.js';

@Module({
  imports: [MediaModule, CategoriesModule, SearchModule],
  controllers: [ArticlesController, ArticleWorkflowController, RevisionsController, DeskController, CorrectionsController],
  providers: [ArticlesService, ArticleWorkflowService, RevisionsService, CorrectionsService, ArticlesRepository, EditorialStore, ArticleReferences],
  exports: [ArticlesService, ArticleWorkflowService, EditorialStore, ArticlesRepository],
})
export class ArticlesModule {}
