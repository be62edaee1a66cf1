// Role × route matrix: for every authenticated route and every built-in role (plus anonymous and a
// deactivated account), the status a caller gets. A route missing from the table, or one whose
// permission decorator is missing or differs, fails this suite.
import request from 'supertest';
import type { Permission } from '../../src/access/permissions.js';
import { BUILT_IN_ROLE_CORE_GRANTS } from '../../src/users/grants.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { AUTHENTICATED_ROUTES, bogusUrl, openApiPath, type AuthenticatedRoute } from '../support/route-table.js';
import { createUser } from '../support/users.js';

const BUILT_IN_ROLES = Object.keys(BUILT_IN_ROLE_CORE_GRANTS);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface OpenApiOperation {
  security?: Array<Record<string, unknown>>;
  responses?: Record<string, unknown>;
  'x-required-permissions'?: Permission[];
  'x-required-any-permission'?: Permission[];
}
type OpenApiDocument = { paths: Record<string, Partial<Record<(typeof METHODS)[number], OpenApiOperation>>> };

describe('access matrix: every authenticated route × every role', () => {
  let t: TestApp;
  const auth = new Map<string, string>();
  let doc: OpenApiDocument;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of BUILT_IN_ROLES) auth.set(role, (await createUser(t, [role])).auth);
    // An administrator whose account was then deactivated: the token is otherwise perfectly valid.
    const retired = await createUser(t, ['admin']);
    await request(t.http).patch(`/api/admin/users/${retired.id}`).set('Authorization', auth.get('admin')!).send({ active: false }).expect(200);
    auth.set('deactivated', retired.auth);
    doc = (await request(t.http).get('/docs/openapi.json').expect(200)).body as OpenApiDocument;
  });
  afterAll(async () => {
    await t.close();
  });

  const send = (route: AuthenticatedRoute, authorization?: string) => {
    const method = route.method.toLowerCase() as Lowercase<AuthenticatedRoute['method']>;
    let req = request(t.http)[method](bogusUrl(route.path));
    if (authorization) req = req.set('Authorization', authorization);
    return route.method === 'GET' || route.method === 'DELETE' ? req : req.send(route.body ?? {});
  };

  const label = (r: AuthenticatedRoute) => `${r.method} ${r.path}`;

  describe.each(AUTHENTICATED_ROUTES.map((r) => [label(r), r] as const))('%s', (_, route) => {
    it('answers 401 to an anonymous caller', async () => {
      const res = await send(route);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it("answers 401 to a deactivated user's token", async () => {
      expect((await send(route, auth.get('deactivated'))).status).toBe(401);
    });

    it('tells browsers and shared caches not to keep the answer (it depends on who asks)', async () => {
      expect((await send(route, auth.get('admin'))).headers['cache-control']).toBe('no-store');
    });

    it.each(BUILT_IN_ROLES)('answers the %s role as its grants say', async (role) => {
      const grants = BUILT_IN_ROLE_CORE_GRANTS[role];
      const { permission } = route;
      const allowed = permission === null || (typeof permission === 'string' ? grants.includes(permission) : permission.anyOf.some((p) => grants.includes(p)));
      const res = await send(route, auth.get(role));
      expect(res.status).toBeLessThan(500);
      if (allowed) expect([401, 403]).not.toContain(res.status);
      else expect(res.status).toBe(403);
    });
  });

  it('lists every /api/admin route and every route documented with bearer auth (such as /api/auth/me) in the table', () => {
    const inTable = new Set(AUTHENTICATED_ROUTES.map((r) => `${r.method} ${openApiPath(r.path)}`));
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      METHODS.filter((m) => ops[m] && (path.startsWith('/api/admin/') || path === '/api/admin' || ops[m].security?.length)).map(
        (m) => `${m.toUpperCase()} ${path}`,
      ),
    );
    expect(documented).toContain('GET /api/auth/me');
    expect(documented.length).toBeGreaterThanOrEqual(AUTHENTICATED_ROUTES.length);
    expect(documented.filter((r) => !inTable.has(r))).toEqual([]);
  });

  it.each(AUTHENTICATED_ROUTES.map((r) => [label(r), r] as const))('documents %s with bearer auth, its permission and its 401/403', (_, route) => {
    const op = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase() as (typeof METHODS)[number]];
    expect(op).toBeDefined();
    expect(op!.security).toEqual([{ bearer: [] }]);
    expect(op!.responses).toHaveProperty('401');
    if (route.permission === null) {
      expect(op!['x-required-permissions']).toBeUndefined();
      expect(op!['x-required-any-permission']).toBeUndefined();
    } else if (typeof route.permission === 'string') {
      expect(op!['x-required-permissions']).toEqual([route.permission]);
      expect(op!.responses).toHaveProperty('403');
    } else {
      expect(op!['x-required-any-permission']).toEqual(route.permission.anyOf);
      expect(op!['x-required-permissions']).toBeUndefined();
      expect(op!.responses).toHaveProperty('403');
    }
  });

  it('requires a permission on every /api/admin route', () => {
    expect(AUTHENTICATED_ROUTES.filter((r) => r.path.startsWith('/api/admin/') && r.permission === null).map(label)).toEqual([]);
  });
});
