import { accountIpKey, accountKey, delayAfter, ipKey, keysFor, reachedLimit, retryAfterSeconds, waitFor } from './login-throttle.js';

const limits = { maxPerAccountAndIp: 5, maxPerAccount: 50, maxPerIp: 100, windowSeconds: 900 };
const counter = (key: string, failures: number, windowAge = 100, sinceLastAttempt = 0) => ({ key, failures, windowAge, sinceLastAttempt });
const pair = accountIpKey('10.0.0.1', 'a@x');

describe('the account-and-address limit', () => {
  it('lets the limit-th failure happen, then locks that pair until its window ends', () => {
    expect(waitFor(counter(pair, 4, 100), limits)).toBe(0);
    expect(waitFor(counter(pair, 5, 100), limits)).toBe(800);
    expect(retryAfterSeconds([counter(pair, 5, 99.2)], limits)).toBe(801);
  });

  it('forgets failures of a window that has ended', () => {
    expect(waitFor(counter(pair, 40, 900), limits)).toBe(0);
  });
});

describe('the per-account and per-address limits', () => {
  it('delay rather than lock: 1 s after the first attempt past the limit, doubling up to a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(delayAfter)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(waitFor(counter(accountKey('a@x'), 49, 100, 0), limits)).toBe(0);
    expect(waitFor(counter(accountKey('a@x'), 50, 100, 0.25), limits)).toBe(0.75);
    expect(waitFor(counter(accountKey('a@x'), 50, 100, 1), limits)).toBe(0);
    expect(waitFor(counter(accountKey('a@x'), 53, 100, 3), limits)).toBe(5);
    expect(waitFor(counter(ipKey('10.0.0.1'), 130, 100, 10), limits)).toBe(50);
    expect(waitFor(counter(ipKey('10.0.0.1'), 99, 100, 0), limits)).toBe(0);
  });

  it('count a window that has ended as none', () => {
    expect(waitFor(counter(accountKey('a@x'), 500, 901, 0), limits)).toBe(0);
  });
});

describe('retryAfterSeconds', () => {
  it('waits for the longest of the counters that refuse, in whole seconds', () => {
    const counters = [counter(pair, 1), counter(accountKey('a@x'), 52, 100, 0.5), counter(ipKey('10.0.0.1'), 100, 100, 0.9)];
    expect(retryAfterSeconds(counters, limits)).toBe(4);
    expect(retryAfterSeconds([counter(pair, 1), counter(accountKey('a@x'), 3)], limits)).toBe(0);
  });

  it('never asks a refused client to wait less than a second', () => {
    expect(retryAfterSeconds([counter(accountKey('a@x'), 50, 100, 0.99)], limits)).toBe(1);
    expect(retryAfterSeconds([counter(pair, 5, 899.9)], limits)).toBe(1);
  });
});

describe('reachedLimit', () => {
  it('names a counter only on the failure that brings it to its limit', () => {
    expect(reachedLimit([{ key: pair, failures: 5 }], limits)).toHaveLength(1);
    expect(reachedLimit([{ key: pair, failures: 6 }], limits)).toHaveLength(0);
    expect(reachedLimit([{ key: accountKey('a@x'), failures: 5 }], limits)).toHaveLength(0);
    expect(
      reachedLimit(
        [
          { key: accountKey('a@x'), failures: 50 },
          { key: ipKey('1.2.3.4'), failures: 100 },
        ],
        limits,
      ),
    ).toHaveLength(2);
  });
});

describe('keys', () => {
  it('keeps addresses, accounts and their pairs apart, in a fixed order, and names a missing address', () => {
    expect(ipKey('::1')).toBe('ip:::1');
    expect(ipKey(null)).toBe('ip:unknown');
    expect(accountKey('a@x')).toBe('account:a@x');
    expect(accountIpKey('2001:db8::1', 'a/b@x')).toBe('account-ip:2001:db8::1/a/b@x');
    expect(keysFor('10.0.0.1', 'a@x')).toEqual(['account-ip:10.0.0.1/a@x', 'account:a@x', 'ip:10.0.0.1']);
  });
});
