// Resolves what the configuration leaves open before anything connects: the database (embedded
// when DATABASE_URL is unset) and the JWT secret (generated once and kept in the data folder, in
// embedded mode only). Shared by the server and the command-line tools.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigError, type AppConfig, type ResolvedConfig } from '../config/config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';
import { runMigrations } from './migrate.js';


export interface Runtime {
  config: ResolvedConfig;
  embedded: EmbeddedDatabase | null;
  appliedMigrations: string[];
}

export async function prepareRuntime(config: AppConfig, log: (message: string) => void, options: { migrate?: boolean } = {}): Promise<Runtime> {
  if (config.databaseUrl && !config.jwt.secret) {
    throw new ConfigError(['JWT_SECRET: is required when DATABASE_URL is set (every process must share it); use at least 32 random characters']);
  }
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, log);
  try {
    const databaseUrl = config.databaseUrl ?? embedded!.url;
    const secret = config.jwt.secret ?? (await generatedSecret(config.dataDir, 'jwt-secret'));
    const appliedMigrations = options.migrate === false ? [] : await runMigrations(databaseUrl);
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
