// `npm run openapi [-- FILE]`: writes the OpenAPI document (default dist/openapi.json) without a
// database or a server: Nest's preview mode registers every route without starting any provider.
// `npm run lint:openapi` lints what it writes; the console's typed client is generated from it.
import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../app.module.js';
import { buildOpenApiDocument } from '../common/http-setup.js';
import { loadConfig, type ResolvedConfig } from '../config/config.js';

/** Placeholders only: in preview mode nothing connects or signs. */
const PREVIEW_DATABASE = 'postgres://openapi@127.0.0.1:1/openapi';
const PREVIEW_SECRET = 'openapi-document-only-never-signs-anything';

async function main(file: string): Promise<void> {
  const base = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: PREVIEW_DATABASE, JWT_SECRET: PREVIEW_SECRET });
  const config: ResolvedConfig = { ...base, databaseUrl: PREVIEW_DATABASE, jwt: { ...base.jwt, secret: PREVIEW_SECRET } };
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { preview: true, logger: false });
  const document = buildOpenApiDocument(app);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(document, null, 2) + '\n');
  process.stderr.write(`wrote ${file} (${Object.keys(document.paths).length} paths)\n`);
}

main(process.argv[2] ?? 'dist/openapi.json').then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
