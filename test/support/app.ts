// Boots the whole application, as main.ts does, for tests: over HTTP (end-to-end tests) or as a
// context without HTTP (medium tests of services and repositories), on a fresh database per test
// file or on one several instances share.
import 'reflect-metadata';
import type { INestApplication, INestApplicationContext, Provider } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { configureApp } from '../../src/common/http-setup.js';
import { loadConfig } from '../../src/config/config.js';
import type { ResolvedConfig } from '../../src/config/config.js';
import { createTestDatabase } from './databases.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-only-used-by-the-test-suite-0123456789';

export interface TestContext {
  app: INestApplicationContext;
  dataSource: DataSource;
  config: ResolvedConfig;
  close(): Promise<void>;
}

export interface TestApp extends TestContext {
  app: INestApplication;
  http: ReturnType<INestApplication['getHttpServer']>;
}

export interface BootOptions {
  /** Configuration variables as the environment would give them (strings). */
  env?: Record<string, string>;
  /** Providers beside the application (a recording event subscriber, say). */
  providers?: Provider[];
}

export function testConfig(databaseUrl: string, env: Record<string, string> = {}): ResolvedConfig {
  return loadConfig({
    LOG_LEVEL: 'silent',
    SEED_ON_EMPTY_DATABASE: 'false',
    DATA_DIR: '.data/test-files',
    ...env,
    DATABASE_URL: databaseUrl,
    JWT_SECRET: env.JWT_SECRET ?? TEST_JWT_SECRET,
  }) as ResolvedConfig;
}

async function compile(config: ResolvedConfig, providers: Provider[] = []) {
  return Test.createTestingModule({ imports: [AppModule.forRoot(config)], providers }).compile();
}

/** The HTTP application on an existing database; `close()` leaves the database. */
export async function startAppOn(databaseUrl: string, env: Record<string, string> = {}, options: Omit<BootOptions, 'env'> = {}): Promise<TestApp> {
  const config = testConfig(databaseUrl, env);
  const moduleRef = await compile(config, options.providers);
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  configureApp(app, config);
  await app.init();
  return { app, http: app.getHttpServer(), dataSource: app.get(DataSource), config, close: () => app.close() };
}

/** The HTTP application on a fresh database of its own, dropped by `close()`. */
export async function createTestApp(env: Record<string, string> = {}, options: Omit<BootOptions, 'env'> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const t = await startAppOn(db.url, env, options);
  return {
    ...t,
    close: async () => {
      await t.close();
      await db.drop();
    },
  };
}

/** Every module and provider, started, without HTTP: for medium tests. Its own fresh database. */
export async function createTestContext(options: BootOptions = {}): Promise<TestContext> {
  const db = await createTestDatabase();
  const config = testConfig(db.url, options.env);
  const moduleRef = await compile(config, options.providers);
  await moduleRef.init();
  return {
    app: moduleRef,
    dataSource: moduleRef.get(DataSource),
    config,
    close: async () => {
      await moduleRef.close();
      await db.drop();
    },
  };
}
