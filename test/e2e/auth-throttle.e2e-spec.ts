// Failed-login throttling through the running app, including two app instances sharing one
// database (as several processes behind a load balancer would).
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module.js';
import { configureApp } from '../../src/common/http-setup.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { createUser, type TestUser } from '../support/users.js';

const ACCOUNT_LIMITS = { LOGIN_MAX_PER_ACCOUNT: '3', LOGIN_MAX_PER_IP: '50', LOGIN_WINDOW_SECONDS: '600' };
const ADDRESS_LIMITS = { LOGIN_MAX_PER_ACCOUNT: '3', LOGIN_MAX_PER_IP: '8', LOGIN_WINDOW_SECONDS: '600' };

const attempt = (http: TestApp['http'], email: string, password: string, headers: Record<string, string> = {}) =>
  request(http).post('/api/auth/login').set(headers).send({ email, password });

/** A second app process on the same database. */
async function secondInstance(t: TestApp): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(t.config)] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  configureApp(app, t.config);
  return app.init();
}

describe('auth: failed-login throttling per account', () => {
  let t: TestApp;
  let other: INestApplication;
  let writer: TestUser;

  beforeAll(async () => {
    t = await createTestApp(ACCOUNT_LIMITS);
    other = await secondInstance(t);
    writer = await createUser(t, ['author']);
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  it('answers 429 with Retry-After after the limit, even to the right password, counting failures from every process', async () => {
    await attempt(t.http, writer.email, 'wrong-password-one').expect(401);
    await attempt(other.getHttpServer(), writer.email, 'wrong-password-two').expect(401);
    await attempt(t.http, writer.email, 'wrong-password-three').expect(401);
    const blocked = await attempt(other.getHttpServer(), writer.email, writer.password).expect(429);
    expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(blocked.body).toMatchObject({ type: '/problems/too-many-requests', status: 429 });
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    await attempt(t.http, writer.email, writer.password).expect(429);
  });

  it('throttles an unknown email exactly like a real one (no enumeration through 429)', async () => {
    for (let i = 0; i < 3; i++) await attempt(t.http, 'ghost@newsroom.test', `guess-number-${i}`).expect(401);
    await attempt(t.http, 'ghost@newsroom.test', 'guess-number-4').expect(429);
  });

  it('keeps other accounts from the same address usable', async () => {
    const editor = await createUser(t, ['editor']);
    await attempt(t.http, editor.email, editor.password).expect(200);
  });

  it('clears an account counter on a successful login', async () => {
    const reporter = await createUser(t, ['contributor']);
    await attempt(t.http, reporter.email, 'typo-in-password-1').expect(401);
    await attempt(t.http, reporter.email, 'typo-in-password-2').expect(401);
    await attempt(t.http, reporter.email.toUpperCase(), reporter.password).expect(200);
    for (let i = 0; i < 3; i++) await attempt(t.http, reporter.email, `typo-again-${i}`).expect(401);
    await attempt(t.http, reporter.email, reporter.password).expect(429);
  });

  it('records the lockout once in the audit log', async () => {
    const admin = await createUser(t, ['admin']);
    const res = await request(t.http).get('/api/admin/audit').query({ action: 'auth.login_throttled' }).set('Authorization', admin.auth).expect(200);
    const keys = (res.body.items as Array<{ entityId: string }>).map((i) => i.entityId);
    expect(keys.filter((k) => k === `account:${writer.email}`)).toHaveLength(1);
  });
});

describe('auth: failed-login throttling per client address', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(ADDRESS_LIMITS);
  });
  afterAll(async () => {
    await t.close();
  });

  it('blocks an address that sprays many accounts, and X-Forwarded-For does not get around it', async () => {
    const victim = await createUser(t, ['editor']);
    for (let i = 0; i < 8; i++) {
      await attempt(t.http, `sprayed-${i}@newsroom.test`, 'Summer-in-Penang-2024', { 'X-Forwarded-For': `203.0.113.${i}` }).expect(401);
    }
    const blocked = await attempt(t.http, victim.email, victim.password, { 'X-Forwarded-For': '198.51.100.7' }).expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('does not count refused attempts against the account (it can log in once the address is allowed again)', async () => {
    const editor = await createUser(t, ['editor']);
    for (let i = 0; i < 5; i++) await attempt(t.http, editor.email, editor.password).expect(429);
    await t.dataSource.query(`DELETE FROM login_attempt WHERE key LIKE 'ip:%'`);
    await attempt(t.http, editor.email, editor.password).expect(200);
  });
});
