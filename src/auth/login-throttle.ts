// Pure rules of the login throttle, kept apart from its SQL so they can be unit-tested.
//
// Three counters judge each attempt, each counting failures within a fixed window:
// - one account from one address: the tight limit, and the only hard lock (until the window ends).
//   It stops guessing at one account from one place without locking the owner out elsewhere.
// - one account from anywhere: a much higher limit against guessing spread over many addresses.
//   Past it, each attempt waits a growing delay after the previous one rather than a lock.
// - one address for any accounts: a high limit against spraying many accounts, also with growing
//   delays, so an office behind one NAT is slowed, never locked out, by one member's typos or an intruder.

export interface ThrottleLimits {
  maxPerAccountAndIp: number;
  maxPerAccount: number;
  maxPerIp: number;
  windowSeconds: number;
}

/** The longest delay between attempts once a counter is past its limit. */
export const MAX_DELAY_SECONDS = 60;

/** One counter as stored, before the attempt being judged. Times are measured by the database clock. */
export interface StoredCounter {
  key: string;
  failures: number;
  /** Seconds since the counter's window started. */
  windowAge: number;
  /** Seconds since the last attempt this counter admitted. */
  sinceLastAttempt: number;
}

/** One counter after counting an admitted attempt. */
export interface AttemptCount {
  key: string;
  failures: number;
}

export type CounterKind = 'account-ip' | 'account' | 'ip';

export const ipKey = (ip: string | null | undefined) => `ip:${ip || 'unknown'}`;
export const accountKey = (normalizedEmail: string) => `account:${normalizedEmail}`;
/** Address first: an address holds no `/`, so everything after the first one is the email. */
export const accountIpKey = (ip: string | null | undefined, normalizedEmail: string) => `account-ip:${ip || 'unknown'}/${normalizedEmail}`;

/** The counters that judge an attempt from `ip` at `normalizedEmail`, in a fixed order. */
export const keysFor = (ip: string | null, normalizedEmail: string): string[] =>
  [accountIpKey(ip, normalizedEmail), accountKey(normalizedEmail), ipKey(ip)].sort();

export function kindOf(key: string): CounterKind {
  return key.startsWith('account-ip:') ? 'account-ip' : key.startsWith('account:') ? 'account' : 'ip';
}

export function limitFor(key: string, limits: ThrottleLimits): number {
  const kind = kindOf(key);
  return kind === 'account-ip' ? limits.maxPerAccountAndIp : kind === 'account' ? limits.maxPerAccount : limits.maxPerIp;
}

/** The wait imposed after the `excess`-th failure past a limit: 1 s, 2 s, 4 s, … up to a minute. */
export function delayAfter(excess: number): number {
  return Math.min(2 ** Math.max(excess - 1, 0), MAX_DELAY_SECONDS);
}

/** Failures that still count (a window that has ended counts none). */
function current(counter: StoredCounter, limits: ThrottleLimits): number {
  return counter.windowAge >= limits.windowSeconds ? 0 : counter.failures;
}

/** Seconds this counter makes the attempt wait, or 0. */
export function waitFor(counter: StoredCounter, limits: ThrottleLimits): number {
  const failures = current(counter, limits);
  const limit = limitFor(counter.key, limits);
  if (failures < limit) return 0;
  if (kindOf(counter.key) === 'account-ip') return limits.windowSeconds - counter.windowAge;
  return delayAfter(failures - limit + 1) - counter.sinceLastAttempt;
}

/** Seconds the client must wait (whole, at least 1), or 0 when the attempt may go ahead. */
export function retryAfterSeconds(counters: readonly StoredCounter[], limits: ThrottleLimits): number {
  const waits = counters.map((c) => waitFor(c, limits)).filter((w) => w > 0);
  return waits.length === 0 ? 0 : Math.max(1, ...waits.map((w) => Math.ceil(w)));
}

/** Counters this failed attempt brought to their limit: worth one audit entry, when the lock or the delays begin. */
export function reachedLimit(counts: readonly AttemptCount[], limits: ThrottleLimits): AttemptCount[] {
  return counts.filter((c) => c.failures === limitFor(c.key, limits));
}
