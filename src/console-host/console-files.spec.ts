import { CONSOLE_CSP, consoleFileFor, IMMUTABLE, REVALIDATE } from './console-files.js';

describe('consoleFileFor', () => {
  it('serves index.html, revalidated, for /admin and for every screen of the app', () => {
    for (const path of [[], [''], ['stories', '0f8f2b7e-1c1d-4c5a-9d2e-2f1a7b3c4d5e'], ['photos'], ['people', 'roles']]) {
      expect(consoleFileFor(path)).toEqual({ file: 'index.html', cacheControl: REVALIDATE });
    }
  });

  it('caches hashed assets for a year, immutable', () => {
    expect(consoleFileFor(['assets', 'index-3f0c9a1b.js'])).toEqual({ file: 'assets/index-3f0c9a1b.js', cacheControl: IMMUTABLE });
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates other files at the top of the console folder', () => {
    expect(consoleFileFor(['favicon.svg'])).toEqual({ file: 'favicon.svg', cacheControl: REVALIDATE });
  });

  it('refuses paths that could leave the folder or reach hidden files', () => {
    expect(consoleFileFor(['..', 'package.json'])).toBeNull();
    expect(consoleFileFor(['assets', '..', '..', 'jwt-secret.txt'])).toBeNull();
    expect(consoleFileFor(['.env.js'])).toBeNull();
    expect(consoleFileFor(['assets', 'a\\b.js'])).toBeNull();
  });

  it('allows no inline script and no other origin', () => {
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).toContain("connect-src 'self'");
    expect(CONSOLE_CSP).not.toContain('unsafe-inline');
  });
});
