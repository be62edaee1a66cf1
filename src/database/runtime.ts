// Resolves what the configuration leaves open before anything connects: the database (embedded
// when DATABASE_URL is unset) and the JWT secret (generated once and kept in the data folder, in
// embedded mode only). Shared by the server and the command-line tools; only the server issues and
// checks tokens, so only the server demands JWT_SECRET with DATABASE_URL.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigError, type AppConfig, type ResolvedConfig } from '../config/config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';


export interface Runtime {
  config: ResolvedConfig;
  embedded: EmbeddedDatabase | null;
  appliedMigrations: string[];
}

export interface RuntimeOptions {
  /** false: leave the schema as it is (the migration CLI's revert). */
  migrate?: boolean;
  /**
   * `server` (the default) signs and verifies access tokens, so every process must share JWT_SECRET.
   * A `tool` (import, seed, reindex, migrations) issues none: without JWT_SECRET it gets a secret
   * of its own that never leaves the process. In embedded mode, a tool run while the server owns
   * the data folder uses the server's database (and leaves it running).
   */
  role?: 'server' | 'tool';
}

export async function prepareRuntime(config: AppConfig, log: (message: string) => void, options: RuntimeOptions = {}): Promise<Runtime> {
  const tool = options.role === 'tool';
  if (config.databaseUrl && !config.jwt.secret && !tool) {
    throw new ConfigError(['JWT_SECRET: is required when DATABASE_URL is set (every process must share it); use at least 32 random characters']);
  }
  // A tool run next to the server uses the server's embedded database rather than refusing.
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, log, { shareRunning: tool });
  try {
    const databaseUrl = config.databaseUrl ?? embedded!.url;
    const secret = config.jwt.secret ?? (embedded ? await generatedSecret(config.dataDir, 'jwt-secret') : randomBytes(48).toString('base64url'));
    // Loaded here, not up front: the server loads TypeORM while the embedded database starts.
    const appliedMigrations = options.migrate === false ? [] : await (await import('./migrate.js')).runMigrations(databaseUrl);
    if (appliedMigrations.length) log(`applied migrations: ${appliedMigrations.join(', ')}`);
    return { config: { ...config, databaseUrl, jwt: { ...config.jwt, secret } }, embedded, appliedMigrations };
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
}

async function generatedSecret(dataDir: string, name: string): Promise<string> {
  const file = join(resolve(dataDir), name);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(48).toString('base64url');
    await mkdir(resolve(dataDir), { recursive: true });
    await writeFile(file, secret + '\n', { mode: 0o600 });
    return secret;
  }
}
