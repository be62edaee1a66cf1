// Boots the whole application, as main.ts does, against a fresh database for one test file.
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { loadConfig } from '../../src/config/config.js';
import type { ResolvedConfig } from '../../src/database/runtime.js';
import { configureApp } from '../../src/common/http-setup.js';
import { createTestDatabase } from './databases.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-only-used-by-the-test-suite-0123456789';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<INestApplication['getHttpServer']>;
  dataSource: DataSource;
  config: ResolvedConfig;
  close(): Promise<void>;
}

/** `env` overrides configuration variables as the environment would (strings). */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const base = loadConfig({
    LOG_LEVEL: 'silent',
    SEED_ON_EMPTY_DATABASE: 'false',
    DATA_DIR: `.data/test-files`,
    ...env,
    DATABASE_URL: db.url,
    JWT_SECRET: env.JWT_SECRET ?? TEST_JWT_SECRET,
  });
  const config = base as ResolvedConfig;
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  configureApp(app, config);
  await app.init();
  return {
    app,
    http: app.getHttpServer(),
    dataSource: app.get(DataSource),
    config,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
