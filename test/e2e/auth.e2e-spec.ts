// Login, refresh rotation with theft detection, logout and /me, through the running app.
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { createUser, login, type TestUser } from '../support/users.js';

describe('auth: login, refresh, logout, me', () => {
  let t: TestApp;
  let admin: TestUser;
  let editor: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t, ['admin']);
    editor = await createUser(t, ['editor'], { email: 'Lim.MeiLing@Newsroom.test', displayName: '林美玲' });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/auth/login', () => {
    it('answers tokens and the user with roles and permissions, never the password hash', async () => {
      const res = await request(t.http).post('/api/auth/login').send({ email: editor.email, password: editor.password }).expect(200);
      expect(res.body).toMatchObject({ expiresIn: 900, user: { id: editor.id, displayName: '林美玲', active: true, roles: ['editor'] } });
      expect(res.body.user.permissions).toContain('article.edit.any');
      expect(res.body.user.permissions).not.toContain('user.manage');
      expect(res.body.accessToken.split('.')).toHaveLength(3);
      expect(res.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|\$argon2|tokenVersion/);
      expect(res.body.user.lastLoginAt).not.toBeNull();
    });

    it('treats the email case-insensitively and ignores surrounding spaces', async () => {
      const res = await request(t.http)
        .post('/api/auth/login')
        .send({ email: '  LIM.MEILING@newsroom.TEST ', password: editor.password })
        .expect(200);
      expect(res.body.user.id).toBe(editor.id);
    });

    it('answers a wrong password and an unknown email identically', async () => {
      const wrong = await request(t.http).post('/api/auth/login').send({ email: editor.email, password: 'not-the-password-at-all' });
      const unknown = await request(t.http).post('/api/auth/login').send({ email: 'nobody@newsroom.test', password: 'not-the-password-at-all' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      const comparable = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
      expect(comparable(wrong.body)).toEqual(comparable(unknown.body));
      expect(wrong.body.detail).toBe('The email or password is incorrect.');
      expect(wrong.headers['content-type']).toBe(unknown.headers['content-type']);
    });

    it('answers a deactivated account with the same 401, even with the right password', async () => {
      const retired = await createUser(t, ['author'], { active: false });
      const res = await request(t.http).post('/api/auth/login').send({ email: retired.email, password: retired.password }).expect(401);
      expect(res.body.detail).toBe('The email or password is incorrect.');
    });

    it('rejects missing and unknown fields with 422 naming them', async () => {
      const res = await request(t.http).post('/api/auth/login').send({ email: editor.email, remember: true }).expect(422);
      const fields = (res.body.errors as Array<{ field: string }>).map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['password', 'remember']));
    });

    it('records successes and failures in the audit log without the password', async () => {
      const password = 'a-wrong-guess-4815162342';
      await request(t.http).post('/api/auth/login').send({ email: editor.email, password }).expect(401);
      await login(t, editor.email, editor.password);
      const res = await request(t.http)
        .get('/api/admin/audit')
        .query({ entityId: editor.id, limit: 20 })
        .set('Authorization', admin.auth)
        .expect(200);
      const actions = (res.body.items as Array<{ action: string }>).map((i) => i.action);
      expect(actions).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed']));
      const failed = res.body.items.find((i: { action: string }) => i.action === 'auth.login_failed');
      expect(failed).toMatchObject({ actor: null, entity: 'user', summary: { email: 'lim.meiling@newsroom.test', reason: 'wrong_password' } });
      const success = res.body.items.find((i: { action: string }) => i.action === 'auth.login');
      expect(success.actor).toEqual({ id: editor.id, email: 'lim.meiling@newsroom.test' });
      expect(JSON.stringify(res.body)).not.toContain(password);
      expect(JSON.stringify(res.body)).not.toContain(editor.password);
    });
  });

  describe('GET /api/auth/me', () => {
    it('answers the caller with roles and effective permissions', async () => {
      const session = await login(t, editor.email, editor.password);
      const res = await request(t.http).get('/api/auth/me').set('Authorization', session.auth).expect(200);
      expect(res.body).toMatchObject({ id: editor.id, email: 'lim.meiling@newsroom.test', roles: ['editor'] });
      expect(res.body.permissions).toEqual(expect.arrayContaining(['article.publish', 'category.manage', 'media.delete']));
      expect(res.body).not.toHaveProperty('passwordHash');
    });

    it('answers 401 without a token', async () => {
      await request(t.http).get('/api/auth/me').expect(401);
    });
  });

  describe('POST /api/auth/refresh', () => {
    it('rotates: the new pair works and the old refresh token does not', async () => {
      const first = await login(t, editor.email, editor.password);
      const res = await request(t.http).post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200);
      expect(res.body.refreshToken).not.toBe(first.refreshToken);
      expect(res.body.user).toMatchObject({ id: editor.id, roles: ['editor'] });
      await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      await request(t.http).post('/api/auth/refresh').send({ refreshToken: res.body.refreshToken }).expect(200);
    });

    it('treats reuse of a rotated token as theft: the whole family is revoked', async () => {
      const stolen = await login(t, editor.email, editor.password);
      const owner = await request(t.http).post('/api/auth/refresh').send({ refreshToken: stolen.refreshToken }).expect(200);
      // The thief replays the old token...
      const replay = await request(t.http).post('/api/auth/refresh').send({ refreshToken: stolen.refreshToken }).expect(401);
      expect(replay.body.type).toBe('/problems/unauthorized');
      // ...and the owner's current token, issued later in the same family, is dead too.
      await request(t.http).post('/api/auth/refresh').send({ refreshToken: owner.body.refreshToken }).expect(401);
      const audit = await request(t.http)
        .get('/api/admin/audit')
        .query({ action: 'auth.refresh_reuse', entityId: editor.id })
        .set('Authorization', admin.auth)
        .expect(200);
      expect(audit.body.items.length).toBeGreaterThanOrEqual(1);
    });

    it('does not touch other sessions of the same user when one family is revoked', async () => {
      const laptop = await login(t, editor.email, editor.password);
      const phone = await login(t, editor.email, editor.password);
      await request(t.http).post('/api/auth/refresh').send({ refreshToken: laptop.refreshToken }).expect(200);
      await request(t.http).post('/api/auth/refresh').send({ refreshToken: laptop.refreshToken }).expect(401);
      await request(t.http).post('/api/auth/refresh').send({ refreshToken: phone.refreshToken }).expect(200);
    });

    it('lets only one of several concurrent refreshes with the same token succeed', async () => {
      const session = await login(t, editor.email, editor.password);
      const results = await Promise.all([1, 2, 3].map(() => request(t.http).post('/api/auth/refresh').send({ refreshToken: session.refreshToken })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401]);
    });

    it('answers 401 to an unknown token and 422 to a missing one', async () => {
      await request(t.http)
        .post('/api/auth/refresh')
        .send({ refreshToken: 'x'.repeat(43) })
        .expect(401);
      await request(t.http).post('/api/auth/refresh').send({}).expect(422);
    });

    it('answers 401 once the refresh token has expired', async () => {
      const session = await login(t, editor.email, editor.password);
      await t.dataSource.query(`UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND revoked_at IS NULL`, [
        editor.id,
      ]);
      await request(t.http).post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    });

    it('stores refresh tokens only as hashes', async () => {
      const session = await login(t, editor.email, editor.password);
      const rows = await t.dataSource.query<Array<{ token_hash: string }>>('SELECT token_hash FROM refresh_token WHERE user_id = $1', [editor.id]);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.token_hash)).not.toContain(session.refreshToken);
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    });
  });

  describe('POST /api/auth/password', () => {
    it('changes the password, ends other sessions and returns a fresh one', async () => {
      const writer = await createUser(t, ['contributor']);
      const laptop = await login(t, writer.email, writer.password);
      const phone = await login(t, writer.email, writer.password);
      const res = await request(t.http)
        .post('/api/auth/password')
        .set('Authorization', phone.auth)
        .send({ currentPassword: writer.password, newPassword: 'monsoon season in Kota Bharu' })
        .expect(200);
      expect(res.body.user.id).toBe(writer.id);
      await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      await request(t.http).get('/api/auth/me').set('Authorization', laptop.auth).expect(401);
      await request(t.http).post('/api/auth/refresh').send({ refreshToken: laptop.refreshToken }).expect(401);
      await request(t.http).post('/api/auth/login').send({ email: writer.email, password: writer.password }).expect(401);
      await login(t, writer.email, 'monsoon season in Kota Bharu');
    });

    it('refuses a wrong current password or a weak new one with 422, changing nothing', async () => {
      const writer = await createUser(t, ['contributor']);
      const session = await login(t, writer.email, writer.password);
      const wrong = await request(t.http)
        .post('/api/auth/password')
        .set('Authorization', session.auth)
        .send({ currentPassword: 'not my password at all', newPassword: 'monsoon season in Kota Bharu' })
        .expect(422);
      expect(wrong.body.errors[0].field).toBe('currentPassword');
      const weak = await request(t.http)
        .post('/api/auth/password')
        .set('Authorization', session.auth)
        .send({ currentPassword: writer.password, newPassword: 'qwerty123456' })
        .expect(422);
      expect(weak.body.errors).toEqual([{ field: 'newPassword', message: expect.stringMatching(/^newPassword .*commonly used/) }]);
      await request(t.http).get('/api/auth/me').set('Authorization', session.auth).expect(200);
      await login(t, writer.email, writer.password);
    });
  });

  describe('POST /api/auth/logout', () => {
    it('revokes the refresh token with 204 and stays 204 when repeated', async () => {
      const session = await login(t, editor.email, editor.password);
      await request(t.http).post('/api/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
      await request(t.http).post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
      await request(t.http).post('/api/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
      await request(t.http).post('/api/auth/logout').send({ refreshToken: 'never-issued-token' }).expect(204);
    });
  });
});
