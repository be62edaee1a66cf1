import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';

describe('foundation: HTTP surface', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers liveness and readiness', async () => {
    await request(t.http).get('/health').expect(200, { status: 'ok' });
    const ready = await request(t.http).get('/health/ready').expect(200);
    expect(ready.body.info.database.status).toBe('up');
  });

  it('answers an unknown route with a problem+json 404 and a request id', async () => {
    const res = await request(t.http).get('/no/such/route').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: '/problems/not-found', title: 'Not Found', status: 404, instance: '/no/such/route' });
    expect(typeof res.body.detail).toBe('string');
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('echoes a well-formed incoming x-request-id and replaces a malformed one', async () => {
    const kept = await request(t.http).get('/health').set('x-request-id', 'edge-abc-123');
    expect(kept.headers['x-request-id']).toBe('edge-abc-123');
    const replaced = await request(t.http).get('/health').set('x-request-id', 'bad id <script>');
    expect(replaced.headers['x-request-id']).not.toContain('<');
  });

  it('answers malformed JSON with a problem+json 400 and no stack trace', async () => {
    const res = await request(t.http).post('/api/auth/login').set('content-type', 'application/json').send('{"email": ').expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: '/problems/bad-request', status: 400, detail: 'The request body is not valid JSON.' });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js:\d+/);
  });

  it('serves the OpenAPI document and the Swagger UI', async () => {
    const doc = await request(t.http).get('/docs/openapi.json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.paths['/health/ready']).toBeDefined();
    expect(doc.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const ui = await request(t.http).get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('sends /docs/ (a trailing slash) to /docs, where the Swagger UI finds its assets', async () => {
    const res = await request(t.http).get('/docs/').expect(301);
    expect(res.headers.location).toBe('/docs');
    const page = await request(t.http).get(res.headers.location).redirects(1).expect(200);
    // The page's scripts, resolved as a browser resolves them against /docs, all load.
    const scripts = [...page.text.matchAll(/<script src="([^"]+)"/g)].map((m) => new URL(m[1], 'http://reader.test/docs').pathname);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) await request(t.http).get(script).expect(200);
  });

  it('marks public routes `security: []` and every admin route with its bearer token', async () => {
    const doc = (await request(t.http).get('/docs/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    expect(doc.paths['/api/content/articles'].get.security).toEqual([]);
    expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
    expect(doc.paths['/api/admin/articles'].get.security).toEqual([{ bearer: [] }]);
  });

  it('sets security headers', async () => {
    const res = await request(t.http).get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
