import type { Permission } from './permissions.js';

/** Who is calling, as established by the JWT guard for this request (fresh from the database). */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  permissions: ReadonlySet<Permission>;
}

export const hasPermission = (user: AuthUser, permission: Permission) => user.permissions.has(permission);
