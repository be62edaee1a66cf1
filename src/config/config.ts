// The one place that reads the environment: validated once at boot into a typed, frozen object.
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EnvironmentVariables } from './environment-variables.js';
import { parseReadReplicaUrls } from './read-replica-urls.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  port: number;
  /** Unset: an embedded PostgreSQL is started in `dataDir`. */
  databaseUrl: string | null;
  /**
   * Streaming replicas of `databaseUrl` that public reads (content, public search, sitemaps) may
   * use; empty: every query goes to the primary. Never set without `databaseUrl`.
   */
  databaseReadUrls: string[];
  dataDir: string;
  jwt: { secret: string | null; accessTtlSeconds: number; refreshTtlSeconds: number };
  media: {
    dir: string;
    maxBytes: number;
    maxPixels: number;
    storage: 'local' | 's3';
    requirePhotoCredit: boolean;
    /**
     * Which unreferenced files housekeeping deletes: `owned`, leftovers of this database's photos
     * (replaced files); `all`, also files of photos this database does not know (crashed uploads,
     * deleted photos), safe only when the store is this installation's alone; `off`, none.
     */
    orphanSweep: 'owned' | 'all' | 'off';
    s3: { bucket: string | null; endpoint: string | null; region: string; accessKeyId: string | null; secretAccessKey: string | null; forcePathStyle: boolean };
  };
  admin: { email: string | null; password: string | null };
  logLevel: LogLevel;
  corsOrigins: string[] | true | false;
  contentCacheControl: string;
  /** Bytes of rendered public responses each process keeps; 0: no response cache. */
  contentCacheBytes: number;
  seedOnEmptyDatabase: boolean;
  seedDir: string;
  defaultImportCategory: string;
  schedulerIntervalMs: number;
  schedulerEnabled: boolean;
  housekeepingIntervalMs: number;
  searchDictionaryPaths: string[];
  /** The tight limit per account and address locks; the per-account and per-address ones delay (src/auth/login-throttle.ts). */
  loginThrottle: { maxPerAccountAndIp: number; maxPerAccount: number; maxPerIp: number; windowSeconds: number };
  /** Number of trusted reverse-proxy hops. */
  trustProxy: number;
  /** The reader site, which feeds, sitemaps and webhook payloads link to. */
  publicSite: { url: string; articlePath: string; publicationName: string };
  /** IANA time zone the console shows dates in. */
  newsroomTimeZone: string;
  /** Folder of the built console served at /admin. */
  consoleDir: string;
  distribution: {
    /** Absolute base of Masthead's public routes (media renditions, feeds, sitemaps), without a trailing slash. */
    publicApiUrl: string;
    /** Extra protected-term files for script variants. */
    protectedTermPaths: string[];
    preview: { defaultTtlSeconds: number; maxTtlSeconds: number };
  };
  webhooks: WebhookConfig;
}

export interface WebhookConfig {
  /** Deliver to non-public addresses too (tests, on-premises receivers). */
  allowPrivate: boolean;
  timeoutMs: number;
  /** Deliveries in flight per process. */
  concurrency: number;
  retryBaseMs: number;
  pollIntervalMs: number;
  /** Continuous failure for this long disables an endpoint. */
  disableAfterMs: number;
}

/**
 * The configuration once start-up has resolved what it leaves open (the embedded database's URL, a
 * generated JWT secret): what the application's providers are given as APP_CONFIG.
 */
export type ResolvedConfig = AppConfig & { databaseUrl: string; jwt: AppConfig['jwt'] & { secret: string } };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates `env` and returns the typed configuration, or throws a ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const vars = plainToInstance(EnvironmentVariables, stripEmpty(env), { enableImplicitConversion: false });
  const errors = validateSync(vars, { whitelist: false, forbidUnknownValues: false });
  const problems = errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((message) => `${e.property}: ${message} (got ${JSON.stringify(e.value)})`),
  );
  if (vars.PREVIEW_TTL_SECONDS > vars.PREVIEW_MAX_TTL_SECONDS)
    problems.push(`PREVIEW_TTL_SECONDS: must not exceed PREVIEW_MAX_TTL_SECONDS (${vars.PREVIEW_MAX_TTL_SECONDS}) (got ${vars.PREVIEW_TTL_SECONDS})`);
  const replicas = parseReadReplicaUrls(vars.DATABASE_READ_URLS, vars.DATABASE_URL);
  problems.push(...replicas.problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return toAppConfig(vars, replicas.urls);
}

