// Login, refresh and logout take JSON only. A form on another site can post urlencoded, multipart or
// text/plain bodies without the browser asking first; accepting them would let that page log its
// visitor into an account of the attacker's choosing (login CSRF).
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { createUser, login, type TestUser } from '../support/users.js';

describe('auth: JSON bodies only', () => {
  let t: TestApp;
  let editor: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    editor = await createUser(t, ['editor']);
  });
  afterAll(async () => {
    await t.close();
  });

  const expect415 = (res: request.Response) => {
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: '/problems/unsupported-media-type', status: 415 });
    expect(res.body.detail).toMatch(/application\/json/);
  };

  it('refuses a form-encoded login with the right password, and opens no session', async () => {
    const res = await request(t.http).post('/api/auth/login').type('form').send({ email: editor.email, password: editor.password });
    expect415(res);
    expect(res.body.accessToken).toBeUndefined();
    const logins = await t.dataSource.query(`SELECT count(*)::int AS n FROM refresh_token WHERE user_id = $1`, [editor.id]);
    expect(logins[0].n).toBe(1); // the session createUser opened, no other
  });

  it('refuses JSON sent as text/plain or multipart, and a body-less request', async () => {
    const json = JSON.stringify({ email: editor.email, password: editor.password });
    expect415(await request(t.http).post('/api/auth/login').set('Content-Type', 'text/plain').send(json));
    expect415(await request(t.http).post('/api/auth/login').field('email', editor.email).field('password', editor.password));
    expect415(await request(t.http).post('/api/auth/login'));
  });

  it('refuses form-encoded refresh and logout, which leave the session alone', async () => {
    const session = await login(t, editor.email, editor.password);
    expect415(await request(t.http).post('/api/auth/logout').type('form').send({ refreshToken: session.refreshToken }));
    expect415(await request(t.http).post('/api/auth/refresh').type('form').send({ refreshToken: session.refreshToken }));
    await request(t.http).get('/api/auth/me').set('Authorization', session.auth).expect(200);
    await request(t.http).post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(200);
  });

  it('accepts JSON with a charset', async () => {
    await request(t.http)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json; charset=utf-8')
      .send(JSON.stringify({ email: editor.email, password: editor.password }))
      .expect(200);
  });
});
