import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/**
 * The one TypeORM configuration, shared by the app, the tests and the command-line tools. The entity
 * list comes from the caller (`src/entities.ts`, the composition root): this folder knows no feature,
 * and running migrations needs no entities at all.
 */
export function dataSourceOptions(
  url: string,
  overrides: { entities?: DataSourceOptions['entities']; poolSize?: number; applicationName?: string } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: overrides.entities ?? [],
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    poolSize: overrides.poolSize ?? 10,
    // A connection that cannot be made (an unreachable host) or a pool slot that does not come free
    // fails after 10 s (answered 503 with Retry-After) instead of holding the request indefinitely.
    connectTimeoutMS: 10_000,
    applicationName: overrides.applicationName ?? 'masthead',
    logging: false,
  };
}
