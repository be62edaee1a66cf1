// Staff accounts for tests, created straight in the database, and access tokens for them.
import { randomBytes } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import argon2 from 'argon2';
import { In } from 'typeorm';
import { Role } from '../../src/users/role.entity.js';
import { User } from '../../src/users/user.entity.js';
import type { TestApp } from './app.js';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
  /** `Authorization` header value. */
  auth: string;
}

export async function createUser(t: TestApp, roles: string[], options: { active?: boolean; displayName?: string } = {}): Promise<TestUser> {
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const email = `${roles.join('-') || 'nobody'}-${randomBytes(4).toString('hex')}@newsroom.test`;
  const repo = t.dataSource.getRepository(User);
  const user = repo.create({
    email,
    displayName: options.displayName ?? `Test ${roles.join('/') || 'user'}`,
    passwordHash: await argon2.hash(password, { type: argon2.argon2id }),
    active: options.active ?? true,
    roles: roles.length ? await t.dataSource.getRepository(Role).findBy({ name: In(roles) }) : [],
  });
  await repo.save(user);
  const token = await t.app.get(JwtService).signAsync({ sub: user.id, ver: user.tokenVersion ?? 0, typ: 'access' });
  return { id: user.id, email, password, token, auth: `Bearer ${token}` };
}
