import { ConfigError, loadConfig } from './config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives working defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeNull();
    expect(config.jwt).toEqual({ secret: null, accessTtlSeconds: 900, refreshTtlSeconds: 30 * 86400 });
    expect(config.media.maxBytes).toBe(25 * 1024 * 1024);
    expect(config.media.dir).toBe('.data/media');
    expect(config.media.requirePhotoCredit).toBe(true);
    expect(config.corsOrigins).toBe(false);
    expect(config.housekeepingIntervalMs).toBe(3_600_000);
  });

  it('converts numbers, booleans and lists from strings', () => {
    const config = loadConfig({ PORT: '8080', REQUIRE_PHOTO_CREDIT: 'false', CORS_ORIGINS: 'https://a.example, https://b.example', MEDIA_MAX_BYTES: '2048' });
    expect(config.port).toBe(8080);
    expect(config.media.requirePhotoCredit).toBe(false);
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.media.maxBytes).toBe(2048);
  });

  it('names each bad variable and says what is wrong', () => {
    const problems = problemsOf({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short', LOG_LEVEL: 'loud', ADMIN_EMAIL: 'not-an-email' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: must be an integer port number/),
        expect.stringMatching(/^DATABASE_URL: must be a postgres:\/\//),
        expect.stringMatching(/^JWT_SECRET: must be at least 32 characters/),
        expect.stringMatching(/^LOG_LEVEL: must be one of/),
        expect.stringMatching(/^ADMIN_EMAIL: must be an email address/),
      ]),
    );
  });

  it('takes the newsroom time zone as an IANA name, Kuala Lumpur by default', () => {
    expect(loadConfig({}).newsroomTimeZone).toBe('Asia/Kuala_Lumpur');
    expect(loadConfig({ NEWSROOM_TIME_ZONE: 'Europe/London' }).newsroomTimeZone).toBe('Europe/London');
    expect(loadConfig({ NEWSROOM_TIME_ZONE: 'UTC' }).newsroomTimeZone).toBe('UTC');
    for (const bad of ['Mars/Olympus_Mons', '+08:00', 'GMT+8 ', 'asia kuala lumpur']) {
      expect(problemsOf({ NEWSROOM_TIME_ZONE: bad })).toEqual([
        expect.stringMatching(/^NEWSROOM_TIME_ZONE: must be an IANA time zone such as Asia\/Kuala_Lumpur/),
      ]);
    }
  });

  it('accepts the default admin address spelled out (admin@localhost)', () => {
    expect(loadConfig({ ADMIN_EMAIL: 'admin@localhost' }).admin.email).toBe('admin@localhost');
  });

  it('refuses a short admin password and an out-of-range port', () => {
    const problems = problemsOf({ ADMIN_PASSWORD: 'short', PORT: '70000' });
    expect(problems.some((p) => p.startsWith('ADMIN_PASSWORD:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('PORT:'))).toBe(true);
  });

  it('takes a housekeeping interval in milliseconds between a second and a day', () => {
    expect(loadConfig({ HOUSEKEEPING_INTERVAL_MS: '60000' }).housekeepingIntervalMs).toBe(60_000);
    expect(problemsOf({ HOUSEKEEPING_INTERVAL_MS: '1h' })).toContainEqual(
      expect.stringMatching(/^HOUSEKEEPING_INTERVAL_MS: must be a number of milliseconds/),
    );
    expect(problemsOf({ HOUSEKEEPING_INTERVAL_MS: '10' })).toEqual([expect.stringMatching(/^HOUSEKEEPING_INTERVAL_MS: .*not be less than 1000/)]);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', ADMIN_EMAIL: '' }).databaseUrl).toBeNull();
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });
});

describe('the reader site', () => {
  it('defaults to this server and /{section}/{slug}, and drops a trailing slash from the site URL', () => {
    expect(loadConfig({}).publicSite).toEqual({ url: 'http://localhost:3000', articlePath: '/{section}/{slug}', publicationName: 'Masthead' });
    expect(loadConfig({ PUBLIC_SITE_URL: 'https://news.example/' }).publicSite.url).toBe('https://news.example');
  });

  it('refuses a site URL that is not http(s) and a path template without {slug}', () => {
    expect(() => loadConfig({ PUBLIC_SITE_URL: 'ftp://news.example' })).toThrow(/PUBLIC_SITE_URL: must be an http\(s\) URL/);
    expect(() => loadConfig({ ARTICLE_PATH_TEMPLATE: '/{section}/' })).toThrow(/ARTICLE_PATH_TEMPLATE: must be a path starting with \/ that contains \{slug\}/);
  });
});

describe('distribution', () => {
  it('serves public routes from the reader site unless PUBLIC_API_URL says otherwise', () => {
    expect(loadConfig({ PUBLIC_SITE_URL: 'https://news.example' }).distribution.publicApiUrl).toBe('https://news.example');
    expect(loadConfig({ PUBLIC_API_URL: 'https://cms.news.example/' }).distribution.publicApiUrl).toBe('https://cms.news.example');
  });

  it('reads protected-term files and preview lifetimes, and refuses a default longer than the maximum', () => {
    const config = loadConfig({ VARIANT_PROTECTED_TERMS_PATHS: 'a.txt, b.txt', PREVIEW_TTL_SECONDS: '600' });
    expect(config.distribution.protectedTermPaths).toEqual(['a.txt', 'b.txt']);
    expect(config.distribution.preview).toEqual({ defaultTtlSeconds: 600, maxTtlSeconds: 604800 });
    expect(() => loadConfig({ PREVIEW_TTL_SECONDS: '7200', PREVIEW_MAX_TTL_SECONDS: '3600' })).toThrow(/PREVIEW_TTL_SECONDS: must not exceed PREVIEW_MAX_TTL_SECONDS/);
    expect(() => loadConfig({ PREVIEW_TTL_SECONDS: '10' })).toThrow(/PREVIEW_TTL_SECONDS/);
  });
});

describe('read replicas', () => {
  const primary = 'postgres://app:secret@db-primary:5432/masthead';

  it('has none by default, and takes a comma-separated list next to DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: primary }).databaseReadUrls).toEqual([]);
    const config = loadConfig({
      DATABASE_URL: primary,
      DATABASE_READ_URLS: 'postgres://app:secret@db-replica-1/masthead, postgresql://app:secret@db-replica-2:6432/masthead,',
    });
    expect(config.databaseReadUrls).toEqual(['postgres://app:secret@db-replica-1/masthead', 'postgresql://app:secret@db-replica-2:6432/masthead']);
  });

  it('refuses replicas without DATABASE_URL: the embedded database has none', () => {
    expect(problemsOf({ DATABASE_READ_URLS: 'postgres://db-replica-1/masthead' })).toEqual([
      expect.stringMatching(/^DATABASE_READ_URLS: needs DATABASE_URL/),
    ]);
  });

  it('names each bad entry with its reason and never repeats a password', () => {
    const problems = problemsOf({
      DATABASE_URL: primary,
      DATABASE_READ_URLS: [
        'postgres://app:secret@db-replica-1/masthead',
        'mysql://app:secret@db-replica-2/masthead',
        'postgres://app:secret@db-primary/masthead',
        'postgres://app:secret@DB-Replica-1:5432/masthead',
        'postgres://',
      ].join(','),
    });
    expect(problems).toEqual([
      'DATABASE_READ_URLS: entry 2 (mysql://app:***@db-replica-2/masthead): must be a postgres:// or postgresql:// connection URL',
      'DATABASE_READ_URLS: entry 3 (postgres://app:***@db-primary/masthead): names the same server and database as DATABASE_URL; list only its replicas',
      'DATABASE_READ_URLS: entry 4 (postgres://app:***@DB-Replica-1:5432/masthead): repeats entry 1',
      'DATABASE_READ_URLS: entry 5 (postgres://): is not a URL with a host name',
    ]);
    expect(problems.join('\n')).not.toContain('secret');
  });
});
