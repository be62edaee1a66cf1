// The user administration API: creating staff, changing roles, deactivating, resetting passwords,
// and the rules that keep it safe (no escalation, never without an administrator).
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { createUser, login, type TestUser } from '../support/users.js';

describe('users: administration', () => {
  let t: TestApp;
  let admin: TestUser;
  const asAdmin = () => ({ Authorization: admin.auth });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t, ['admin']);
  });
  afterAll(async () => {
    await t.close();
  });

  const createViaApi = (body: Record<string, unknown>, headers = asAdmin()) => request(t.http).post('/api/admin/users').set(headers).send(body);

  describe('POST /api/admin/users', () => {
    it('creates an editor who can then log in, storing the email lower-cased', async () => {
      const res = await createViaApi({
        email: 'Tan.WeiMing@Newsroom.test',
        displayName: ' 陈伟明 ',
        password: 'ink and newsprint 1987',
        roles: ['editor'],
      }).expect(201);
      expect(res.body).toMatchObject({
        email: 'tan.weiming@newsroom.test',
        displayName: '陈伟明',
        active: true,
        roles: ['editor'],
        lastLoginAt: null,
      });
      expect(res.body.permissions).toContain('article.publish');
      expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|\$argon2|ink and newsprint/);
      const session = await login(t, 'tan.weiming@newsroom.test', 'ink and newsprint 1987');
      await request(t.http).get('/api/auth/me').set('Authorization', session.auth).expect(200);
    });

    it('refuses an email that exists in any letter case with 409', async () => {
      const res = await createViaApi({
        email: 'TAN.WEIMING@newsroom.test',
        displayName: 'Impostor',
        password: 'another long passphrase',
        roles: [],
      }).expect(409);
      expect(res.body.type).toBe('/problems/email-taken');
    });

    it.each([
      ['too short', 'short-pw1', /at least 10/],
      ['on the common list', 'Password123', /commonly used/],
      ['on the common list (10+ characters)', 'qwertyuiop', /commonly used/],
      ['the email itself', 'wong.kahmun', /email/],
    ])('refuses a password that is %s with 422 on the password field', async (_, password, message) => {
      const res = await createViaApi({ email: 'wong.kahmun@newsroom.test', displayName: 'Wong', password, roles: [] }).expect(422);
      expect(res.body.errors).toEqual([{ field: 'password', message: expect.stringMatching(message) }]);
    });

    it('refuses unknown roles, unknown fields and malformed emails with 422, creating nothing', async () => {
      const unknownRole = await createViaApi({
        email: 'a1@newsroom.test',
        displayName: 'A',
        password: 'a long enough passphrase',
        roles: ['editor', 'overlord'],
      }).expect(422);
      expect(unknownRole.body.errors).toEqual([{ field: 'roles', message: 'unknown role: overlord' }]);
      const extra = await createViaApi({
        email: 'a2@newsroom.test',
        displayName: 'A',
        password: 'a long enough passphrase',
        roles: [],
        active: false,
        tokenVersion: 9,
      }).expect(422);
      expect((extra.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(['active', 'tokenVersion']);
      await createViaApi({ email: 'not-an-email', displayName: 'A', password: 'a long enough passphrase', roles: [] }).expect(422);
      const list = await request(t.http).get('/api/admin/users').query({ q: 'newsroom.test' }).set(asAdmin()).expect(200);
      expect((list.body.items as Array<{ email: string }>).map((u) => u.email)).not.toEqual(expect.arrayContaining(['a1@newsroom.test']));
    });
  });

  describe('GET /api/admin/users', () => {
    it('filters by substring, active flag and role, and pages with a cursor', async () => {
      for (const [name, roles, active] of [
        ['page-a', ['author'], true],
        ['page-b', ['author'], false],
        ['page-c', ['contributor'], true],
        ['page-d', ['author'], true],
      ] as const) {
        await createUser(t, [...roles], { email: `${name}@paging.test`, active, displayName: `Paging ${name}` });
      }
      const emails = async (query: Record<string, string | number>) =>
        ((await request(t.http).get('/api/admin/users').query(query).set(asAdmin()).expect(200)).body.items as Array<{ email: string }>).map(
          (u) => u.email,
        );
      expect(await emails({ q: 'paging' })).toEqual(['page-a@paging.test', 'page-b@paging.test', 'page-c@paging.test', 'page-d@paging.test']);
      expect(await emails({ q: 'Paging PAGE-C' })).toEqual(['page-c@paging.test']);
      expect(await emails({ q: 'paging', active: 'false' })).toEqual(['page-b@paging.test']);
      expect(await emails({ q: 'paging', role: 'author', active: 'true' })).toEqual(['page-a@paging.test', 'page-d@paging.test']);
      expect(await emails({ q: '%' })).toEqual([]);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: request.Response = await request(t.http)
          .get('/api/admin/users')
          .query({ q: 'paging', limit: 3, ...(cursor ? { cursor } : {}) })
          .set(asAdmin())
          .expect(200);
        seen.push(...(res.body.items as Array<{ email: string }>).map((u) => u.email));
        cursor = res.body.nextCursor as string | null;
      } while (cursor);
      expect(seen).toEqual(['page-a@paging.test', 'page-b@paging.test', 'page-c@paging.test', 'page-d@paging.test']);
    });

    it('answers 422 to a bad cursor, limit or active flag', async () => {
      await request(t.http).get('/api/admin/users').query({ cursor: 'garbage' }).set(asAdmin()).expect(422);
      await request(t.http).get('/api/admin/users').query({ limit: 101 }).set(asAdmin()).expect(422);
      await request(t.http).get('/api/admin/users').query({ active: 'maybe' }).set(asAdmin()).expect(422);
    });
  });

  describe('GET /api/admin/users/:id', () => {
    it('answers the user with permissions, and 404 for unknown or malformed ids', async () => {
      const writer = await createUser(t, ['author']);
      const res = await request(t.http).get(`/api/admin/users/${writer.id}`).set(asAdmin()).expect(200);
      expect(res.body).toMatchObject({ id: writer.id, roles: ['author'] });
      expect(res.body.permissions).toContain('article.publish');
      await request(t.http).get('/api/admin/users/00000000-0000-4000-8000-000000000000').set(asAdmin()).expect(404);
      await request(t.http).get('/api/admin/users/42').set(asAdmin()).expect(404);
    });
  });

  describe('PATCH /api/admin/users/:id', () => {
    const patch = (id: string, body: Record<string, unknown>, headers = asAdmin()) =>
      request(t.http).patch(`/api/admin/users/${id}`).set(headers).send(body);
    const refresh = (refreshToken: string) => request(t.http).post('/api/auth/refresh').send({ refreshToken });

    it('renames without ending sessions', async () => {
      const writer = await createUser(t, ['contributor']);
      const session = await login(t, writer.email, writer.password);
      const res = await patch(writer.id, { displayName: '黄家文' }).expect(200);
      expect(res.body.displayName).toBe('黄家文');
      await request(t.http).get('/api/auth/me').set('Authorization', session.auth).expect(200);
    });

    it('applies a role change to existing tokens at once and revokes refresh tokens', async () => {
      const writer = await createUser(t, ['contributor']);
      const session = await login(t, writer.email, writer.password);
      await request(t.http).get('/api/admin/audit').set('Authorization', session.auth).expect(403);
      const res = await patch(writer.id, { roles: ['editor'] }).expect(200);
      expect(res.body.roles).toEqual(['editor']);
      await request(t.http).get('/api/auth/me').set('Authorization', session.auth).expect(401);
      await refresh(session.refreshToken).expect(401);
      const again = await login(t, writer.email, writer.password);
      const me = await request(t.http).get('/api/auth/me').set('Authorization', again.auth).expect(200);
      expect(me.body.permissions).toContain('article.edit.any');
    });

    it('deactivation stops existing tokens, refresh tokens and logins; reactivation allows logging in again', async () => {
      const writer = await createUser(t, ['author']);
      const session = await login(t, writer.email, writer.password);
      await patch(writer.id, { active: false }).expect(200);
      await request(t.http).get('/api/auth/me').set('Authorization', session.auth).expect(401);
      await refresh(session.refreshToken).expect(401);
      await request(t.http).post('/api/auth/login').send({ email: writer.email, password: writer.password }).expect(401);
      await patch(writer.id, { active: true }).expect(200);
      await request(t.http).get('/api/auth/me').set('Authorization', session.auth).expect(401);
      await login(t, writer.email, writer.password);
    });

    it('an administrator password reset ends sessions and replaces the password', async () => {
      const writer = await createUser(t, ['author']);
      const session = await login(t, writer.email, writer.password);
      await patch(writer.id, { password: 'the new desk password 22' }).expect(200);
      await request(t.http).get('/api/auth/me').set('Authorization', session.auth).expect(401);
      await refresh(session.refreshToken).expect(401);
      await request(t.http).post('/api/auth/login').send({ email: writer.email, password: writer.password }).expect(401);
      await login(t, writer.email, 'the new desk password 22');
      const weak = await patch(writer.id, { password: 'iloveyou123' }).expect(422);
      expect(weak.body.errors[0].field).toBe('password');
    });

    it('answers 404 for an unknown user and 422 for unknown roles or fields', async () => {
      await patch('00000000-0000-4000-8000-000000000000', { displayName: 'x' }).expect(404);
      const writer = await createUser(t, ['author']);
      await patch(writer.id, { roles: ['ghost'] }).expect(422);
      await patch(writer.id, { email: 'new@newsroom.test' }).expect(422);
      await patch(writer.id, { active: 'no' }).expect(422);
    });
  });

  describe('the last active administrator', () => {
    it('cannot be deactivated or demoted (409); with a second admin, one can step down', async () => {
      // This file's database has exactly one administrator: `admin`.
      const deactivate = await request(t.http).patch(`/api/admin/users/${admin.id}`).set(asAdmin()).send({ active: false }).expect(409);
      expect(deactivate.body.type).toBe('/problems/last-administrator');
      await request(t.http)
        .patch(`/api/admin/users/${admin.id}`)
        .set(asAdmin())
        .send({ roles: ['editor'] })
        .expect(409);
      await request(t.http).get('/api/auth/me').set(asAdmin()).expect(200);

      await createUser(t, ['admin']);
      const stepDown = await request(t.http)
        .patch(`/api/admin/users/${admin.id}`)
        .set(asAdmin())
        .send({ roles: ['editor'] })
        .expect(200);
      expect(stepDown.body.roles).toEqual(['editor']);
    });
  });
});

