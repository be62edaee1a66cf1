// Hostile access tokens: each is crafted by hand here so that only the server's checks stand
// between it and the API. A well-formed token made the same way is accepted, so the refusals below
// are refusals of the specific defect, not of the crafting.
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../support/app.js';
import { createUser, login, type TestUser } from '../support/users.js';

const b64 = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function craft(payload: object, options: { alg?: string; secret?: string; header?: object } = {}): string {
  const alg = options.alg ?? 'HS256';
  const head = `${b64(options.header ?? { alg, typ: 'JWT' })}.${b64(payload)}`;
  if (alg === 'none') return `${head}.`;
  const digest = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg] ?? 'sha256';
  return `${head}.${createHmac(digest, options.secret ?? TEST_JWT_SECRET)
    .update(head)
    .digest('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);

describe('auth: hostile access tokens', () => {
  let t: TestApp;
  let editor: TestUser;
  let admin: TestUser;
  /** The editor's session, as their login (createUser) opened it. */
  let sid: string;
  const claims = () => ({ sub: editor.id, sid, ver: 0, typ: 'access', iat: now(), exp: now() + 600 });
  const me = (token: string) => request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    t = await createTestApp();
    editor = await createUser(t, ['editor']);
    admin = await createUser(t, ['admin']);
    sid = (JSON.parse(Buffer.from(editor.token.split('.')[1], 'base64url').toString()) as { sid: string }).sid;
  });
  afterAll(async () => {
    await t.close();
  });

  it('accepts a correctly signed HS256 token made by hand (the control for the cases below)', async () => {
    const res = await me(craft(claims())).expect(200);
    expect(res.body.id).toBe(editor.id);
  });

  it('refuses an expired token and says it expired', async () => {
    const res = await me(craft({ ...claims(), iat: now() - 1000, exp: now() - 10 })).expect(401);
    expect(res.body.detail).toMatch(/expired/);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = craft(claims()).split('.');
    const forged = `${header}.${b64({ ...claims(), sub: admin.id })}.${signature}`;
    await me(forged).expect(401);
    const permissionsOnly = `${header}.${b64({ ...claims(), ver: 0, typ: 'access', roles: ['admin'] })}.${signature}`;
    await request(t.http).get('/api/admin/users').set('Authorization', `Bearer ${permissionsOnly}`).expect(401);
  });

  it('refuses alg "none", with or without a signature part', async () => {
    await me(craft(claims(), { alg: 'none' })).expect(401);
    await me(craft(claims(), { alg: 'none' }).slice(0, -1)).expect(401);
    await me(craft(claims(), { alg: 'none', header: { alg: 'None', typ: 'JWT' } })).expect(401);
  });

  it('refuses a token signed with another secret', async () => {
    await me(craft(claims(), { secret: 'some-other-secret-that-is-long-enough-0123456789' })).expect(401);
  });

  it('refuses other algorithms even with the right secret', async () => {
    await me(craft(claims(), { alg: 'HS512' })).expect(401);
    await me(craft(claims(), { alg: 'HS384' })).expect(401);
  });

  it('refuses a signed token that is not an access token, or lacks its claims', async () => {
    await me(craft({ ...claims(), typ: 'refresh' })).expect(401);
    await me(craft({ sub: editor.id, iat: now(), exp: now() + 600 })).expect(401);
    await me(craft({ ...claims(), sub: 'not-a-uuid' })).expect(401);
    await me(craft({ ...claims(), sub: '00000000-0000-4000-8000-000000000000' })).expect(401);
  });

  it('refuses a correctly signed token that never expires, claims a longer life than the server issues, or comes from the future', async () => {
    const { exp: _exp, ...withoutExp } = claims();
    await me(craft(withoutExp)).expect(401);
    await me(craft({ ...claims(), exp: now() + 365 * 86400 })).expect(401);
    await me(craft({ ...claims(), exp: 'never' })).expect(401);
    const { iat: _iat, ...withoutIat } = claims();
    await me(craft(withoutIat)).expect(401);
    await me(craft({ ...claims(), iat: now() + 86400, exp: now() + 86400 + 600 })).expect(401);
  });

  it('refuses a correctly signed token that names no session, or one that is not a session id', async () => {
    const { sid: _sid, ...withoutSid } = claims();
    await me(craft(withoutSid)).expect(401);
    await me(craft({ ...claims(), sid: 'everything' })).expect(401);
  });

  it('refuses a token of an older version (after a password reset or role change)', async () => {
    await me(craft({ ...claims(), ver: 1 })).expect(401);
  });

  it('refuses a refresh token presented as a bearer token, and garbage', async () => {
    const session = await login(t, editor.email, editor.password);
    await me(session.refreshToken).expect(401);
    await me('not.a.jwt').expect(401);
    await request(t.http)
      .get('/api/auth/me')
      .set('Authorization', `Basic ${b64('user:pass')}`)
      .expect(401);
  });

  it('issues HS256 tokens that carry only the id, the session, the version, the type and the times', async () => {
    const session = await login(t, editor.email, editor.password);
    const [header, payload] = session.accessToken.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['exp', 'iat', 'sid', 'sub', 'typ', 'ver']);
    expect((body.exp as number) - (body.iat as number)).toBe(900);
  });
});
