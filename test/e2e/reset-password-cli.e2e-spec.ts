// `npm run user:reset-password -- EMAIL` as an operator runs it: a real process against the database
// a running app uses. The account gets a new password (printed once), its sessions end, a lockout on
// it is lifted, and the audit log records it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { createUser, login, type TestUser } from '../support/users.js';

const run = promisify(execFile);

describe('npm run user:reset-password', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t, ['admin'], { email: 'chief@newsroom.test' });
  });
  afterAll(() => t.close());

  const reset = (...args: string[]) =>
    run(process.execPath, ['dist/src/cli/reset-password.js', ...args], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: t.config.databaseUrl, LOG_LEVEL: 'silent', DATA_DIR: '.data/test-files' },
    });

  it('prints a new password once; the old one and every session stop working; the lockout is lifted; the audit log says so', async () => {
    const session = await login(t, admin.email, admin.password);
    // Locked out by someone guessing from this address.
    for (let i = 0; i < 5; i++) await request(t.http).post('/api/auth/login').send({ email: admin.email, password: `wrong guess ${i}` });
    await request(t.http).post('/api/auth/login').send({ email: admin.email, password: admin.password }).expect(429);

    const { stdout, stderr } = await reset('Chief@Newsroom.test');
    const password = /New password for chief@newsroom\.test: (\S+)/.exec(stdout)?.[1];
    expect(password).toBeDefined();
    expect(password!.length).toBeGreaterThanOrEqual(20);
    expect(stderr).toContain('Every session of this account has ended');

    await request(t.http).get('/api/auth/me').set('Authorization', session.auth).expect(401);
    await request(t.http).post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    await request(t.http).post('/api/auth/login').send({ email: admin.email, password: admin.password }).expect(401);
    await request(t.http).post('/api/auth/login').send({ email: admin.email, password }).expect(200);

    const audit = await t.dataSource.query(`SELECT actor_id, summary FROM audit_entry WHERE entity_id = $1 AND action = 'user.update'`, [admin.id]);
    expect(audit).toEqual([{ actor_id: null, summary: { passwordReset: true, by: 'command line' } }]);
  });

  it('answers 1 for an unknown email and 2 without exactly one email, changing nothing', async () => {
    await expect(reset('nobody@newsroom.test')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('No user has the email nobody@newsroom.test') });
    await expect(reset()).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run user:reset-password -- EMAIL') });
  });
});
