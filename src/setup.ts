// HTTP-level setup shared by main.ts and the end-to-end tests, so tests exercise what runs.
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ProblemFilter } from './common/problem.filter.js';
import { JSON_BODY_LIMIT_BYTES, requestBudget, verifyJsonBody } from './common/request-budget.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/config.js';

export function configureApp(app: NestExpressApplication, config: AppConfig): INestApplication {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Swagger UI needs inline scripts and styles; everything else keeps helmet's strict defaults.
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"] } } }));
  if (config.corsOrigins) app.enableCors({ origin: config.corsOrigins, exposedHeaders: ['ETag', 'x-request-id', 'Retry-After'] });
  app.use(requestBudget);
  // Nest's typing leaves `verify` out because rawBody mode would replace it; this app never turns rawBody on.
  const json = { limit: JSON_BODY_LIMIT_BYTES, verify: verifyJsonBody };
  app.useBodyParser('json', json);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  setupOpenApi(app);
  return app;
}

function setupOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
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
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json', yamlDocumentUrl: 'docs/openapi.yaml' });
}
