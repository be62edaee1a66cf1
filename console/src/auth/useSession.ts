import { useSyncExternalStore } from 'react';
import type { Permission } from './permissions';
import { session, type SessionState, type SessionUser } from './session';

export function useSession(): SessionState {
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.state,
  );
}

/** The signed-in user (screens behind the sign-in only). */
export function useUser(): SessionUser {
  const state = useSession();
  if (state.status !== 'signed-in') throw new Error('useUser outside a session');
  return state.user;
}

/** Whether the signed-in user holds the permission: for hiding what the server would refuse. */
export function useCan(): (permission: Permission) => boolean {
  const user = useUser();
  return (permission) => (user.permissions ?? []).includes(permission);
}
