import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module.js';
import { ContentCache } from './content-cache.service.js';
import { ContentController } from './content.controller.js';
import { ContentRepository } from './content.repository.js';
import { ContentService } from './content.service.js';

@Module({
  imports: [CategoriesModule],
  controllers: [ContentController],
  providers: [ContentService, ContentRepository, ContentCache],
  exports: [ContentRepository, ContentCache],
})
export class ContentModule {}
