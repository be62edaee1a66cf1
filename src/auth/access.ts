// "May this user touch this object?" in one place. An object the user may not touch is reported
// as not found, so ids of other people's drafts don't leak.
import { NotFoundProblem } from '../common/problem.js';
import type { AuthUser } from './auth-user.js';
import { Permission } from './permissions.js';

export interface OwnedResource {
  createdById: string | null;
  /** Staff users credited on the object (article authors). */
  authorIds?: readonly string[];
}

export function ownsResource(user: AuthUser, resource: OwnedResource): boolean {
  return resource.createdById === user.id || (resource.authorIds ?? []).includes(user.id);
}

/** Whether the user may edit/act on a resource: `anyPermission`, or `ownPermission` on their own. */
export function mayTouch(
  user: AuthUser,
  resource: OwnedResource,
  anyPermission = Permission.ArticleEditAny,
  ownPermission = Permission.ArticleEditOwn,
): boolean {
  if (user.permissions.has(anyPermission)) return true;
  return user.permissions.has(ownPermission) && ownsResource(user, resource);
}

/** Throws 404 (not 403) when the user may not touch the resource. */
export function assertMayTouch(
  user: AuthUser,
  resource: OwnedResource | null,
  what: string,
  anyPermission?: Permission,
  ownPermission?: Permission,
): void {
  if (!resource || !mayTouch(user, resource, anyPermission, ownPermission)) throw new NotFoundProblem(what);
}
