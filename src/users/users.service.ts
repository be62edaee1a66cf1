import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user.js';
import { Permission } from '../access/permissions.js';
import { hashAllowedPassword } from './passwords.js';
import { AuditService } from '../audit/audit.service.js';
import { decodeCursor, encodeCursor, type Page } from '../common/cursor.js';
import { ConflictProblem, NotFoundProblem, ValidationProblem } from '../common/problem.js';
import type { PeopleDto, PeopleQueryDto } from './dto/people.dto.js';
import type { CreateUserRequest, ListUsersQuery, UpdateUserRequest } from './dto/user.request.js';
import { toUserResponse, type UserResponse } from './dto/user.response.js';
import { normalizeEmail } from './email.js';
import { assertWithinOwnPermissions, permissionsOf } from './grants.js';
import { Role } from './role.entity.js';
import { User } from './user.entity.js';
import { USER_SESSIONS, type UserSessions } from './sessions.js';
import { UsersRepository } from './users.repository.js';

const DEFAULT_PAGE_SIZE = 50;

/** Holding any of these makes a user someone who writes stories. */
const WRITER_PERMISSIONS: readonly Permission[] = [Permission.ArticleCreate, Permission.ArticleEditOwn, Permission.ArticleEditAny];
/** A newsroom's writers fit in one answer. */
const PEOPLE_LIMIT = 1000;

interface Changes {
  summary: Record<string, unknown>;
  /** Deactivation, a role change or a new password log the user out everywhere. */
  endsSessions: boolean;
}

/** Staff accounts: who may log in, with which roles. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    @Inject(USER_SESSIONS) private readonly sessions: UserSessions,
    private readonly audit: AuditService,
  ) {}

  /** The staff a story can credit as authors: id and name only, for writers who may not read the user administration. */
  async writers(query: PeopleQueryDto): Promise<PeopleDto> {
    const people = await this.users.writers(WRITER_PERMISSIONS, query.q, PEOPLE_LIMIT);
    return { items: people.map((p) => ({ id: p.id, displayName: p.displayName })), nextCursor: null };
  }

  async list(query: ListUsersQuery): Promise<Page<UserResponse>> {
    const after = decodeCursor(query.cursor, { email: 'text' });
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const found = await this.users.page({ q: query.q, active: query.active, role: query.role, afterEmail: after?.email, limit: limit + 1 });
    const items = found.slice(0, limit);
    const last = items.at(-1);
    return { items: items.map((u) => toUserResponse(u)), nextCursor: found.length > limit && last ? encodeCursor({ email: last.email }) : null };
  }

  async get(id: string): Promise<UserResponse> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { id }, relations: { roles: true } });
    if (!user) throw new NotFoundProblem('User');
    return toUserResponse(user, { withPermissions: true });
  }

  /** Creates an account. The actor may only hand out roles within their own permissions. */
  async create(actor: AuthUser, body: CreateUserRequest): Promise<UserResponse> {
    const email = normalizeEmail(body.email);
    const passwordHash = await hashAllowedPassword(body.password, email);
    return this.dataSource.transaction(async (manager) => {
      await this.users.lockAdministration(manager);
      const roles = await findRoles(body.roles, manager);
      assertWithinOwnPermissions(actor, permissionsOf(roles), 'give these roles');
      const repo = manager.getRepository(User);
      if (await repo.exists({ where: { email } })) throw new ConflictProblem('email-taken', 'A user with this email already exists.');
      const user = await repo.save(repo.create({ email, displayName: body.displayName.trim(), passwordHash, active: true, roles }));
      const summary = { email, displayName: user.displayName, roles: roles.map((r) => r.name).sort() };
      await this.audit.record({ actor, action: 'user.create', entity: 'user', entityId: user.id, summary }, manager);
      return toUserResponse(user, { withPermissions: true });
    });
  }

  /**
   * For an operator at the server who lost a password (`npm run user:reset-password -- EMAIL`): a
   * generated password replaces it, every session of the account ends, and the audit log says so.
   * 404 for an unknown email. The account's active flag and roles stay as they are.
   */
  async resetForgottenPassword(email: string): Promise<{ id: string; email: string; password: string; active: boolean }> {
    const password = randomBytes(18).toString('base64url');
    const passwordHash = await hashAllowedPassword(password, normalizeEmail(email));
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(User).findOne({ where: { email: normalizeEmail(email) } });
      if (!user) throw new NotFoundProblem('User');
      user.tokenVersion = await this.users.replacePassword(manager, user, passwordHash);
      await this.sessions.revokeAllForUser(user.id, manager);
      await this.audit.record(
        { actor: null, action: 'user.update', entity: 'user', entityId: user.id, summary: { passwordReset: true, by: 'command line' } },
        manager,
      );
      return { id: user.id, email: user.email, password, active: user.active };
    });
  }

  /**
   * Changes display name, roles, active flag or password. Changes that affect access end the user's
   * sessions: existing access tokens stop working at once and refresh tokens are revoked. The last
   * active administrator cannot be deactivated or demoted (409).
   */
  async update(actor: AuthUser, id: string, body: UpdateUserRequest): Promise<UserResponse> {
    return this.dataSource.transaction(async (manager) => {
      await this.users.lockAdministration(manager);
      const user = await manager.getRepository(User).findOne({ where: { id }, relations: { roles: true } });
      if (!user) throw new NotFoundProblem('User');
      assertWithinOwnPermissions(actor, permissionsOf(user.roles), 'manage this user');
      const affectsAdministration = body.active === false || body.roles !== undefined;
      const administratorsBefore = affectsAdministration ? await this.users.countAdministrators(manager) : 0;
      const changes = await applyChanges(user, body, actor, manager);
      if (Object.keys(changes.summary).length === 0) return toUserResponse(user, { withPermissions: true });
      if (changes.endsSessions) {
        user.tokenVersion += 1;
        await this.sessions.revokeAllForUser(user.id, manager);
      }
      await manager.getRepository(User).save(user);
      if (administratorsBefore > 0 && (await this.users.countAdministrators(manager)) === 0) {
        throw new ConflictProblem(
          'last-administrator',
          'This is the last active administrator: they cannot be deactivated or lose user and role management.',
        );
      }
      await this.audit.record({ actor, action: 'user.update', entity: 'user', entityId: user.id, summary: changes.summary }, manager);
      return toUserResponse(user, { withPermissions: true });
    });
  }
}

