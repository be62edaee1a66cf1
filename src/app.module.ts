import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ArticlesModule } from './articles/articles.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CategoriesModule } from './categories/categories.module.js';
import { ConsoleHostModule } from './console-host/console-host.module.js';
import { requestContextMiddleware } from './common/request-context.js';
import type { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { ContentModule } from './content/content.module.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { DeskModule } from './desk/desk.module.js';
import { HealthModule } from './health/health.module.js';
import { HousekeepingModule } from './housekeeping/housekeeping.module.js';
import { ImporterModule } from './importer/importer.module.js';
import { loggerOptions } from './logging.js';
import { MediaModule } from './media/media.module.js';
import { SchedulerModule } from './scheduler/scheduler.module.js';
import { SearchModule } from './search/search.module.js';
import { UsersModule } from './users/users.module.js';

/** The application. `config.databaseUrl` must be resolved (embedded database started) before this. */
@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig & { databaseUrl: string }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        AuditModule,
        AuthModule,
        HealthModule,
        MediaModule,
        UsersModule,
        CategoriesModule,
        ArticlesModule,
        ContentModule,
        SchedulerModule,
        HousekeepingModule,
        SearchModule,
        ImporterModule,
        DeskModule,
        ConsoleHostModule,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestContextMiddleware).forRoutes('*path');
  }
}
