// The environment schema: every variable Masthead reads, with its default and its rule.
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateBy } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value);
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  return ['true', '1', 'yes'].includes(v) ? true : ['false', '0', 'no'].includes(v) ? false : value;
};

/** An IANA time zone name the runtime knows (`Asia/Kuala_Lumpur`, `UTC`); not a bare offset. */
export function isIanaTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || !/^[A-Za-z][A-Za-z_]*(?:\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const IsIanaTimeZone = () =>
  ValidateBy({
    name: 'isIanaTimeZone',
    validator: { validate: isIanaTimeZone, defaultMessage: () => 'must be an IANA time zone such as Asia/Kuala_Lumpur or Europe/London' },
  });

export class EnvironmentVariables {
  @Transform(toInt) @IsInt({ message: 'must be an integer port number' }) @Min(0) @Max(65535)
  PORT: number = 3000;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// connection URL' })
  DATABASE_URL?: string;

  /** Comma-separated URLs of streaming replicas of DATABASE_URL for public reads; checked entry by entry in read-replica-urls.ts. */
  @IsOptional() @IsString()
  DATABASE_READ_URLS?: string;

  @IsString()
  DATA_DIR: string = '.data';

  @IsOptional() @IsString() @MinLength(32, { message: 'must be at least 32 characters (use a random secret)' })
  JWT_SECRET?: string;

  @Transform(toInt) @IsInt({ message: 'must be a number of seconds' }) @Min(30) @Max(86400)
  JWT_ACCESS_TTL: number = 900;

  @Transform(toInt) @IsInt({ message: 'must be a number of seconds' }) @Min(300) @Max(31_536_000)
  JWT_REFRESH_TTL: number = 30 * 86400;

  @IsOptional() @IsString()
  MEDIA_DIR?: string;

  @Transform(toInt) @IsInt({ message: 'must be a number of bytes' }) @Min(1024)
  MEDIA_MAX_BYTES: number = 25 * 1024 * 1024;

  @Transform(toInt) @IsInt({ message: 'must be a number of pixels' }) @Min(1)
  MEDIA_MAX_PIXELS: number = 100_000_000;

  @IsIn(['local', 's3'], { message: 'must be local or s3' })
  MEDIA_STORAGE: 'local' | 's3' = 'local';

  @IsOptional() @IsString() S3_BUCKET?: string;
  @IsOptional() @IsUrl({ require_tld: false }, { message: 'must be a URL' }) S3_ENDPOINT?: string;
  @IsString() S3_REGION: string = 'us-east-1';
  @IsOptional() @IsString() S3_ACCESS_KEY_ID?: string;
  @IsOptional() @IsString() S3_SECRET_ACCESS_KEY?: string;
  @Transform(toBool) @IsBoolean({ message: 'must be true or false' }) S3_FORCE_PATH_STYLE: boolean = true;

  @Transform(toBool) @IsBoolean({ message: 'must be true or false' })
  REQUIRE_PHOTO_CREDIT: boolean = true;

  @IsIn(['owned', 'all', 'off'], { message: 'must be owned, all or off' })
  MEDIA_ORPHAN_SWEEP: 'owned' | 'all' | 'off' = 'owned';

  // Like user emails, a domain without a TLD is allowed: the default admin is admin@localhost.
  @IsOptional() @IsEmail({ require_tld: false }, { message: 'must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional() @IsString() @MinLength(10, { message: 'must be at least 10 characters' })
  ADMIN_PASSWORD?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be one of fatal, error, warn, info, debug, trace, silent' })
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Comma-separated origins, or `*`. Unset: no cross-origin access. */
  @IsOptional() @IsString()
  CORS_ORIGINS?: string;

  @IsString()
  CONTENT_CACHE_CONTROL: string = 'public, max-age=60, stale-while-revalidate=300, stale-if-error=86400';

  /** Memory for rendered public responses (and their compressed forms), in MB; 0 turns the cache off. */
  @Transform(toInt) @IsInt({ message: 'must be a whole number of megabytes' }) @Min(0) @Max(4096)
  CONTENT_CACHE_MB: number = 64;

  @Transform(toBool) @IsBoolean({ message: 'must be true or false' })
  SEED_ON_EMPTY_DATABASE: boolean = true;

  @IsString()
  SEED_DIR: string = 'seeds';

  @IsString() @MinLength(1)
  IMPORT_DEFAULT_CATEGORY: string = '国际';

  @Transform(toInt) @IsInt({ message: 'must be a number of milliseconds' }) @Min(100) @Max(60_000)
  SCHEDULER_INTERVAL_MS: number = 1000;

  /** false: this process never publishes scheduled stories (others against the same database do). */
  @Transform(toBool) @IsBoolean({ message: 'must be true or false' })
  SCHEDULER_ENABLED: boolean = true;

  /** How often each process tries to purge expired refresh tokens and login counters (one process at a time does it). */
  @Transform(toInt) @IsInt({ message: 'must be a number of milliseconds' }) @Min(1000) @Max(86_400_000)
  HOUSEKEEPING_INTERVAL_MS: number = 3_600_000;

  /** Comma-separated extra jieba dictionaries (editors extend the newsroom dictionary). */
  @IsOptional() @IsString()
  SEARCH_DICTIONARY_PATHS?: string;

  /** Failed logins to one account from one address before that pair is locked for the rest of the window. */
  @Transform(toInt) @IsInt({ message: 'must be a whole number of attempts' }) @Min(1) LOGIN_MAX_PER_ACCOUNT_AND_IP: number = 5;
  /** Failed logins to one account from anywhere before each further attempt waits a growing delay. */
  @Transform(toInt) @IsInt({ message: 'must be a whole number of attempts' }) @Min(1) LOGIN_MAX_PER_ACCOUNT: number = 50;
  /** Failed logins from one address to any accounts before each further attempt waits a growing delay. */
  @Transform(toInt) @IsInt({ message: 'must be a whole number of attempts' }) @Min(1) LOGIN_MAX_PER_IP: number = 100;
  @Transform(toInt) @IsInt({ message: 'must be a number of seconds' }) @Min(1) LOGIN_WINDOW_SECONDS: number = 900;

  /** The newsroom's time zone: the console shows and takes dates and times in it. */
  @IsIanaTimeZone()
  NEWSROOM_TIME_ZONE: string = 'Asia/Kuala_Lumpur';

  /** The built console (`npm run build` puts it in dist/console), served at /admin. */
  @IsString() @MinLength(1)
  CONSOLE_DIR: string = 'dist/console';

  /** How many reverse proxies sit in front (their X-Forwarded-For entries are trusted); 0 = none. */
  @Transform(toInt) @IsInt({ message: 'must be the number of trusted proxy hops (0 for none)' }) @Min(0) @Max(10)
  TRUST_PROXY: number = 0;

  /** Where readers read the stories (the newsroom's own site): feeds, sitemaps and webhooks link there. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL, e.g. https://news.example' })
  PUBLIC_SITE_URL: string = 'http://localhost:3000';

  /** A story's path on the reader site: {slug} is required; {section} (the section's slug) and {yyyy}/{mm}/{dd} (first publication) may be used. */
  @Matches(/^\/[^?#\s]*\{slug\}[^?#\s]*$/, { message: 'must be a path starting with / that contains {slug}, e.g. /{section}/{slug}' })
  ARTICLE_PATH_TEMPLATE: string = '/{section}/{slug}';

  /** The publication's name, as feeds and Google News name it. */
  @IsString() @MinLength(1)
  PUBLICATION_NAME: string = 'Masthead';

  /** Where readers and aggregators reach Masthead's public routes (/media, /feeds, /sitemaps); unset: PUBLIC_SITE_URL (the reader site proxies them). */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL, e.g. https://cms.news.example' })
  PUBLIC_API_URL?: string;

  /** Comma-separated files of extra protected terms (one a line) that script variants leave as written. */
  @IsOptional() @IsString()
  VARIANT_PROTECTED_TERMS_PATHS?: string;

  /** How long a preview link lasts unless its request asks otherwise. */
  @Transform(toInt) @IsInt({ message: 'must be a number of seconds' }) @Min(60) @Max(31_536_000)
  PREVIEW_TTL_SECONDS: number = 3600;

  /** The longest a preview link may be asked to last. */
  @Transform(toInt) @IsInt({ message: 'must be a number of seconds' }) @Min(60) @Max(31_536_000)
  PREVIEW_MAX_TTL_SECONDS: number = 7 * 86400;
  /** Webhook deliveries to loopback, private, link-local and other non-public addresses: only for tests and on-premises receivers. */
  @Transform(toBool) @IsBoolean({ message: 'must be true or false' })
  WEBHOOK_ALLOW_PRIVATE: boolean = false;

  /** How long one webhook delivery may take, connection to last byte. */
  @Transform(toInt) @IsInt({ message: 'must be a number of milliseconds' }) @Min(500) @Max(60_000)
  WEBHOOK_TIMEOUT_MS: number = 10_000;

  /** Webhook deliveries one process has in flight at most. */
  @Transform(toInt) @IsInt({ message: 'must be a whole number from 1 to 256' }) @Min(1) @Max(256)
  WEBHOOK_CONCURRENCY: number = 16;

  /** The first retry's delay; each later one doubles, up to 720 times this (6 hours at the default). */
  @Transform(toInt) @IsInt({ message: 'must be a number of milliseconds' }) @Min(10) @Max(3_600_000)
  WEBHOOK_RETRY_BASE_MS: number = 30_000;

  /** How often each process looks for due webhook deliveries it was not told about (a safety net). */
  @Transform(toInt) @IsInt({ message: 'must be a number of milliseconds' }) @Min(100) @Max(300_000)
  WEBHOOK_POLL_INTERVAL_MS: number = 5_000;

  /** An endpoint whose deliveries have all failed for this long is disabled. */
  @Transform(toInt) @IsInt({ message: 'must be a number of hours' }) @Min(1) @Max(8_760)
  WEBHOOK_DISABLE_AFTER_HOURS: number = 72;
}
