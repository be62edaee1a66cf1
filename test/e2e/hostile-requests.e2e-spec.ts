// The request budget (issue 11, items 1-3): bodies too wide or too deep, text PostgreSQL cannot
// store, and forged cursors are refused with 4xx problems before they cost anything, on every route.
import { once } from 'node:events';
import { request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { WORKFLOW_ACTIONS } from '../../src/articles/workflow.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { AUTHENTICATED_ROUTES, bogusUrl } from '../support/route-table.js';
import { actOk, createStory, editOk, type StoryResponse } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';

const ID = '00000000-0000-4000-8000-000000000000';
const forged = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString('base64url');
const wide = (keys: number, base: Record<string, unknown> = {}) => {
  const body: Record<string, unknown> = { ...base };
  for (let i = 0; i < keys; i++) body[`k${i}`] = 1;
  return JSON.stringify(body);
};
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('hostile requests', () => {
  let t: TestApp;
  let admin: TestUser;
  let story: StoryResponse;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t, ['admin']);
    story = await editOk(t, admin, await actOk(t, admin, await createStory(t, admin, { headline: '布林肯与拉夫罗夫会面' }), 'publish'), {
      subheadline: '第二版',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const json = (method: 'post' | 'patch', url: string, body: string, auth?: string) => {
    const req = request(t.http)[method](url).set('Content-Type', 'application/json');
    if (auth) req.set('Authorization', auth);
    return req.send(body);
  };
  /** Sends `body` in chunks with no Content-Length; resolves the status. */
  const sendChunked = async (path: string, body: string): Promise<number> => {
    const server = (t.http as Server).listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'Content-Type': 'application/json' } });
      for (let at = 0; at < body.length; at += 4096) req.write(body.slice(at, at + 4096));
      req.end();
      const [res] = (await once(req, 'response')) as [IncomingMessage];
      res.resume();
      return res.statusCode ?? 0;
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  };
  const problem = (res: request.Response, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    return res.body as { detail: string; errors?: Array<{ field: string; message: string }> };
  };
  const refusedField = (res: request.Response, field: string, message: RegExp) => {
    expect(problem(res, 422).errors).toEqual([{ field, message: expect.stringMatching(message) }]);
  };

  describe('wide and deep bodies (items 1 and 2)', () => {
    it('answers a login with 150,000 keys 413 at once, and /health stays responsive', async () => {
      const body = wide(150_000, { email: 'a@b.test', password: 'x' });
      expect(body.length).toBeGreaterThan(1_500_000);
      const [res, health] = await Promise.all([json('post', '/api/auth/login', body), request(t.http).get('/health')]);
      expect(problem(res, 413).detail).toMatch(/larger than this route accepts/);
      expect(health.status).toBe(200);
    });

    it('refuses 150,000 keys on a route with the 2 MB limit with one error, not one per key', async () => {
      const res = await json('post', '/api/admin/articles', wide(150_000, { headline: 'x' }), admin.auth);
      refusedField(res, '', /has more than 100 keys/);
    });

    it('lists at most 20 validation errors however many fields are wrong', async () => {
      const res = await json('post', '/api/auth/login', wide(90, { email: 'a@b.test', password: 'x' }));
      const body = problem(res, 422);
      expect(body.errors).toHaveLength(20);
      expect(body.detail).toMatch(/first 20 of 90/);
    });

    it('answers deep nesting 422 naming where, instead of a stack overflow (500)', async () => {
      const res = await json('post', '/api/auth/login', `{"email":"a@b.test","password":${nested(5_000)}}`);
      refusedField(res, 'password.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0', /nests deeper than 16 levels/);
      // 10,000 deep (20 KB) is over the login limit; on a 2 MB route it meets the depth limit.
      expect((await json('post', '/api/auth/login', `{"email":"a@b.test","password":${nested(10_000)}}`)).status).toBe(413);
      const deep = await json('patch', `/api/admin/articles/${story.id}`, `{"headline":${nested(1_000_000)}}`, admin.auth).set('If-Match', '"2"');
      refusedField(deep, 'headline.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0', /nests deeper than 16 levels/);
    });

    it('refuses long arrays and too many values in all, before validation', async () => {
      const tags = await json('post', '/api/admin/articles', JSON.stringify({ headline: 'x', tags: Array(1001).fill('t') }), admin.auth);
      refusedField(tags, 'tags', /more than 1000 elements/);
      const blocks = Array.from({ length: 900 }, () => ({ type: 'paragraph', text: 'x', a: 1, b: 2, c: 3 }));
      refusedField(await json('post', '/api/admin/articles', JSON.stringify({ headline: 'x', body: blocks }), admin.auth), '', /more than 4000 keys/);
    });

    it('still accepts a story at every editorial limit: 500 photo blocks', async () => {
      const blocks = Array.from({ length: 500 }, (_, i) => ({ type: 'quote', text: `第${i}段引语。`, attribution: '布林肯' }));
      const res = await json(
        'post',
        '/api/admin/articles',
        JSON.stringify({ headline: '五百段', tags: Array(30).fill('标签'), body: blocks }),
        admin.auth,
      );
      expect(res.status).toBe(201);
    });

    it('keeps auth and workflow bodies small (16 KB) and other JSON bodies at 2 MB', async () => {
      const note = 'x'.repeat(17 * 1024);
      for (const action of WORKFLOW_ACTIONS) {
        const res = await json('post', `/api/admin/articles/${story.id}/${action}`, JSON.stringify({ note }), admin.auth).set('If-Match', '"2"');
        expect([action, res.status]).toEqual([action, 413]);
      }
      const restore = await json('post', `/api/admin/articles/${story.id}/revisions/1/restore`, JSON.stringify({ note }), admin.auth);
      expect(restore.status).toBe(413);
      for (const path of ['/api/auth/login', '/api/auth/refresh', '/api/auth/logout', '/api/auth/password']) {
        expect([path, (await json('post', path, JSON.stringify({ refreshToken: note }), admin.auth)).status]).toEqual([path, 413]);
      }
      // The same size elsewhere reaches validation, and 2 MB + 1 byte does not.
      const long = await json('patch', `/api/admin/articles/${story.id}`, JSON.stringify({ headline: note }), admin.auth).set('If-Match', '"2"');
      refusedField(long, 'headline', /shorter than or equal to 200/);
      const huge = await json('post', '/api/admin/imports', JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) }), admin.auth);
      expect(huge.status).toBe(413);
    });

    it('reads no more than 16 KB from a client without an access token, whatever the route', async () => {
      const body = JSON.stringify({ headline: 'x'.repeat(100_000) });
      expect(problem(await json('post', '/api/admin/articles', body), 413).detail).toMatch(/16 KB without an access token/);
      expect((await json('post', '/api/admin/articles', body, admin.auth)).status).toBe(422);
      // Chunked, with no Content-Length to judge by: read, then refused all the same.
      expect(await sendChunked('/api/admin/articles', body)).toBe(413);
    });
  });

  describe('text PostgreSQL cannot store (item 3)', () => {
    it('refuses NUL in query strings with 422 naming the parameter', async () => {
      refusedField(await request(t.http).get('/api/content/search?q=a%00b'), 'q', /NUL/);
      refusedField(await request(t.http).get('/api/content/articles?tag=a%00b'), 'tag', /NUL/);
      refusedField(await request(t.http).get('/api/admin/articles?q=a%00b').set('Authorization', admin.auth), 'q', /NUL/);
      refusedField(await request(t.http).get('/api/admin/users?q=a%00b').set('Authorization', admin.auth), 'q', /NUL/);
      refusedField(await request(t.http).get('/api/admin/audit?entityId=a%00b').set('Authorization', admin.auth), 'entityId', /NUL/);
    });

    it('refuses more than 50 query parameters before any of them is validated', async () => {
      const many = Array.from({ length: 1000 }, (_, i) => `p${i}=1`).join('&');
      refusedField(await request(t.http).get(`/api/content/articles?${many}`), '', /more than 50 parameters/);
    });

    it('answers 404 to NUL or an encoded lone surrogate in a path segment', async () => {
      for (const path of ['/api/content/articles/a%00b', '/api/content/articles/%ED%A0%80', '/media/a%00b/medium.webp', `/api/admin/media/a%00b`]) {
        const res = await request(t.http).get(path).set('Authorization', admin.auth);
        expect([path, res.status]).toEqual([path, 404]);
      }
    });

    it('refuses NUL and lone surrogates in JSON bodies with 422 naming the field, and stores nothing', async () => {
      const stories = async () => Number((await t.dataSource.query(`SELECT count(*) AS count FROM article`))[0].count);
      const before = await stories();
      refusedField(await json('post', '/api/auth/login', JSON.stringify({ email: 'a\u0000@b.test', password: 'x' })), 'email', /NUL/);
      refusedField(await json('post', '/api/auth/login', '{"email":"x\\ud800@b.test","password":"x"}'), 'email', /surrogate/);
      refusedField(await json('post', '/api/admin/articles', JSON.stringify({ headline: 'a\u0000b' }), admin.auth), 'headline', /NUL/);
      refusedField(await json('post', '/api/admin/articles', '{"headline":"a\\udc00b"}', admin.auth), 'headline', /surrogate/);
      const blocks = '{"headline":"ok","body":[{"type":"paragraph","text":"ok"},{"type":"paragraph","text":"\\ud83d"}]}';
      refusedField(await json('post', '/api/admin/articles', blocks, admin.auth), 'body.1.text', /surrogate/);
      refusedField(await json('post', '/api/admin/categories', '{"name":"体育\\ud800"}', admin.auth), 'name', /surrogate/);
      refusedField(await json('post', '/api/admin/articles', JSON.stringify({ headline: 'x', tags: ['美国\u0000'] }), admin.auth), 'tags.0', /NUL/);
      expect(await stories()).toBe(before);
    });

    it('keeps emoji and rare characters (surrogate pairs) working', async () => {
      const res = await json('post', '/api/admin/articles', JSON.stringify({ headline: '庆祝 🎉 𠀀' }), admin.auth);
      expect(res.status).toBe(201);
      expect(res.body.headline).toBe('庆祝 🎉 𠀀');
    });
  });

  describe('forged cursors (item 3)', () => {
    const contentCursors = ['1', '2020-02-30', '0', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '2020-02-30T00:00:00.000Z'];

    it.each(contentCursors)('answers 422 to a public list cursor with p = %s', async (p) => {
      refusedField(await request(t.http).get(`/api/content/articles?cursor=${forged({ p, id: ID })}`), 'cursor', /not one this API issued/);
    });

    it('answers 422 to a forged cursor on every other list', async () => {
      const get = (url: string) => request(t.http).get(url).set('Authorization', admin.auth);
      const search = forged({ m: 'tokens', w: 0, r: 1, s: '2020-02-30T00:00:00.000Z', id: ID, at: '2026-01-01T00:00:00.000Z' });
      for (const url of [
        `/api/content/search?q=布林肯&cursor=${search}`,
        `/api/admin/articles?cursor=${forged({ u: '0', id: ID })}`,
        `/api/admin/media?cursor=${forged({ at: '+275760-09-13T00:00:00.000Z', id: ID })}`,
        `/api/admin/audit?cursor=${forged({ id: '9999999999999999999' })}`,
        `/api/admin/articles/${story.id}/revisions?cursor=${forged({ n: 2 ** 40 })}`,
        `/api/admin/users?cursor=${forged({ email: 'a\u0000' })}`,
      ]) {
        const res = await get(url);
        expect([url, res.status, res.body.errors]).toEqual([url, 422, [{ field: 'cursor', message: 'cursor is not one this API issued' }]]);
      }
    });

    it('still pages with the cursors it issues', async () => {
      const first = await request(t.http).get('/api/admin/articles?limit=1').set('Authorization', admin.auth).expect(200);
      const next = await request(t.http).get(`/api/admin/articles?limit=1&cursor=${first.body.nextCursor}`).set('Authorization', admin.auth);
      expect(next.status).toBe(200);
      const revisions = await request(t.http).get(`/api/admin/articles/${story.id}/revisions?limit=1`).set('Authorization', admin.auth).expect(200);
      const older = await request(t.http)
        .get(`/api/admin/articles/${story.id}/revisions?limit=1&cursor=${revisions.body.nextCursor}`)
        .set('Authorization', admin.auth);
      expect(older.body.items.map((r: { number: number }) => r.number)).toEqual([2]);
      const audit = await request(t.http).get('/api/admin/audit?limit=1').set('Authorization', admin.auth).expect(200);
      await request(t.http).get(`/api/admin/audit?limit=1&cursor=${audit.body.nextCursor}`).set('Authorization', admin.auth).expect(200);
    });
  });

  it('answers every authenticated route 4xx, never 5xx, when every input holds NUL, surrogates or deep nesting', async () => {
    const bodies = ['{"a\\u0000":"b\\u0000","note":"\\ud800"}', '{"note":"\\udfff","headline":"\\u0000"}', `{"headline":${nested(40)}}`];
    const failures: string[] = [];
    for (const route of AUTHENTICATED_ROUTES) {
      const url = bogusUrl(route.path).replace(/999999/g, '1');
      const send = (suffix: string, body?: string) => {
        const agent = request(t.http);
        const req = agent[route.method.toLowerCase() as 'get'](url + suffix)
          .set('Authorization', admin.auth)
          .set('If-Match', '"1"');
        return body === undefined ? req : req.set('Content-Type', 'application/json').send(body);
      };
      const answers = [await send('?q=a%00b'), await send('?cursor=%00'), await send(`?cursor=${forged({ n: 1e300, id: 'x\u0000' })}`)];
      if (route.method !== 'GET' && route.method !== 'DELETE') for (const body of bodies) answers.push(await send('', body));
      for (const res of answers) if (res.status >= 500) failures.push(`${route.method} ${route.path}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  });
});
