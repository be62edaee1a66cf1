import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module.js';
import { SchedulerService } from './scheduler.service.js';

@Module({ imports: [ArticlesModule], providers: [SchedulerService], exports: [SchedulerService] })
export class SchedulerModule {}
