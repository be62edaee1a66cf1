import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { NotFoundProblem, UnauthorizedProblem, ValidationProblem } from '../common/problem.js';
import { toUserResponse, type UserResponse } from '../users/dto/user.response.js';
import { normalizeEmail } from '../users/email.js';
import { User } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';
import type { SessionResponse } from './dto/auth.dto.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { hashAllowedPassword, hashPassword, needsRehash, timingDummyHash, verifyPassword } from '../users/passwords.js';
import { TokenService } from './token.service.js';

/** One detail for every failed login, so the answer never tells whether the email exists. */
const LOGIN_FAILED = 'The email or password is incorrect.';

type LoginFailure = 'unknown_email' | 'wrong_password' | 'inactive';

@Injectable()
export class AuthService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly users: UsersRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await timingDummyHash();
  }

  /**
   * Checks the password and opens a session. Unknown emails, wrong passwords and deactivated
   * accounts fail alike (same 401, same detail, one argon2 verification each).
   */
  async login(email: string, password: string, ip: string | null): Promise<SessionResponse> {
    const normalized = normalizeEmail(email);
    const attempt = await this.throttle.admit(ip, normalized);
    const user = await this.loadWithPassword('email', normalized);
    const passwordMatches = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), password);
    const failure: LoginFailure | null = !user ? 'unknown_email' : !passwordMatches ? 'wrong_password' : !user.active ? 'inactive' : null;
    if (failure) {
      await this.audit.record({
        actor: null,
        action: 'auth.login_failed',
        entity: 'user',
        entityId: user?.id ?? null,
        summary: { email: normalized, reason: failure },
      });
      await this.throttle.failed(attempt);
      throw new UnauthorizedProblem(LOGIN_FAILED);
    }
    await this.throttle.succeeded(attempt);
    return this.openSession(user!, password);
  }

  private async openSession(user: User, password: string): Promise<SessionResponse> {
    const rehash = needsRehash(user.passwordHash) ? await hashPassword(password) : null;
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      await this.users.recordLogin(manager, user, now, rehash);
      user.lastLoginAt = now;
      const tokens = await this.tokens.issue(user, manager);
      await this.audit.record({ actor: user, action: 'auth.login', entity: 'user', entityId: user.id }, manager);
      return { ...tokens, user: toUserResponse(user, { withPermissions: true }) };
    });
  }

  /** 401 for a token that is unknown, expired, rotated or revoked, or whose user was deactivated. */
  async refresh(refreshToken: string): Promise<SessionResponse> {
    const outcome = await this.tokens.rotate(refreshToken);
    if (!outcome.ok) throw new UnauthorizedProblem('The refresh token is invalid, expired or revoked; log in again.');
    return { ...outcome.tokens, user: toUserResponse(outcome.user, { withPermissions: true }) };
  }

  /** Idempotent and silent about whether the token existed. */
  async logout(refreshToken: string): Promise<void> {
    const userId = await this.tokens.revoke(refreshToken);
    if (userId) await this.audit.record({ actor: null, action: 'auth.logout', entity: 'user', entityId: userId });
  }

  /**
   * The user's own password change. The current password is checked (and throttled like a login);
   * every other session ends, and a fresh one is returned for this client.
   */
  async changePassword(userId: string, currentPassword: string, newPassword: string, ip: string | null): Promise<SessionResponse> {
    const user = await this.loadWithPassword('id', userId);
    if (!user) throw new UnauthorizedProblem();
    const attempt = await this.throttle.admit(ip, user.email);
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      await this.audit.record({ actor: user, action: 'auth.password_change_failed', entity: 'user', entityId: user.id });
      await this.throttle.failed(attempt);
      throw new ValidationProblem([{ field: 'currentPassword', message: 'currentPassword is not the current password' }]);
    }
    await this.throttle.succeeded(attempt);
    const passwordHash = await hashAllowedPassword(newPassword, user.email, 'newPassword');
    return this.dataSource.transaction(async (manager) => {
      user.tokenVersion = await this.users.replacePassword(manager, user, passwordHash);
      await this.tokens.revokeAllForUser(user.id, manager);
      const tokens = await this.tokens.issue(user, manager);
      await this.audit.record({ actor: user, action: 'auth.password_change', entity: 'user', entityId: user.id }, manager);
      return { ...tokens, user: toUserResponse(user, { withPermissions: true }) };
    });
  }

  async me(userId: string): Promise<UserResponse> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: userId }, relations: { roles: true } });
    if (!user) throw new NotFoundProblem('User');
    return toUserResponse(user, { withPermissions: true });
  }

  /** The user with roles and, unusually, the password hash (which only this service ever reads). */
  private loadWithPassword(by: 'id' | 'email', value: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .leftJoinAndSelect('user.roles', 'role')
      .where(by === 'id' ? 'user.id = :value' : 'user.email = :value', { value })
      .getOne();
  }
}
