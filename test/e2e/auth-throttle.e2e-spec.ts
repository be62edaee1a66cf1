// Failed-login throttling through the running app, including two app instances sharing one
// database (as several processes behind a load balancer would). Client addresses come from
// X-Forwarded-For (TRUST_PROXY=1), as behind a reverse proxy. Delays are waited out by moving the
// last attempt back in time rather than by sleeping.
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module.js';
import { configureApp } from '../../src/common/http-setup.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { createUser, type TestUser } from '../support/users.js';

const LIMITS = {
  TRUST_PROXY: '1',
  LOGIN_MAX_PER_ACCOUNT_AND_IP: '3',
  LOGIN_MAX_PER_ACCOUNT: '6',
  LOGIN_MAX_PER_IP: '10',
  LOGIN_WINDOW_SECONDS: '600',
};

const from = (address: string) => ({ 'X-Forwarded-For': address });
const attempt = (http: TestApp['http'], email: string, password: string, address = '198.51.100.1') =>
  request(http).post('/api/auth/login').set(from(address)).send({ email, password });

/** A second app process on the same database. */
async function secondInstance(t: TestApp): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(t.config)] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  configureApp(app, t.config);
  return app.init();
}

function expectRetryAfter(res: request.Response, atMost: number): number {
  expect(res.status).toBe(429);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ type: '/problems/too-many-requests', status: 429 });
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(atMost);
  return retryAfter;
}

