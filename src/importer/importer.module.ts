import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module.js';
import { CategoriesModule } from '../categories/categories.module.js';
import { MediaModule } from '../media/media.module.js';
import { ImportRepository } from './import.repository.js';
import { ImportService } from './import.service.js';
import { ImportsController } from './imports.controller.js';
import { InitialContentService } from './initial-content.service.js';
import { PageWriter } from './page-writer.service.js';

/** Newspaper pages in, stories out: the imports API, the seed on first start, and (through these services) the CLI. */
@Module({
  imports: [ArticlesModule, CategoriesModule, MediaModule],
  controllers: [ImportsController],
  providers: [ImportService, InitialContentService, ImportRepository, PageWriter],
  exports: [ImportService, InitialContentService],
})
export class ImporterModule {}
