import type { DataSourceOptions } from 'typeorm';
import { entities } from './entities.js';
import { migrations } from './migrations.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** The one TypeORM configuration, shared by the app, the tests and the migration CLI. */
export function dataSourceOptions(url: string, overrides: { poolSize?: number; applicationName?: string } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
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
