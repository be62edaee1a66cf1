import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ArticlesModule } from './articles/articles.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CategoriesModule } from './categories/categories.module.js';
import { ConsoleHostModule } from './console-host/console-host.module.js';
import { requestContextMiddleware } from './common/request-context.js';
import { ResponseHeadersInterceptor } from './common/response-headers.js';
import type { ResolvedConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { ContentModule } from './content/content.module.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { ReadReplicasModule } from './database/read-replicas.module.js';
import { WebhooksModule } from './distribution/webhooks/webhooks.module.js';
import { EventsModule } from './events/events.module.js';
import { HealthModule } from './health/health.module.js';
import { HousekeepingModule } from './housekeeping/housekeeping.module.js';
import { ImporterModule } from './importer/importer.module.js';
import { loggerOptions } from './common/logging.js';
import { MediaModule } from './media/media.module.js';
import { SchedulerModule } from './scheduler/scheduler.module.js';
import { SearchModule } from './search/search.module.js';
import { UsersModule } from './users/users.module.js';
import { entities } from './entities.js';

/** The application. `config.databaseUrl` must be resolved (embedded database started) before this. */
@Module({})
export class AppModule implements NestModule {
  static forRoot(config: ResolvedConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, { entities })),
        ReadReplicasModule,
        EventsModule,
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
        ConsoleHostModule,
        WebhooksModule,
      ],
      providers: [{ provide: APP_INTERCEPTOR, useClass: ResponseHeadersInterceptor }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestContextMiddleware).forRoutes('*path');
  }
}
