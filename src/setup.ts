// HTTP-level setup shared by main.ts and the end-to-end tests, so tests exercise what runs.
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ProblemFilter } from './common/problem.filter.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/config.js';

export function configureApp(app: NestExpressApplication, config: AppConfig): INestApplication {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Helmet's strict defaults everywhere; Swagger UI (/docs) alone needs inline scripts. The console
  // (/admin) sets its own, stricter policy (src/console-host).
  app.use(helmet());
  app.use('/docs', helmet.contentSecurityPolicy({ directives: { 'script-src': ["'self'", "'unsafe-inline'"] } }));
  if (config.corsOrigins) app.enableCors({ origin: config.corsOrigins, exposedHeaders: ['ETag', 'x-request-id', 'Retry-After'] });
  app.useBodyParser('json', { limit: '2mb' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  setupOpenApi(app);
  return app;
}

function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json', yamlDocumentUrl: 'docs/openapi.yaml' });
}

/** The API's OpenAPI document, as served at /docs/openapi.json (also what the console's typed client is generated from). */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Masthead API')
      .setDescription(
        'Editorial content management for newsrooms. Admin routes (/api/admin, /api/auth/me) need a Bearer access token from POST /api/auth/login; ' +
          'each states the permission it requires. Errors are RFC 9457 application/problem+json. Content routes (/api/content, /media) are public and cacheable.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
}
