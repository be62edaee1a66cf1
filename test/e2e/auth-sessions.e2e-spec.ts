// Access tokens belong to their session (the refresh-token family of one login): when the session
// ends (logout, a reused refresh token, a password change), its access tokens stop working in every
// app process within a second, while the user's other sessions keep working. Two app instances on
// one database stand for two processes behind a load balancer.
import request from 'supertest';
import { EndedSessions } from '../../src/auth/ended-sessions.service.js';
import type { TestApp } from '../support/app.js';
import { createSharedDatabase, startAppOn } from '../support/shared-db.js';
import { createUser, login, type Session, type TestUser } from '../support/users.js';

const me = (t: TestApp, session: Session) => request(t.http).get('/api/auth/me').set('Authorization', session.auth);

/** The status `/api/auth/me` settles on within one second (polled every 10 ms until it answers 401). */
async function statusWithinOneSecond(t: TestApp, session: Session): Promise<number> {
  const deadline = Date.now() + 1000;
  for (;;) {
    const { status } = await me(t, session);
    if (status === 401 || Date.now() > deadline) return status;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('sessions across two app processes', () => {
  let db: Awaited<ReturnType<typeof createSharedDatabase>>;
  let a: TestApp;
  let b: TestApp;
  let editor: TestUser;

  beforeAll(async () => {
    db = await createSharedDatabase();
    a = await startAppOn(db.url, { SCHEDULER_ENABLED: 'false' });
    b = await startAppOn(db.url, { SCHEDULER_ENABLED: 'false' });
    editor = await createUser(a, ['editor']);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    await db.drop();
  });

  it('ends a logged-out session in the other process within a second, and only that session', async () => {
    const desk = await login(a, editor.email, editor.password);
    const laptop = await login(a, editor.email, editor.password);
    await me(a, desk).expect(200);
    await me(b, desk).expect(200);

    await request(b.http).post('/api/auth/logout').send({ refreshToken: desk.refreshToken }).expect(204);
    expect(await statusWithinOneSecond(a, desk)).toBe(401);
    await me(b, desk).expect(401);

    await me(a, laptop).expect(200);
    await me(b, laptop).expect(200);
    await request(a.http).post('/api/auth/refresh').send({ refreshToken: desk.refreshToken }).expect(401);
  });

  it('ends the session of a reused refresh token, the stolen copy and the rotated one alike, in both processes', async () => {
    const phone = await login(a, editor.email, editor.password);
    const other = await login(b, editor.email, editor.password);
    const rotated = (await request(a.http).post('/api/auth/refresh').send({ refreshToken: phone.refreshToken }).expect(200)).body as Session;
    const rotatedSession = { ...rotated, auth: `Bearer ${rotated.accessToken}` };
    await me(b, rotatedSession).expect(200);

    // The old refresh token presented again (it was copied): the whole login ends.
    await request(b.http).post('/api/auth/refresh').send({ refreshToken: phone.refreshToken }).expect(401);
    expect(await statusWithinOneSecond(a, rotatedSession)).toBe(401);
    expect(await statusWithinOneSecond(b, phone)).toBe(401);
    await me(a, other).expect(200);
  });

  it('ends every session of a user who changes their password, except the one the change returns', async () => {
    const reporter = await createUser(a, ['contributor']);
    const first = await login(a, reporter.email, reporter.password);
    const second = await login(b, reporter.email, reporter.password);
    const res = await request(b.http)
      .post('/api/auth/password')
      .set('Authorization', second.auth)
      .send({ currentPassword: reporter.password, newPassword: 'a brand new passphrase 2026' })
      .expect(200);
    expect(await statusWithinOneSecond(a, first)).toBe(401);
    await me(a, second).expect(401);
    await me(a, { ...res.body, auth: `Bearer ${res.body.accessToken}` } as Session).expect(200);
  });

  it('refuses an ended session while the process cannot hear notifications (it asks the database instead)', async () => {
    const session = await login(a, editor.email, editor.password);
    await me(a, session).expect(200);
    const listener = a.app.get(EndedSessions);
    // Cut every notification connection; the processes reconnect a second later.
    await a.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'masthead-sessions' AND datname = current_database()`,
    );
    for (let i = 0; i < 100 && listener.isListening; i++) await new Promise((r) => setTimeout(r, 5));
    expect(listener.isListening).toBe(false);

    await request(b.http).post('/api/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
    await me(a, session).expect(401);

    // Back to listening (ends are loaded again on reconnecting), and still refused.
    for (let i = 0; i < 300 && !listener.isListening; i++) await new Promise((r) => setTimeout(r, 10));
    expect(listener.isListening).toBe(true);
    await me(a, session).expect(401);
    const fresh = await login(a, editor.email, editor.password);
    await me(a, fresh).expect(200);
  });
});
