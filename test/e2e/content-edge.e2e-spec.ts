// Repeat requests for public responses are answered from memory ahead of the framework (content-edge.ts):
// the same bytes and headers as the rendered answer, compressed when the client accepts it, 304 and
// HEAD as HTTP says, never stale after a publish, and CORS answered per request.
import { get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { actOk, createStory, editOk, paragraphs, type StoryResponse } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';

/** Headers that differ between two answers by nature: the exchange's own. */
const PER_EXCHANGE = new Set(['date', 'x-request-id', 'content-length', 'content-encoding', 'connection', 'keep-alive']);
const stable = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_EXCHANGE.has(name)));

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** A GET as sent, its body as received: HTTP clients for tests decompress on their own. */
async function fetchBytes(server: Server, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

describe('public responses answered from memory', () => {
  let t: TestApp;
  let editor: TestUser;
  let story: StoryResponse;
  let path: string;

  beforeAll(async () => {
    t = await createTestApp({ SCHEDULER_ENABLED: 'false' });
    editor = await createUser(t, ['editor']);
    story = await createStory(t, editor, { headline: '槟城渡轮服务恢复', body: paragraphs('渡轮服务在维修后恢复，首班船早上六时开出。'.repeat(20)) });
    story = await actOk(t, editor, story, 'publish');
    path = `/api/content/articles/${story.slug}`;
  });
  afterAll(async () => {
    if (t.http.listening) await new Promise((resolve) => t.http.close(resolve));
    await t.close();
  });

  it('answers a repeat with the same body and headers as the rendered answer, brotli or gzip when accepted', async () => {
    const first = await fetchBytes(t.http, path);
    expect(first.status).toBe(200);
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.headers.vary).toBe('Accept, Accept-Encoding');
    expect(first.headers['content-security-policy']).toBeDefined();

    const again = await fetchBytes(t.http, path);
    expect(again.body.equals(first.body)).toBe(true);
    expect(stable(again.headers)).toEqual(stable(first.headers));

    const gzip = await fetchBytes(t.http, path, { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(first.body)).toBe(true);
    expect(gzip.body.length).toBeLessThan(first.body.length / 2);
    expect(Number(gzip.headers['content-length'])).toBe(gzip.body.length);

    const br = await fetchBytes(t.http, path, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(first.body)).toBe(true);
    expect(stable(br.headers)).toEqual(stable(first.headers));

    const refused = await fetchBytes(t.http, path, { 'Accept-Encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.equals(first.body)).toBe(true);
  });

  it('answers 304 to a matching If-None-Match and HEAD without a body', async () => {
    const first = await request(t.http).get(path).expect(200);
    const revalidated = await request(t.http).get(path).set('If-None-Match', `W/"x", ${first.headers.etag}`).expect(304);
    expect(revalidated.text).toBe('');
    expect(revalidated.headers.etag).toBe(first.headers.etag);
    expect(revalidated.headers['content-type']).toBeUndefined();
    await request(t.http).get(path).set('If-None-Match', '"another"').expect(200);

    const head = await request(t.http).head(path).expect(200);
    expect(head.text).toBeUndefined();
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(first.text));
  });

  it('keeps JSON and ninjs apart on the same URL', async () => {
    await request(t.http).get(path).expect(200);
    const ninjs = await request(t.http).get(path).set('Accept', 'application/ninjs+json').expect(200);
    expect(ninjs.headers['content-type']).toMatch(/^application\/ninjs\+json/);
    const ninjsAgain = await request(t.http).get(path).set('Accept', 'application/ninjs+json').expect(200);
    expect(ninjsAgain.text).toBe(ninjs.text);
    const json = await request(t.http).get(path).expect(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.body.headline).toBe('槟城渡轮服务恢复');
  });

  it('echoes a sane request id and replaces a hostile one', async () => {
    await request(t.http).get(path).expect(200);
    const given = await request(t.http).get(path).set('x-request-id', 'edge-check-1').expect(200);
    expect(given.headers['x-request-id']).toBe('edge-check-1');
    const hostile = await request(t.http).get(path).set('x-request-id', 'a/b c').expect(200);
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('renders a story not yet held with the headers a full answer has, and leaves unknown and odd slugs to the route', async () => {
    const full = await fetchBytes(t.http, path);
    let other = await createStory(t, editor, { headline: '吉隆坡单轨列车延误', body: paragraphs('单轨列车今早因讯号故障延误。') });
    other = await actOk(t, editor, other, 'publish');
    const first = await fetchBytes(t.http, `/api/content/articles/${encodeURIComponent(other.slug)}`, { 'Accept-Encoding': 'gzip' });
    expect(first.status).toBe(200);
    // Compressed when the cache kept it (a publish notification arriving mid-render keeps it out).
    const text = (first.headers['content-encoding'] === 'gzip' ? gunzipSync(first.body) : first.body).toString('utf8');
    expect(JSON.parse(text).headline).toBe('吉隆坡单轨列车延误');
    const { etag, ...sameForEveryStory } = stable(first.headers);
    const { etag: fullEtag, ...fullShared } = stable(full.headers);
    expect(sameForEveryStory).toEqual(fullShared);
    expect(etag).not.toBe(fullEtag);
    await request(t.http).get(`/api/content/articles/${encodeURIComponent(other.slug)}`).set('If-None-Match', etag).expect(304);

    const missing = await request(t.http).get('/api/content/articles/no-such-story').expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.headers['cache-control']).toBe('no-store');
    expect((await request(t.http).get('/api/content/articles/%E0%A4%A')).status).toBeLessThan(500);
    expect((await request(t.http).get('/api/content/articles/a%00b')).status).toBe(404);
  });

  it('never answers from memory what a publish has changed', async () => {
    expect((await request(t.http).get(path).expect(200)).body.headline).toBe('槟城渡轮服务恢复');
    expect((await request(t.http).get(path).expect(200)).body.headline).toBe('槟城渡轮服务恢复');
    story = await editOk(t, editor, story, { headline: '槟城渡轮今起加班' });
    story = await actOk(t, editor, story, 'publish');
    expect((await request(t.http).get(path).expect(200)).body.headline).toBe('槟城渡轮今起加班');
  });
});

describe('public responses answered from memory, with CORS on', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SCHEDULER_ENABLED: 'false', CORS_ORIGINS: 'https://site.example' });
  });
  afterAll(() => t.close());

  it('gives a cross-origin request its CORS headers and a plain one none', async () => {
    const path = '/api/content/articles?limit=5';
    await request(t.http).get(path).expect(200);
    const plain = await request(t.http).get(path).expect(200);
    expect(plain.headers['access-control-allow-origin']).toBeUndefined();
    const allowed = await request(t.http).get(path).set('Origin', 'https://site.example').expect(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://site.example');
    const other = await request(t.http).get(path).set('Origin', 'https://elsewhere.example').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const plainAgain = await request(t.http).get(path).expect(200);
    expect(plainAgain.headers['access-control-allow-origin']).toBeUndefined();
    expect(plainAgain.headers.vary).toContain('Origin');
  });
});

describe('public responses with the response cache off (CONTENT_CACHE_MB=0)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SCHEDULER_ENABLED: 'false', CONTENT_CACHE_MB: '0' });
  });
  afterAll(() => t.close());

  it('renders every answer, uncompressed, and still revalidates', async () => {
    const first = await request(t.http).get('/api/content/categories').set('Accept-Encoding', 'gzip').expect(200);
    const again = await request(t.http).get('/api/content/categories').set('Accept-Encoding', 'gzip').expect(200);
    expect(again.headers['content-encoding']).toBeUndefined();
    expect(again.text).toBe(first.text);
    await request(t.http).get('/api/content/categories').set('If-None-Match', first.headers.etag).expect(304);
  });
});
