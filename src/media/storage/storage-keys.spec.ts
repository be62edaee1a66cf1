import { assertSafeKey, newFileToken, originalKey, renditionKey, UnsafeStorageKeyError } from './storage-keys.js';

const id = '0b8f2c1e-8d4a-4c3e-9f53-2a7d4c1b9e10';

describe('storage keys', () => {
  it('derives keys from the asset id and a server token only', () => {
    const token = newFileToken();
    expect(token).toMatch(/^[0-9a-f]{12}$/);
    expect(originalKey(id, token)).toBe(`originals/${id}/${token}`);
    expect(renditionKey(id, token, 'thumb', 'webp')).toBe(`renditions/${id}/${token}/thumb.webp`);
  });

  it('gives every file set a different token', () => {
    expect(new Set(Array.from({ length: 50 }, newFileToken)).size).toBe(50);
  });

  it.each([
    '../etc/passwd',
    'originals/../../x',
    '/etc/passwd',
    'originals//x',
    'originals/.hidden',
    'originals/a\\b',
    'originals/a\0',
    'single',
    'renditions/x/y/thumb.web.p',
  ])('refuses %j', (key) => {
    expect(() => assertSafeKey(key)).toThrow(UnsafeStorageKeyError);
  });

  it('refuses ids and tokens that are not the server-made shapes', () => {
    expect(() => originalKey('../../etc', 'abcdefabcdef')).toThrow(UnsafeStorageKeyError);
    expect(() => originalKey(id, '../x')).toThrow(UnsafeStorageKeyError);
    expect(() => renditionKey(id, 'abcdefabcdef', '..', 'webp')).toThrow(UnsafeStorageKeyError);
  });
});