describe('auth: failed-login throttling', () => {
  let t: TestApp;
  let other: INestApplication;
  let admin: TestUser;

  /** As if `seconds` had passed since each counter's last attempt. */
  const waitOut = (seconds: number) =>
    t.dataSource.query(`UPDATE login_attempt SET last_attempt_at = last_attempt_at - make_interval(secs => $1)`, [seconds]);

  beforeAll(async () => {
    t = await createTestApp(LIMITS);
    other = await secondInstance(t);
    admin = await createUser(t, ['admin']);
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  it('locks one account for the address guessing at it, counting failures from every process, and no one else', async () => {
    const writer = await createUser(t, ['author']);
    await attempt(t.http, writer.email, 'wrong-password-one', '203.0.113.9').expect(401);
    await attempt(other.getHttpServer(), writer.email, 'wrong-password-two', '203.0.113.9').expect(401);
    await attempt(t.http, writer.email, 'wrong-password-three', '203.0.113.9').expect(401);
    // The guessing address is locked out of this account for the window, right password or not.
    expectRetryAfter(await attempt(other.getHttpServer(), writer.email, writer.password, '203.0.113.9'), 600);
    expectRetryAfter(await attempt(t.http, writer.email, writer.password, '203.0.113.9'), 600);
    // The owner, elsewhere, logs in; the guessing address may still log into other accounts.
    await attempt(t.http, writer.email, writer.password, '192.0.2.44').expect(200);
    const colleague = await createUser(t, ['editor']);
    await attempt(t.http, colleague.email, colleague.password, '203.0.113.9').expect(200);
  });

  it('throttles an unknown email exactly like a real one (no enumeration through 429)', async () => {
    for (let i = 0; i < 3; i++) await attempt(t.http, 'ghost@newsroom.test', `guess-number-${i}`).expect(401);
    expectRetryAfter(await attempt(t.http, 'ghost@newsroom.test', 'guess-number-4'), 600);
  });

  it('starts an address afresh on an account after a successful login', async () => {
    const reporter = await createUser(t, ['contributor']);
    await attempt(t.http, reporter.email, 'typo-in-password-1').expect(401);
    await attempt(t.http, reporter.email, 'typo-in-password-2').expect(401);
    await attempt(t.http, reporter.email.toUpperCase(), reporter.password).expect(200);
    for (let i = 0; i < 3; i++) await attempt(t.http, reporter.email, `typo-again-${i}`).expect(401);
    expectRetryAfter(await attempt(t.http, reporter.email, reporter.password), 600);
  });

  it('slows guessing spread over many addresses with growing delays, never locking the owner out', async () => {
    const editor = await createUser(t, ['editor']);
    for (let i = 0; i < 6; i++) await attempt(t.http, editor.email, `botnet-guess-${i}`, `203.0.113.${100 + i}`).expect(401);
    // Past the per-account limit: 1 s after the last attempt, then 2 s, 4 s, … from any address.
    expectRetryAfter(await attempt(t.http, editor.email, editor.password, '192.0.2.10'), 1);
    await waitOut(1);
    await attempt(t.http, editor.email, 'botnet-guess-7', '203.0.113.120').expect(401);
    expectRetryAfter(await attempt(t.http, editor.email, 'botnet-guess-8', '203.0.113.121'), 2);
    await waitOut(1);
    expect(Number((await attempt(t.http, editor.email, editor.password, '192.0.2.10')).headers['retry-after'])).toBe(1);
    await waitOut(1);
    await attempt(t.http, editor.email, editor.password, '192.0.2.10').expect(200);
  });

  it('slows an address that sprays many accounts, without locking out everyone behind it', async () => {
    const office = '198.51.100.77';
    for (let i = 0; i < 10; i++) await attempt(t.http, `sprayed-${i}@newsroom.test`, 'Summer-in-Penang-2024', office).expect(401);
    const member = await createUser(t, ['editor']);
    expectRetryAfter(await attempt(t.http, member.email, member.password, office), 1);
    await waitOut(1);
    await attempt(t.http, member.email, member.password, office).expect(200);
    // The next guess waits again, growing, and the address's other users wait no longer than that.
    await attempt(t.http, 'sprayed-11@newsroom.test', 'Summer-in-Penang-2024', office).expect(429);
    await waitOut(1);
    await attempt(t.http, 'sprayed-11@newsroom.test', 'Summer-in-Penang-2024', office).expect(401);
    expectRetryAfter(await attempt(t.http, member.email, member.password, office), 2);
  });

  it('records each lock once in the audit log', async () => {
    const sub = await createUser(t, ['contributor']);
    for (let i = 0; i < 3; i++) await attempt(t.http, sub.email, `wrong-${i}`, '203.0.113.50').expect(401);
    for (let i = 0; i < 3; i++) await attempt(t.http, sub.email, `wrong-again-${i}`, '203.0.113.50').expect(429);
    const res = await request(t.http).get('/api/admin/audit').query({ action: 'auth.login_throttled' }).set('Authorization', admin.auth).expect(200);
    const entries = (res.body.items as Array<{ entityId: string; summary: Record<string, unknown> }>).filter(
      (i) => i.entityId === `account-ip:203.0.113.50/${sub.email}`,
    );
    expect(entries).toEqual([expect.objectContaining({ summary: { limit: 3, consequence: 'locked' } })]);
  });

  it('lets a user manager unlock an account, audited, and nobody else', async () => {
    const locked = await createUser(t, ['author']);
    for (let i = 0; i < 3; i++) await attempt(t.http, locked.email, `forgot-it-${i}`, '203.0.113.60').expect(401);
    await attempt(t.http, locked.email, locked.password, '203.0.113.60').expect(429);

    const editor = await createUser(t, ['editor']);
    await request(t.http).post(`/api/admin/users/${locked.id}/unlock`).set('Authorization', editor.auth).expect(403);
    await request(t.http).post('/api/admin/users/00000000-0000-4000-8000-000000000000/unlock').set('Authorization', admin.auth).expect(404);
    await attempt(t.http, locked.email, locked.password, '203.0.113.60').expect(429);

    await request(t.http).post(`/api/admin/users/${locked.id}/unlock`).set('Authorization', admin.auth).expect(204);
    await attempt(t.http, locked.email, locked.password, '203.0.113.60').expect(200);
    const audit = await request(t.http)
      .get('/api/admin/audit')
      .query({ action: 'user.unlock', entityId: locked.id })
      .set('Authorization', admin.auth)
      .expect(200);
    expect(audit.body.items).toEqual([expect.objectContaining({ actor: { id: admin.id, email: admin.email }, summary: { failedAttempts: 3 } })]);
  });

  it('throttles wrong current passwords on a password change like logins, with Retry-After', async () => {
    const user = await createUser(t, ['contributor']);
    const change = (currentPassword: string) =>
      request(t.http)
        .post('/api/auth/password')
        .set(from('203.0.113.70'))
        .set('Authorization', user.auth)
        .send({ currentPassword, newPassword: 'another long passphrase 77' });
    for (let i = 0; i < 3; i++) await change(`not-it-${i}`).expect(422);
    expectRetryAfter(await change(user.password), 600);
  });
});

describe('auth: client addresses without a trusted proxy', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_PER_ACCOUNT_AND_IP: '3', LOGIN_WINDOW_SECONDS: '600' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('ignores X-Forwarded-For, so a client cannot pick a fresh address for each guess', async () => {
    const victim = await createUser(t, ['editor']);
    for (let i = 0; i < 3; i++) await attempt(t.http, victim.email, `guess-${i}`, `203.0.113.${i}`).expect(401);
    expectRetryAfter(await attempt(t.http, victim.email, victim.password, '198.51.100.7'), 600);
  });
});
