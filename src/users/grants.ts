// Grant rules as data: the core grants of the built-in roles (as seeded by the identity migration),
// the permissions that make someone an administrator, and the no-escalation rule.
import { isPermission, Permission } from '../access/permissions.js';
import { ForbiddenProblem } from '../common/problem.js';

const CONTRIBUTOR = [Permission.ArticleCreate, Permission.ArticleEditOwn, Permission.ArticleSubmit, Permission.MediaUpload];
const AUTHOR = [...CONTRIBUTOR, Permission.ArticlePublish, Permission.ArticleSchedule, Permission.ArticleUnpublish];
const EDITOR = [
  Permission.ArticleCreate,
  Permission.ArticleEditOwn,
  Permission.ArticleEditAny,
  Permission.ArticleSubmit,
  Permission.ArticlePublish,
  Permission.ArticleSchedule,
  Permission.ArticleUnpublish,
  Permission.ArticleArchive,
  Permission.ArticleDelete,
  Permission.CategoryManage,
  Permission.MediaUpload,
  Permission.MediaEdit,
  Permission.MediaDelete,
  Permission.ImportRun,
];
const ADMIN = [...EDITOR, Permission.UserManage, Permission.RoleManage, Permission.AuditRead, Permission.WebhookManage];

/**
 * What each built-in role always grants: administrators may add to a built-in role but never take
 * these away. Must equal the grants the migrations seed (the identity migration, then webhook.manage
 * for admin in the webhooks one; a test checks they do).
 */
export const BUILT_IN_ROLE_CORE_GRANTS: Readonly<Record<string, readonly Permission[]>> = Object.freeze({
  contributor: CONTRIBUTOR,
  author: AUTHOR,
  editor: EDITOR,
  admin: ADMIN,
});

/**
 * Whoever holds all of these can repair any account or role, so at least one active user must
 * always hold them ("the last active admin cannot be deactivated or demoted").
 */
export const ADMINISTRATION_PERMISSIONS: readonly Permission[] = [Permission.UserManage, Permission.RoleManage];

export function coreGrantsOf(role: { name: string; builtIn: boolean }): readonly Permission[] {
  return role.builtIn ? (BUILT_IN_ROLE_CORE_GRANTS[role.name] ?? []) : [];
}

/** The core grants a built-in role would lose by being given `permissions`. */
export function missingCoreGrants(role: { name: string; builtIn: boolean }, permissions: readonly string[]): Permission[] {
  return coreGrantsOf(role).filter((p) => !permissions.includes(p));
}

/** The union of the roles' known permissions (anything else in the column is ignored). */
export function permissionsOf(roles: ReadonlyArray<{ permissions: readonly string[] }>): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of roles) for (const p of role.permissions) if (isPermission(p)) out.add(p);
  return out;
}

/**
 * The permissions in `wanted` that the actor does not hold. Nobody may hand out (or take control
 * of an account with) a permission they don't hold themselves, so a custom role with only
 * `user.manage` cannot make its holder an admin.
 */
export function permissionsBeyond(actor: ReadonlySet<Permission>, wanted: Iterable<Permission>): Permission[] {
  return [...new Set(wanted)].filter((p) => !actor.has(p)).sort();
}

/** 403 naming what is missing when `wanted` goes beyond what the actor holds. */
export function assertWithinOwnPermissions(actor: { permissions: ReadonlySet<Permission> }, wanted: Iterable<Permission>, what: string): void {
  const missing = permissionsBeyond(actor.permissions, wanted);
  if (missing.length)
    throw new ForbiddenProblem(`You cannot ${what}: it involves permissions you do not hold (${missing.join(', ')}).`, {
      missingPermissions: missing,
    });
}
