import { backoffMs, MAX_ATTEMPTS, nextRetryDelay, retryAfterMs, succeeded } from './retry-schedule.js';

const HOUR = 3_600_000;
const noJitter = () => 0;
const fullJitter = () => 0.999999;

describe('webhook retry schedule', () => {
  it('doubles from the base up to 720 times it, and jitter only lengthens', () => {
    const delays = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => backoffMs(i + 1, 30_000, noJitter));
    expect(delays.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(delays.at(-1)).toBe(6 * HOUR);
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(backoffMs(attempt, 30_000, fullJitter)).toBeGreaterThanOrEqual(backoffMs(attempt, 30_000, noJitter));
      expect(backoffMs(attempt, 30_000, fullJitter)).toBeLessThanOrEqual(backoffMs(attempt, 30_000, noJitter) * 1.2);
    }
  });

  it('keeps trying for at least 24 hours with the default base, whatever the jitter', () => {
    let span = 0;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++)
      span += nextRetryDelay(attempt, { status: 500, retryAfterMs: null }, { baseMs: 30_000, manual: false, random: noJitter })!;
    expect(span).toBeGreaterThanOrEqual(24 * HOUR);
    expect(nextRetryDelay(MAX_ATTEMPTS, { status: 500, retryAfterMs: null }, { baseMs: 30_000, manual: false })).toBeNull();
  });

  it('retries every kind of failure, and gives a manual redelivery one attempt only', () => {
    for (const status of [null, 301, 400, 404, 410, 429, 500, 503])
      expect(nextRetryDelay(1, { status, retryAfterMs: null }, { baseMs: 1000, manual: false, random: noJitter })).toBe(1000);
    expect(nextRetryDelay(1, { status: 500, retryAfterMs: null }, { baseMs: 1000, manual: true })).toBeNull();
  });

  it('honours a longer Retry-After, up to the cap', () => {
    expect(nextRetryDelay(1, { status: 429, retryAfterMs: 120_000 }, { baseMs: 30_000, manual: false, random: noJitter })).toBe(120_000);
    expect(nextRetryDelay(5, { status: 429, retryAfterMs: 1000 }, { baseMs: 30_000, manual: false, random: noJitter })).toBe(480_000);
    expect(nextRetryDelay(1, { status: 503, retryAfterMs: 365 * 24 * HOUR }, { baseMs: 30_000, manual: false, random: noJitter })).toBe(6 * HOUR);
  });

  it('reads Retry-After in seconds or as an HTTP date', () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Sun, 01 Mar 2026 12:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
  });

  it('counts only 2xx as delivered', () => {
    expect(succeeded({ status: 200, retryAfterMs: null })).toBe(true);
    expect(succeeded({ status: 204, retryAfterMs: null })).toBe(true);
    expect(succeeded({ status: 302, retryAfterMs: null })).toBe(false);
    expect(succeeded({ status: null, retryAfterMs: null })).toBe(false);
  });
});
