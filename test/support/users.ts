// Staff accounts for tests, created straight in the database, and a session (access token) for each.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { In } from 'typeorm';
import { hashPassword } from '../../src/users/passwords.js';
import { TokenService } from '../../src/auth/token.service.js';
import { normalizeEmail } from '../../src/users/email.js';
import { Role } from '../../src/users/role.entity.js';
import { User } from '../../src/users/user.entity.js';
import type { AuthUser } from '../../src/access/auth-user.js';
import type { Permission } from '../../src/access/permissions.js';
import type { TestApp, TestContext } from './app.js';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
  /** `Authorization` header value. */
  auth: string;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  /** `Authorization` header value for the access token. */
  auth: string;
}

export async function createUser(
  t: Pick<TestContext, 'app' | 'dataSource'>,
  roles: string[],
  options: { active?: boolean; displayName?: string; email?: string; password?: string } = {},
): Promise<TestUser> {
  const password = options.password ?? `pw-${randomBytes(9).toString('base64url')}`;
  // Stored as the API stores it (lower-cased), so logging in with any case works.
  const email = normalizeEmail(options.email ?? `${roles.join('-') || 'nobody'}-${randomBytes(4).toString('hex')}@newsroom.test`);
  const repo = t.dataSource.getRepository(User);
  const user = repo.create({
    email,
    displayName: options.displayName ?? `Test ${roles.join('/') || 'user'}`,
    passwordHash: await hashPassword(password),
    active: options.active ?? true,
    roles: roles.length ? await t.dataSource.getRepository(Role).findBy({ name: In(roles) }) : [],
  });
  await repo.save(user);
  // A real session (a refresh-token family), as a login opens: access tokens without one are refused.
  const { accessToken: token } = await t.app.get(TokenService).issue(user, t.dataSource.manager);
  return { id: user.id, email, password, token, auth: `Bearer ${token}` };
}

/** Logs in through the API (counts against the login throttle like any client). */
export async function login(t: TestApp, email: string, password: string): Promise<Session> {
  const res = await request(t.http).post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login as ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
  const body = res.body as Omit<Session, 'auth'>;
  return { ...body, auth: `Bearer ${body.accessToken}` };
}

/** The user as the guards hand it to services (for medium tests, which call services directly). */
export async function authUserOf(t: Pick<TestContext, 'dataSource'>, user: Pick<TestUser, 'id'>): Promise<AuthUser> {
  const row = await t.dataSource.getRepository(User).findOneOrFail({ where: { id: user.id }, relations: { roles: true } });
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    roles: row.roles.map((r) => r.name),
    permissions: new Set<Permission>(row.roles.flatMap((r) => r.permissions)),
  };
}
