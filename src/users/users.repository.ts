// The queries of the users module that need SQL: user pages, the administrator count, role usage.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ADVISORY_LOCKS } from '../database/advisory-locks.js';
import { queryPrepared } from '../database/prepared.js';
import { Brackets, DataSource, In, type EntityManager } from 'typeorm';
import type { Permission } from '../access/permissions.js';
import { ADMINISTRATION_PERMISSIONS } from './grants.js';
import { User } from './user.entity.js';

export interface UserFilters {
  q?: string;
  active?: boolean;
  role?: string;
  /** Email of the last user of the previous page (the list is in email order). */
  afterEmail?: string;
  limit: number;
}

const ADMINISTRATION_LOCK = ADVISORY_LOCKS.userAdministration;

/** Who a token's subject is now: what every authenticated request checks. */
export interface Caller {
  id: string;
  email: string;
  displayName: string;
  active: boolean;
  tokenVersion: number;
  roles: { name: string; permissions: Permission[] }[];
}

/** One row per role (one with a null role for a user without roles). */
const CALLER_SQL = `SELECT u.email, u.display_name, u.active, u.token_version, r.name AS role, r.permissions
  FROM "user" u LEFT JOIN user_role ur ON ur.user_id = u.id LEFT JOIN role r ON r.id = ur.role_id
  WHERE u.id = $1`;

interface CallerRow {
  email: string;
  display_name: string;
  active: boolean;
  token_version: number;
  role: string | null;
  permissions: Permission[] | null;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The user with their roles, as one prepared statement: it runs on every authenticated request,
   * where finding the entity with its roles took two (a joined findOne first selects distinct ids).
   */
  async findCaller(id: string): Promise<Caller | null> {
    const rows = await queryPrepared<CallerRow>(this.dataSource, CALLER_SQL, [id]);
    if (rows.length === 0) return null;
    const [{ email, display_name: displayName, active, token_version: tokenVersion }] = rows;
    const roles = rows.flatMap((r) => (r.role === null ? [] : [{ name: r.role, permissions: r.permissions ?? [] }]));
    return { id, email, displayName, active, tokenVersion, roles };
  }

  /**
   * A successful login: when it happened, and the password rehashed with today's parameters when
   * `rehash` is given. Not an edit of the account, so `updatedAt` keeps its value.
   */
  async recordLogin(manager: EntityManager, user: Pick<User, 'id' | 'updatedAt'>, at: Date, rehash: string | null): Promise<void> {
    await manager.getRepository(User).update({ id: user.id }, { lastLoginAt: at, updatedAt: user.updatedAt, ...(rehash ? { passwordHash: rehash } : {}) });
  }

  /** A new password chosen by its owner; every access token issued before it stops working. Returns the new token version. */
  async replacePassword(manager: EntityManager, user: Pick<User, 'id' | 'tokenVersion'>, passwordHash: string): Promise<number> {
    const tokenVersion = user.tokenVersion + 1;
    await manager.getRepository(User).update({ id: user.id }, { passwordHash, tokenVersion });
    return tokenVersion;
  }

  /** Active users whose roles let them write stories (any of `writerPermissions`), by name; at most `limit`. */
  writers(writerPermissions: readonly string[], q: string | undefined, limit: number): Promise<Array<Pick<User, 'id' | 'displayName'>>> {
    const qb = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .select(['u.id', 'u.displayName'])
      .where('u.active')
      .andWhere(`EXISTS (SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = u.id AND r.permissions && :writer::text[])`, {
        writer: writerPermissions,
      });
    if (q?.trim()) qb.andWhere(`u.display_name ILIKE :pattern ESCAPE '\\'`, { pattern: likePattern(q.trim()) });
    return qb.orderBy('u.display_name', 'ASC').addOrderBy('u.id', 'ASC').take(limit).getMany();
  }

  /** Up to `limit` users in email order, with their roles. */
  async page(filters: UserFilters): Promise<User[]> {
    const qb = this.dataSource.getRepository(User).createQueryBuilder('user').select('user.id').orderBy('user.email', 'ASC').limit(filters.limit);
    if (filters.afterEmail !== undefined) qb.andWhere('user.email > :after', { after: filters.afterEmail });
    if (filters.active !== undefined) qb.andWhere('user.active = :active', { active: filters.active });
    if (filters.q) {
      const q = likePattern(filters.q);
      qb.andWhere(new Brackets((w) => w.where('user.email ILIKE :q', { q }).orWhere('user.displayName ILIKE :q', { q })));
    }
    if (filters.role) {
      qb.andWhere('EXISTS (SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = user.id AND r.name = :role)', {
        role: filters.role,
      });
    }
    const ids = (await qb.getMany()).map((u) => u.id);
    if (ids.length === 0) return [];
    // Loaded separately so the role join cannot cut the page short.
    const users = await this.dataSource.getRepository(User).find({ where: { id: In(ids) }, relations: { roles: true } });
    return users.sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
  }

  /**
   * Serialises changes to users and roles for the rest of the transaction, so two administrators
   * demoting each other at once cannot both succeed and leave nobody in charge.
   */
  async lockAdministration(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [ADMINISTRATION_LOCK]);
  }

  /** Active users whose roles together grant every administration permission. */
  async countAdministrators(manager: EntityManager): Promise<number> {
    const rows = await manager.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM (
         SELECT u.id FROM "user" u
           JOIN user_role ur ON ur.user_id = u.id
           JOIN role r ON r.id = ur.role_id
           CROSS JOIN LATERAL unnest(r.permissions) AS p(name)
          WHERE u.active AND p.name = ANY($1::text[])
          GROUP BY u.id
         HAVING count(DISTINCT p.name) = $2
       ) administrators`,
      [ADMINISTRATION_PERMISSIONS, ADMINISTRATION_PERMISSIONS.length],
    );
    return rows[0]?.n ?? 0;
  }

  /** How many users hold each role, by role id (roles nobody holds are absent). */
  async roleHolderCounts(manager: EntityManager = this.dataSource.manager, roleIds?: string[]): Promise<Map<string, number>> {
    const rows = await manager.query<Array<{ role_id: string; n: number }>>(
      `SELECT role_id, count(*)::int AS n FROM user_role ${roleIds ? 'WHERE role_id = ANY($1::uuid[])' : ''} GROUP BY role_id`,
      roleIds ? [roleIds] : [],
    );
    return new Map(rows.map((r) => [r.role_id, r.n]));
  }
}
