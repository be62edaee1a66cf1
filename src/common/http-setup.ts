// HTTP-level setup shared by main.ts and the end-to-end tests, so tests exercise what runs.
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PUBLIC_EXTENSION } from './openapi.js';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ProblemFilter } from './problem.filter.js';
import { JSON_BODY_LIMIT_BYTES, requestBudget, verifyJsonBody } from './request-budget.js';
import { createValidationPipe } from './validation.js';
import type { AppConfig } from '../config/config.js';

export function configureApp(app: NestExpressApplication, config: AppConfig): INestApplication {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Helmet's strict defaults everywhere; Swagger UI (/docs) alone needs inline scripts. The console
  // (/admin) sets its own, stricter policy (src/console-host).
  app.use(helmet());
  app.use('/docs', helmet.contentSecurityPolicy({ directives: { 'script-src': ["'self'", "'unsafe-inline'"] } }));
  if (config.corsOrigins) app.enableCors({ origin: config.corsOrigins, exposedHeaders: ['ETag', 'x-request-id', 'Retry-After'] });
  app.use(requestBudget);
  // Admin and session answers depend on who asks (allowed actions, the account itself) and can
  // change without a new version: no browser or shared cache keeps them. Routes that serve a file
  // (a photo's original) set their own Cache-Control after this.
  app.use(['/api/admin', '/api/auth'], (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Nest's typing leaves `verify` out because rawBody mode would replace it; this app never turns rawBody on.
  const json = { limit: JSON_BODY_LIMIT_BYTES, verify: verifyJsonBody };
  app.useBodyParser('json', json);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  setupOpenApi(app);
  return app;
}

/** The OpenAPI document of every route, as /docs serves it and `npm run openapi` writes it. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Masthead API')
      .setDescription(
        'Editorial content management for newsrooms. Admin routes (/api/admin, /api/auth/me) need a Bearer access token from POST /api/auth/login; ' +
          'each states the permission it requires. Errors are RFC 9457 application/problem+json. Content routes (/api/content, /media) are public and cacheable.',
      )
      .setVersion('0.1.0')
      .addServer('/', 'This server')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  document.info.license = { name: 'Proprietary: all rights reserved' };
  return completeOperations(document);
}

/**
 * What every operation shares: routes marked @Public() say so (`security: []`), and every other route
 * must have declared its bearer token (`@ApiBearerAuth()` on its controller), or the document would
 * call it public by omission. The request budget (request-budget.ts) answers 422 on every route for a
 * query string no request may carry; operations that name no 422 of their own get that one.
 */
function completeOperations(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const) {
      const operation = item[method];
      if (!operation) continue;
      if ((operation as unknown as Record<string, unknown>)[PUBLIC_EXTENSION] === true) operation.security = [];
      else if (!operation.security?.length) throw new Error(`${method.toUpperCase()} ${path} is neither @Public() nor documented with @ApiBearerAuth()`);
      operation.responses['422'] ??= REQUEST_BUDGET_ANSWER;
    }
  }
  return document;
}

const REQUEST_BUDGET_ANSWER = {
  description: 'The query string carries a NUL byte or a lone surrogate, or more than 50 parameters.',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ValidationProblemResponse' } } },
};

function setupOpenApi(app: NestExpressApplication): void {
  // Swagger UI resolves its assets relative to the page: /docs/ would look for them under /docs/docs/.
  app.use((req: Request, res: Response, next: NextFunction) => (req.path === '/docs/' ? res.redirect(301, req.originalUrl.replace('/docs/', '/docs')) : next()));
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json', yamlDocumentUrl: 'docs/openapi.yaml' });
}
