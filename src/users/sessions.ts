// What user administration needs from the login sessions, which the auth module keeps: ending all of
// a user's sessions when an administrator deactivates them, changes their roles or resets their
// password. Declared here and provided by the auth module, which depends on users (not back).
import type { EntityManager } from 'typeorm';

export const USER_SESSIONS = Symbol('USER_SESSIONS');

export interface UserSessions {
  /** Ends every session of the user, in the caller's transaction: refresh tokens stop working. */
  revokeAllForUser(userId: string, manager: EntityManager): Promise<void>;
}
