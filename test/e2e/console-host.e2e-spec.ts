// The console at /admin: served by the API process from the built files, cached as a hashed build
// allows, under a strict content security policy, with a clear answer when it has not been built.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { makeTempDir } from '../fixtures/media/images.js';

const INDEX =
  '<!doctype html><html><head><script type="module" src="/admin/assets/index-3f0c9a1b.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = 'console.log("the console");'.repeat(40);

describe('the console at /admin', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = await makeTempDir('masthead-console-');
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), INDEX);
    await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(join(dir, 'assets/index-3f0c9a1b.js'), SCRIPT);
    await writeFile(join(dir, 'assets/index-3f0c9a1b.js.gz'), gzipSync(SCRIPT));
    await writeFile(join(dir, 'jwt-secret'), 'not for the web');
    t = await createTestApp({ CONSOLE_DIR: dir });
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves index.html at /admin, revalidated on every visit, under a policy with no inline script', async () => {
    const res = await request(t.http).get('/admin').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toBe(INDEX);
    expect(res.headers['cache-control']).toBe('no-cache');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    // Revalidation is cheap: the browser's copy is confirmed with a 304.
    await request(t.http).get('/admin').set('If-None-Match', res.headers.etag).expect(304);
  });

  it('answers every screen of the app with index.html, so a reload or a shared link works', async () => {
    for (const path of ['/admin/', '/admin/stories/0f8f2b7e-1c1d-4c5a-9d2e-2f1a7b3c4d5e', '/admin/people/roles']) {
      const res = await request(t.http).get(path).expect(200);
      expect(res.text).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('caches hashed assets for a year and sends the precompressed copy to browsers that accept it', async () => {
    const plain = await request(t.http).get('/admin/assets/index-3f0c9a1b.js').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-type']).toMatch(/javascript/);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(SCRIPT);

    // supertest inflates gzip as a browser does: the header says what travelled.
    const gzipped = await request(t.http).get('/admin/assets/index-3f0c9a1b.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(Number(gzipped.headers['content-length'])).toBe(gzipSync(SCRIPT).length);
    expect(gzipped.headers['content-type']).toMatch(/javascript/);
    expect(gzipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(gzipped.text).toBe(SCRIPT);
  });

  it('answers 404 (not the app) for a missing asset, and never serves files outside the build', async () => {
    const missing = await request(t.http).get('/admin/assets/index-00000000.js').expect(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(missing.headers['cache-control']).toBe('no-store'); // never the assets' immutable caching
    await request(t.http).get('/admin/assets/%2e%2e/%2e%2e/package.json').expect(404);
    await request(t.http).get('/admin/.vite/manifest.json').expect(404);
    // A file in the folder that the build did not make is served only if it is a plain name: the
    // secret here is not reachable under a made-up extension-less path, which yields the app.
    expect((await request(t.http).get('/admin/jwt-secret').expect(200)).text).toBe(INDEX);
  });

  it('keeps inline scripts allowed only for Swagger UI at /docs', async () => {
    const scriptSrc = async (path: string) =>
      String((await request(t.http).get(path).expect(200)).headers['content-security-policy'])
        .split(';')
        .find((d) => d.trim().startsWith('script-src '));
    expect(await scriptSrc('/docs')).toContain("'unsafe-inline'");
    expect(await scriptSrc('/health')).not.toContain("'unsafe-inline'");
    expect(await scriptSrc('/admin')).not.toContain("'unsafe-inline'");
  });

  it('needs no login to load (signing in happens inside the app)', async () => {
    await request(t.http).get('/admin/favicon.svg').expect(200);
  });
});

describe('the console before it is built', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ CONSOLE_DIR: join(await makeTempDir('masthead-no-console-'), 'missing') });
  });
  afterAll(() => t.close());

  it('answers 503 with a problem saying how to build it, while the API keeps working', async () => {
    const res = await request(t.http).get('/admin').expect(503);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ type: '/problems/console-not-built', status: 503 });
    expect(res.body.detail).toContain('npm run build');
    await request(t.http).get('/admin/stories/1').expect(503);
    await request(t.http).get('/health').expect(200);
  });
});