describe('users: no privilege escalation', () => {
  let t: TestApp;
  let admin: TestUser;
  let personnel: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t, ['admin']);
    // A custom role that may manage accounts but holds nothing else.
    const role = await request(t.http)
      .post('/api/admin/roles')
      .set('Authorization', admin.auth)
      .send({ name: 'personnel', permissions: ['user.manage'] })
      .expect(201);
    expect(role.body.name).toBe('personnel');
    personnel = await createUser(t, ['personnel']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('may create accounts only with roles within its own permissions', async () => {
    const body = { email: 'intern@newsroom.test', displayName: 'Intern', password: 'first day at the desk' };
    const refused = await request(t.http)
      .post('/api/admin/users')
      .set('Authorization', personnel.auth)
      .send({ ...body, roles: ['admin'] })
      .expect(403);
    expect(refused.body.missingPermissions).toContain('role.manage');
    await request(t.http)
      .post('/api/admin/users')
      .set('Authorization', personnel.auth)
      .send({ ...body, roles: ['contributor'] })
      .expect(403);
    await request(t.http)
      .post('/api/admin/users')
      .set('Authorization', personnel.auth)
      .send({ ...body, roles: [] })
      .expect(201);
  });

  it('may not take over or promote an account holding more than it does', async () => {
    await request(t.http)
      .patch(`/api/admin/users/${admin.id}`)
      .set('Authorization', personnel.auth)
      .send({ password: 'i am the admin now 123' })
      .expect(403);
    await request(t.http)
      .patch(`/api/admin/users/${personnel.id}`)
      .set('Authorization', personnel.auth)
      .send({ roles: ['personnel', 'admin'] })
      .expect(403);
    await login(t, admin.email, admin.password);
  });
});
