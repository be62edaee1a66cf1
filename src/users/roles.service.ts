import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user.js';
import { ALL_PERMISSIONS, type Permission } from '../access/permissions.js';
import { AuditService } from '../audit/audit.service.js';
import { ConflictProblem, NotFoundProblem } from '../common/problem.js';
import type { Page } from '../common/cursor.js';
import {
  toPermissionResponse,
  toRoleResponse,
  type CreateRoleRequest,
  type PermissionResponse,
  type RoleResponse,
  type UpdateRoleRequest,
} from './dto/role.dto.js';
import { assertWithinOwnPermissions, missingCoreGrants } from './grants.js';
import { Role } from './role.entity.js';
import { UsersRepository } from './users.repository.js';

const unique = (permissions: readonly Permission[]) => [...new Set(permissions)].sort();

/** Roles are named sets of permissions; built-in ones are seeded by migration and keep their core grants. */
@Injectable()
export class RolesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  permissions(): Page<PermissionResponse> {
    return { items: ALL_PERMISSIONS.map(toPermissionResponse), nextCursor: null };
  }

  async list(): Promise<Page<RoleResponse>> {
    const roles = await this.dataSource.getRepository(Role).find({ order: { builtIn: 'DESC', createdAt: 'ASC', name: 'ASC' } });
    const holders = await this.users.roleHolderCounts();
    return { items: roles.map((r) => toRoleResponse(r, holders.get(r.id) ?? 0)), nextCursor: null };
  }

  async get(id: string): Promise<RoleResponse> {
    const role = await this.dataSource.getRepository(Role).findOneBy({ id });
    if (!role) throw new NotFoundProblem('Role');
    return toRoleResponse(role, await this.holderCount(role.id));
  }

  /** A custom role: any set of known permissions the actor holds themselves. */
  async create(actor: AuthUser, body: CreateRoleRequest): Promise<RoleResponse> {
    const permissions = unique(body.permissions);
    assertWithinOwnPermissions(actor, permissions, 'grant these permissions');
    return this.dataSource.transaction(async (manager) => {
      await this.users.lockAdministration(manager);
      await assertNameFree(body.name, null, manager);
      const repo = manager.getRepository(Role);
      const role = await repo.save(repo.create({ name: body.name, description: body.description?.trim() ?? '', builtIn: false, permissions }));
      await this.audit.record(
        { actor, action: 'role.create', entity: 'role', entityId: role.id, summary: { name: role.name, permissions } },
        manager,
      );
      return toRoleResponse(role, 0);
    });
  }

  /**
   * Renames, redescribes or regrants a role. Built-in roles cannot be renamed or lose their core
   * grants, and no change may leave nobody able to manage users and roles (409).
   */
  async update(actor: AuthUser, id: string, body: UpdateRoleRequest): Promise<RoleResponse> {
    return this.dataSource.transaction(async (manager) => {
      await this.users.lockAdministration(manager);
      const role = await manager.getRepository(Role).findOneBy({ id });
      if (!role) throw new NotFoundProblem('Role');
      const permissions = body.permissions ? unique(body.permissions) : role.permissions;
      assertWithinOwnPermissions(actor, [...role.permissions, ...permissions], 'change this role');
      const summary = await this.changeRole(role, body, permissions, manager);
      if (Object.keys(summary).length === 0) return toRoleResponse(role, await this.holderCount(role.id, manager));
      const administratorsBefore = summary.permissions ? await this.users.countAdministrators(manager) : 0;
      await manager.getRepository(Role).save(role);
      if (administratorsBefore > 0 && (await this.users.countAdministrators(manager)) === 0) {
        throw new ConflictProblem('last-administrator', 'This change would leave no active user able to manage users and roles.');
      }
      await this.audit.record({ actor, action: 'role.update', entity: 'role', entityId: role.id, summary: { name: role.name, ...summary } }, manager);
      return toRoleResponse(role, await this.holderCount(role.id, manager));
    });
  }

  /** Only custom roles that nobody holds can be deleted. */
  async delete(actor: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.users.lockAdministration(manager);
      const role = await manager.getRepository(Role).findOneBy({ id });
      if (!role) throw new NotFoundProblem('Role');
      if (role.builtIn) throw new ConflictProblem('built-in-role', `The built-in role ${role.name} cannot be deleted.`);
      const holders = await this.holderCount(role.id, manager);
      if (holders > 0)
        throw new ConflictProblem('role-in-use', `The role ${role.name} is held by ${holders} user(s); take it from them first.`, {
          userCount: holders,
        });
      assertWithinOwnPermissions(actor, role.permissions, 'delete this role');
      await manager.getRepository(Role).delete({ id: role.id });
      await this.audit.record(
        { actor, action: 'role.delete', entity: 'role', entityId: role.id, summary: { name: role.name, permissions: role.permissions } },
        manager,
      );
    });
  }

  /** Applies the requested changes to `role` (unsaved) and returns what changed, for the audit log. */
  private async changeRole(role: Role, body: UpdateRoleRequest, permissions: Permission[], manager: EntityManager): Promise<Record<string, unknown>> {
    const summary: Record<string, unknown> = {};
    if (body.name !== undefined && body.name !== role.name) {
      if (role.builtIn) throw new ConflictProblem('built-in-role', `The built-in role ${role.name} cannot be renamed.`);
      await assertNameFree(body.name, role.id, manager);
      summary.renamed = { from: role.name, to: body.name };
      role.name = body.name;
    }
    const description = body.description?.trim();
    if (description !== undefined && description !== role.description) {
      summary.description = { from: role.description, to: description };
      role.description = description;
    }
    if (unique(role.permissions).join() !== permissions.join()) {
      const missing = missingCoreGrants(role, permissions);
      if (missing.length) {
        throw new ConflictProblem('core-grants', `The built-in role ${role.name} must keep its core grants: ${missing.join(', ')}.`, {
          missingPermissions: missing,
        });
      }
      summary.permissions = { from: unique(role.permissions), to: permissions };
      role.permissions = permissions;
    }
    return summary;
  }

  private async holderCount(roleId: string, manager?: EntityManager): Promise<number> {
    return (await this.users.roleHolderCounts(manager, [roleId])).get(roleId) ?? 0;
  }
}

async function assertNameFree(name: string, exceptId: string | null, manager: EntityManager): Promise<void> {
  const existing = await manager.getRepository(Role).findOneBy({ name });
  if (existing && existing.id !== exceptId) throw new ConflictProblem('role-name-taken', `A role named ${name} already exists.`);
}
