import { findUnstorableText, isStorableText } from './request-text.js';

describe('unstorable text', () => {
  it('accepts any text PostgreSQL stores, surrogate pairs (emoji, rare Han) included', () => {
    expect(isStorableText('布林肯与拉夫罗夫 😀 𠀀 \u0001 \ufffd')).toBe(true);
  });

  it('refuses NUL and unpaired surrogates wherever they are', () => {
    for (const bad of ['a\u0000b', 'x\ud800@b.test', '\udc00', 'end\ud83d', '\ude00start']) expect(isStorableText(bad)).toBe(false);
  });

  it('names the field that holds it, keys included', () => {
    expect(findUnstorableText({ email: 'a@b.test', password: 'x' })).toBeNull();
    expect(findUnstorableText({ headline: 'ok', body: [{ text: 'ok' }, { text: 'a\u0000' }] })).toBe('body.1.text');
    expect(findUnstorableText({ tags: ['a', 'b\ud800'] })).toBe('tags.1');
    expect(findUnstorableText({ ['bad\u0000key']: 1 })).toBe('bad\u0000key');
    expect(findUnstorableText('\u0000')).toBe('');
  });
});
