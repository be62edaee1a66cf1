// The signed-in session. The access token lives in memory only; the refresh token is kept in
// localStorage so a reload or a second tab stays signed in. Refresh tokens work once (the server
// treats a reused one as theft and ends the session), so every refresh, in every tab, runs under one
// Web Lock and reads the newest refresh token inside it; the tab that refreshed shares the new access
// token with the others over a BroadcastChannel.
import createClient from 'openapi-fetch';
import type { paths } from '../api/schema';
import type { Schemas } from '../api/client';

export type SessionUser = Schemas['UserResponse'];

export type SessionState =
  { status: 'starting' } | { status: 'signed-out'; reason: 'signed-out' | 'expired' | null } | { status: 'signed-in'; user: SessionUser };

const REFRESH_KEY = 'masthead.refreshToken';
const LOCK = 'masthead.refresh';
/** Refresh this long before the access token expires: 30 s, or a quarter of a short lifetime. */
const earlyMs = (lifetimeMs: number) => Math.min(30_000, lifetimeMs / 4);

// Auth calls go without the session middleware (they are how a session starts).
const auth = createClient<paths>({ baseUrl: '' });
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('masthead.session');

let state: SessionState = { status: 'starting' };
let accessToken: string | null = null;
let refreshAt = 0;
let inFlight: Promise<string | null> | null = null;
const listeners = new Set<() => void>();

type Message = { type: 'tokens'; accessToken: string; expiresAt: number; user: SessionUser } | { type: 'signed-out' };

function set(next: SessionState) {
  state = next;
  for (const listener of listeners) listener();
}

function adopt(token: string, expiry: number, user: SessionUser) {
  accessToken = token;
  refreshAt = expiry - earlyMs(expiry - Date.now());
  set({ status: 'signed-in', user });
}

function end(reason: 'signed-out' | 'expired') {
  accessToken = null;
  refreshAt = 0;
  localStorage.removeItem(REFRESH_KEY);
  set({ status: 'signed-out', reason });
}

channel?.addEventListener('message', (event: MessageEvent<Message>) => {
  const message = event.data;
  if (message.type === 'tokens') adopt(message.accessToken, message.expiresAt, message.user);
  else if (state.status !== 'signed-out') {
    accessToken = null;
    set({ status: 'signed-out', reason: 'signed-out' });
  }
});

function withLock<T>(work: () => Promise<T>): Promise<T> {
  // Every browser the console supports has Web Locks; without them, one tab still works.
  return navigator.locks ? navigator.locks.request(LOCK, work) : work();
}

async function refreshNow(): Promise<string | null> {
  const startedWith = accessToken;
  return withLock(async () => {
    // Another tab refreshed while this one waited: its token arrived over the channel.
    if (accessToken && accessToken !== startedWith && Date.now() < refreshAt) return accessToken;
    const refreshToken = localStorage.getItem(REFRESH_KEY);
    if (!refreshToken) {
      if (state.status === 'signed-in' || state.status === 'starting') end(state.status === 'signed-in' ? 'expired' : 'signed-out');
      return null;
    }
    let response;
    try {
      response = await auth.POST('/api/auth/refresh', { body: { refreshToken } });
    } catch {
      // Offline: keep the session; the next request tries again.
      if (state.status === 'starting') set({ status: 'signed-out', reason: null });
      return null;
    }
    if (!response.data) {
      end(state.status === 'signed-in' ? 'expired' : 'signed-out');
      channel?.postMessage({ type: 'signed-out' } satisfies Message);
      return null;
    }
    const session = response.data;
    localStorage.setItem(REFRESH_KEY, session.refreshToken);
    const expiry = Date.now() + session.expiresIn * 1000;
    adopt(session.accessToken, expiry, session.user);
    channel?.postMessage({ type: 'tokens', accessToken: session.accessToken, expiresAt: expiry, user: session.user } satisfies Message);
    return session.accessToken;
  });
}

/** One refresh at a time in this tab; the lock makes it one at a time across tabs. */
function refresh(): Promise<string | null> {
  inFlight ??= refreshNow().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

export const session = {
  get state(): SessionState {
    return state;
  },

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** At start: resume the session a refresh token allows, if any. */
  async resume(): Promise<void> {
    if (localStorage.getItem(REFRESH_KEY)) await refresh();
    else set({ status: 'signed-out', reason: null });
  },

  /** A fresh access token, refreshing first when it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    if (accessToken && Date.now() < refreshAt) return accessToken;
    if (state.status !== 'signed-in') return null;
    return refresh();
  },

  /** The server refused `rejected`: refresh unless another request already did. */
  async afterRejection(rejected: string): Promise<string | null> {
    if (accessToken && accessToken !== rejected) return accessToken;
    return refresh();
  },

  async signIn(email: string, password: string): Promise<{ ok: true } | { ok: false; status: number; detail: string; retryAfter?: number }> {
    const response = await auth.POST('/api/auth/login', { body: { email, password } });
    if (!response.data) {
      const problem = (response.error ?? {}) as { detail?: string; retryAfter?: number };
      return { ok: false, status: response.response.status, detail: problem.detail ?? '', retryAfter: problem.retryAfter };
    }
    const s = response.data;
    await withLock(async () => localStorage.setItem(REFRESH_KEY, s.refreshToken));
    const expiry = Date.now() + s.expiresIn * 1000;
    adopt(s.accessToken, expiry, s.user);
    channel?.postMessage({ type: 'tokens', accessToken: s.accessToken, expiresAt: expiry, user: s.user } satisfies Message);
    return { ok: true };
  },

  /**
   * Changes the user's own password. The server ends every other session and answers with a fresh
   * one, which this tab (and its sibling tabs) take over.
   */
  async changePassword(
    currentPassword: string,
    newPassword: string,
  ): Promise<{ ok: true } | { ok: false; status: number; wrongCurrent: boolean; detail: string }> {
    const token = await session.accessToken();
    const response = await auth.POST('/api/auth/password', {
      body: { currentPassword, newPassword },
      headers: token ? { Authorization: `Bearer ${token}` } : undefined,
    });
    if (!response.data) {
      const problem = (response.error ?? {}) as { detail?: string; errors?: Array<{ field: string; message: string }> };
      return {
        ok: false,
        status: response.response.status,
        wrongCurrent: problem.errors?.some((e) => e.field === 'currentPassword') ?? false,
        detail: problem.errors?.map((e) => e.message).join('; ') || problem.detail || '',
      };
    }
    const s = response.data;
    await withLock(async () => localStorage.setItem(REFRESH_KEY, s.refreshToken));
    const expiry = Date.now() + s.expiresIn * 1000;
    adopt(s.accessToken, expiry, s.user);
    channel?.postMessage({ type: 'tokens', accessToken: s.accessToken, expiresAt: expiry, user: s.user } satisfies Message);
    return { ok: true };
  },

  async signOut(): Promise<void> {
    const refreshToken = localStorage.getItem(REFRESH_KEY);
    end('signed-out');
    channel?.postMessage({ type: 'signed-out' } satisfies Message);
    if (refreshToken) await auth.POST('/api/auth/logout', { body: { refreshToken } }).catch(() => undefined);
  },

  /** The user changed (e.g. their own name); keeps the tokens. */
  updateUser(user: SessionUser): void {
    if (state.status === 'signed-in') set({ status: 'signed-in', user });
  },
};
