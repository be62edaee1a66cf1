import { accountKey, ipKey, justExceeded, retryAfterSeconds, withinLimit } from './login-throttle.js';

const limits = { maxPerAccount: 5, maxPerIp: 20, windowSeconds: 900 };

describe('retryAfterSeconds', () => {
  it('lets the limit-th attempt through and stops the next one', () => {
    expect(retryAfterSeconds([{ key: accountKey('a@x'), failures: 5, secondsLeft: 800 }], limits)).toBe(0);
    expect(retryAfterSeconds([{ key: accountKey('a@x'), failures: 6, secondsLeft: 800 }], limits)).toBe(800);
  });

  it('applies the per-address limit to ip keys', () => {
    expect(retryAfterSeconds([{ key: ipKey('10.0.0.1'), failures: 20, secondsLeft: 100 }], limits)).toBe(0);
    expect(retryAfterSeconds([{ key: ipKey('10.0.0.1'), failures: 21, secondsLeft: 99.2 }], limits)).toBe(100);
  });

  it('waits for the longest exceeded window, ignoring counters within their limit', () => {
    const counts = [
      { key: ipKey('10.0.0.1'), failures: 25, secondsLeft: 300 },
      { key: accountKey('a@x'), failures: 9, secondsLeft: 600 },
      { key: accountKey('b@x'), failures: 1, secondsLeft: 890 },
    ];
    expect(retryAfterSeconds(counts, limits)).toBe(600);
  });

  it('never asks a blocked client to wait less than a second', () => {
    expect(retryAfterSeconds([{ key: accountKey('a@x'), failures: 6, secondsLeft: 0.01 }], limits)).toBe(1);
    expect(retryAfterSeconds([{ key: accountKey('a@x'), failures: 6, secondsLeft: -2 }], limits)).toBe(1);
  });
});

describe('justExceeded', () => {
  it('reports a counter only on the attempt that first crosses its limit', () => {
    expect(justExceeded([{ key: accountKey('a@x'), failures: 6, secondsLeft: 1 }], limits)).toHaveLength(1);
    expect(justExceeded([{ key: accountKey('a@x'), failures: 7, secondsLeft: 1 }], limits)).toHaveLength(0);
    expect(justExceeded([{ key: ipKey('1.2.3.4'), failures: 6, secondsLeft: 1 }], limits)).toHaveLength(0);
  });
});

describe('withinLimit', () => {
  it('picks the counters a refused attempt should be given back to', () => {
    const counts = [
      { key: ipKey('10.0.0.1'), failures: 4, secondsLeft: 1 },
      { key: accountKey('a@x'), failures: 6, secondsLeft: 1 },
    ];
    expect(withinLimit(counts, limits).map((c) => c.key)).toEqual([ipKey('10.0.0.1')]);
  });
});

describe('keys', () => {
  it('keeps addresses and accounts apart, and names a missing address', () => {
    expect(ipKey('::1')).toBe('ip:::1');
    expect(ipKey(null)).toBe('ip:unknown');
    expect(accountKey('a@x')).toBe('account:a@x');
  });
});
