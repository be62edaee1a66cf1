// Pure rules of the fixed-window login throttle, kept apart from its SQL so they can be unit-tested.

export interface ThrottleLimits {
  maxPerAccount: number;
  maxPerIp: number;
  windowSeconds: number;
}

/** One counter as it stands after counting the attempt being judged. */
export interface AttemptCount {
  key: string;
  failures: number;
  /** Until the counter's window ends, measured by the database clock (every process shares it). */
  secondsLeft: number;
}

export const ipKey = (ip: string | null | undefined) => `ip:${ip || 'unknown'}`;
export const accountKey = (normalizedEmail: string) => `account:${normalizedEmail}`;

export function limitFor(key: string, limits: ThrottleLimits): number {
  return key.startsWith('ip:') ? limits.maxPerIp : limits.maxPerAccount;
}

/**
 * Seconds the client must wait, or 0 when the attempt may go ahead. Counts include the attempt being
 * judged, so the limit-th attempt is still allowed and the one after it is not.
 */
export function retryAfterSeconds(counts: readonly AttemptCount[], limits: ThrottleLimits): number {
  const exceeded = counts.filter((c) => c.failures > limitFor(c.key, limits));
  if (exceeded.length === 0) return 0;
  return Math.max(1, ...exceeded.map((c) => Math.ceil(c.secondsLeft)));
}

/** Whether this attempt is the first one over a limit (worth one audit entry per window, not one per try). */
export function justExceeded(counts: readonly AttemptCount[], limits: ThrottleLimits): AttemptCount[] {
  return counts.filter((c) => c.failures === limitFor(c.key, limits) + 1);
}

export function withinLimit(counts: readonly AttemptCount[], limits: ThrottleLimits): AttemptCount[] {
  return counts.filter((c) => c.failures <= limitFor(c.key, limits));
}