function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

function toAppConfig(v: EnvironmentVariables, databaseReadUrls: string[]): AppConfig {
  const cors = v.CORS_ORIGINS === undefined ? false : v.CORS_ORIGINS === '*' ? true : v.CORS_ORIGINS.split(',').map((s) => s.trim());
  return Object.freeze({
    port: v.PORT,
    databaseUrl: v.DATABASE_URL ?? null,
    databaseReadUrls,
    dataDir: v.DATA_DIR,
    jwt: { secret: v.JWT_SECRET ?? null, accessTtlSeconds: v.JWT_ACCESS_TTL, refreshTtlSeconds: v.JWT_REFRESH_TTL },
    media: {
      dir: v.MEDIA_DIR ?? `${v.DATA_DIR}/media`,
      maxBytes: v.MEDIA_MAX_BYTES,
      maxPixels: v.MEDIA_MAX_PIXELS,
      storage: v.MEDIA_STORAGE,
      requirePhotoCredit: v.REQUIRE_PHOTO_CREDIT,
      orphanSweep: v.MEDIA_ORPHAN_SWEEP,
      s3: {
        bucket: v.S3_BUCKET ?? null,
        endpoint: v.S3_ENDPOINT ?? null,
        region: v.S3_REGION,
        accessKeyId: v.S3_ACCESS_KEY_ID ?? null,
        secretAccessKey: v.S3_SECRET_ACCESS_KEY ?? null,
        forcePathStyle: v.S3_FORCE_PATH_STYLE,
      },
    },
    admin: { email: v.ADMIN_EMAIL ?? null, password: v.ADMIN_PASSWORD ?? null },
    logLevel: v.LOG_LEVEL,
    corsOrigins: cors,
    contentCacheControl: v.CONTENT_CACHE_CONTROL,
    contentCacheBytes: v.CONTENT_CACHE_MB * 1024 * 1024,
    seedOnEmptyDatabase: v.SEED_ON_EMPTY_DATABASE,
    seedDir: v.SEED_DIR,
    defaultImportCategory: v.IMPORT_DEFAULT_CATEGORY,
    schedulerIntervalMs: v.SCHEDULER_INTERVAL_MS,
    schedulerEnabled: v.SCHEDULER_ENABLED,
    housekeepingIntervalMs: v.HOUSEKEEPING_INTERVAL_MS,
    searchDictionaryPaths: v.SEARCH_DICTIONARY_PATHS ? v.SEARCH_DICTIONARY_PATHS.split(',').map((s) => s.trim()) : [],
    loginThrottle: {
      maxPerAccountAndIp: v.LOGIN_MAX_PER_ACCOUNT_AND_IP,
      maxPerAccount: v.LOGIN_MAX_PER_ACCOUNT,
      maxPerIp: v.LOGIN_MAX_PER_IP,
      windowSeconds: v.LOGIN_WINDOW_SECONDS,
    },
    trustProxy: v.TRUST_PROXY,
    publicSite: { url: v.PUBLIC_SITE_URL.replace(/\/+$/, ''), articlePath: v.ARTICLE_PATH_TEMPLATE, publicationName: v.PUBLICATION_NAME },
    newsroomTimeZone: v.NEWSROOM_TIME_ZONE,
    consoleDir: v.CONSOLE_DIR,
    distribution: {
      publicApiUrl: (v.PUBLIC_API_URL ?? v.PUBLIC_SITE_URL).replace(/\/+$/, ''),
      protectedTermPaths: v.VARIANT_PROTECTED_TERMS_PATHS ? v.VARIANT_PROTECTED_TERMS_PATHS.split(',').map((s) => s.trim()) : [],
      preview: { defaultTtlSeconds: v.PREVIEW_TTL_SECONDS, maxTtlSeconds: v.PREVIEW_MAX_TTL_SECONDS },
    },
    webhooks: {
      allowPrivate: v.WEBHOOK_ALLOW_PRIVATE,
      timeoutMs: v.WEBHOOK_TIMEOUT_MS,
      concurrency: v.WEBHOOK_CONCURRENCY,
      retryBaseMs: v.WEBHOOK_RETRY_BASE_MS,
      pollIntervalMs: v.WEBHOOK_POLL_INTERVAL_MS,
      disableAfterMs: v.WEBHOOK_DISABLE_AFTER_HOURS * 3_600_000,
    },
  });
}