async function applyChanges(user: User, body: UpdateUserRequest, actor: AuthUser, manager: EntityManager): Promise<Changes> {
  const summary: Record<string, unknown> = {};
  let endsSessions = false;
  const displayName = body.displayName?.trim();
  if (displayName !== undefined && displayName !== user.displayName) {
    summary.displayName = { from: user.displayName, to: displayName };
    user.displayName = displayName;
  }
  if (body.roles !== undefined) {
    const roles = await findRoles(body.roles, manager);
    const before = user.roles.map((r) => r.name).sort();
    const after = roles.map((r) => r.name).sort();
    if (before.join() !== after.join()) {
      assertWithinOwnPermissions(actor, permissionsOf(roles), 'give these roles');
      summary.roles = { from: before, to: after };
      user.roles = roles;
      endsSessions = true;
    }
  }
  if (body.active !== undefined && body.active !== user.active) {
    summary.active = { from: user.active, to: body.active };
    user.active = body.active;
    endsSessions ||= !body.active;
  }
  if (body.password !== undefined) {
    user.passwordHash = await hashAllowedPassword(body.password, user.email);
    summary.passwordReset = true;
    endsSessions = true;
  }
  return { summary, endsSessions };
}

/** Roles by name; 422 naming the ones that don't exist. */
async function findRoles(names: readonly string[], manager: EntityManager): Promise<Role[]> {
  const wanted = [...new Set(names)];
  const roles = wanted.length ? await manager.getRepository(Role).findBy({ name: In(wanted) }) : [];
  const missing = wanted.filter((n) => !roles.some((r) => r.name === n));
  if (missing.length) throw new ValidationProblem([{ field: 'roles', message: `unknown role: ${missing.join(', ')}` }]);
  return roles;
}
