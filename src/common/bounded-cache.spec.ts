import { BoundedCache } from './bounded-cache.js';

const cache = (maxEntries: number, maxBytes: number) => new BoundedCache<string>(maxEntries, maxBytes, (v) => v.length);

describe('BoundedCache', () => {
  it('evicts the oldest entries when the count is reached', () => {
    const c = cache(2, 1000);
    c.set('a', 'x');
    c.set('b', 'y');
    c.set('c', 'z');
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual([undefined, 'y', 'z']);
  });

  it('evicts the oldest entries until the new value fits the byte budget', () => {
    const c = cache(100, 30);
    c.set('a', '1234567'); // 7 + 2 for the key
    c.set('b', '1234567');
    c.set('c', '1234567');
    expect(c.heldBytes).toBe(27);
    c.set('d', '123456789012'); // 14: a and b must go
    expect([c.get('a'), c.get('b'), c.get('c'), c.get('d')]).toEqual([undefined, undefined, '1234567', '123456789012']);
    expect(c.heldBytes).toBe(23);
  });

  it('does not keep a value larger than the whole budget, and keeps the rest', () => {
    const c = cache(100, 10);
    c.set('a', '123');
    c.set('big', '12345678901');
    expect(c.get('big')).toBeUndefined();
    expect(c.get('a')).toBe('123');
  });

  it('accounts for replaced, deleted and cleared entries', () => {
    const c = cache(100, 100);
    c.set('a', '12345');
    c.set('a', '12');
    expect(c.heldBytes).toBe(4);
    c.delete('a');
    expect(c.heldBytes).toBe(0);
    c.set('b', '1');
    c.clear();
    expect([c.size, c.heldBytes]).toEqual([0, 0]);
  });
});
