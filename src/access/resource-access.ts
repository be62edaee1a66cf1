// "May this user touch this object?" in one place, for any kind of object a user can own. An object
// the user may not touch is reported as not found, so ids of other people's drafts don't leak.
import { NotFoundProblem } from '../common/problem.js';
import type { AuthUser } from './auth-user.js';
import { Permission } from './permissions.js';

export interface OwnedResource {
  createdById: string | null;
  /** Staff users credited on the object (a story's authors). */
  authorIds?: readonly string[];
}

/** The permission that reaches every object of a kind, and the one that reaches only one's own. */
export interface Reach {
  any: Permission;
  own: Permission;
}

/** Stories: article.edit.any reaches all of them, article.edit.own those one created or is credited on. */
export const STORY_REACH: Reach = { any: Permission.ArticleEditAny, own: Permission.ArticleEditOwn };

export function ownsResource(user: AuthUser, resource: OwnedResource): boolean {
  return resource.createdById === user.id || (resource.authorIds ?? []).includes(user.id);
}

/** Whether the user may edit or act on the object: `reach.any`, or `reach.own` on their own. */
export function mayTouch(user: AuthUser, resource: OwnedResource, reach: Reach): boolean {
  if (user.permissions.has(reach.any)) return true;
  return user.permissions.has(reach.own) && ownsResource(user, resource);
}

/** The user id a listing must be narrowed to (objects they own), or undefined when `reach.any` covers all. */
export function ownerScope(user: AuthUser, reach: Reach): string | undefined {
  return user.permissions.has(reach.any) ? undefined : user.id;
}

/** Throws 404 (not 403) when the object does not exist or the user may not touch it. */
export function assertMayTouch(user: AuthUser, resource: OwnedResource | null, what: string, reach: Reach): void {
  if (!resource || !mayTouch(user, resource, reach)) throw new NotFoundProblem(what);
}
