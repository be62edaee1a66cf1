// When to try a failed delivery again, and when to give up. Pure: no clock of its own, no database.
//
// Exponential backoff with jitter: the n-th retry waits base·2^(n-1), capped at 720·base, times a
// random factor in [1, 1.2) (jitter only ever lengthens a wait, so the schedule never falls short
// of its span). With the default base of 30 s: 30 s, 1, 2, 4, 8, 16, 32, 64, 128, 256 min, then
// 6 h, 6 h, 6 h — 14 attempts spread over at least 26.5 hours.

export const MAX_ATTEMPTS = 14;
const CAP_FACTOR = 720;
const JITTER = 0.2;

/** How long to wait after failed attempt number `attempt` (1-based) before the next one. */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const plain = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), baseMs * CAP_FACTOR);
  return Math.round(plain * (1 + JITTER * random()));
}

/** The longest wait a receiver may ask for with Retry-After. */
export const maxDelayMs = (baseMs: number) => baseMs * CAP_FACTOR;

/**
 * A Retry-After header (seconds, or an HTTP date) as milliseconds from `now`; null when absent or
 * unreadable.
 */
export function retryAfterMs(header: string | undefined, now: number): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** What one attempt came to, as the worker saw it. */
export interface AttemptResult {
  /** HTTP status; null when no answer came (timeout, refused destination, network error). */
  status: number | null;
  retryAfterMs: number | null;
}

export const succeeded = (result: AttemptResult) => result.status !== null && result.status >= 200 && result.status < 300;

/**
 * The next attempt's delay after a failed attempt, or null to give up: after MAX_ATTEMPTS, or after
 * a redelivery asked for by hand (one attempt). Every failure is retried: timeouts, network errors,
 * refused destinations (DNS may change), 5xx, 429, redirects (not followed) and other 4xx alike,
 * since a receiver's mistake is often fixed within the retry window. A Retry-After (429, 503) is
 * honoured when longer than the backoff, up to the backoff's cap.
 */
export function nextRetryDelay(
  attempt: number,
  result: AttemptResult,
  options: { baseMs: number; manual: boolean; random?: () => number },
): number | null {
  if (options.manual || attempt >= MAX_ATTEMPTS) return null;
  const backoff = backoffMs(attempt, options.baseMs, options.random);
  const asked = result.retryAfterMs === null ? 0 : Math.min(result.retryAfterMs, maxDelayMs(options.baseMs));
  return Math.max(backoff, asked);
}
