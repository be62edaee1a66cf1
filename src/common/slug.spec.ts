import { slugify, uniqueSlug } from './slug.js';

describe('slugify', () => {
  it.each([
    ['国际', 'guo-ji'],
    ['美方下周书面回复俄要求', 'mei-fang-xia-zhou-shu-mian-hui-fu-e-yao-qiu'],
    ['國際', 'guo-ji'],
    ['Hello, World!', 'hello-world'],
    ['NATO东扩 2024', 'nato-dong-kuo-2024'],
    ['Café au lait', 'cafe-au-lait'],
    ['Straße & Øresund', 'strasse-oresund'],
    ['ＡＢＣ　１２３', 'abc-123'],
    ['“布林肯”：会谈——结束。', 'bu-lin-ken-hui-tan-jie-shu'],
    ['女足绿茵', 'nu-zu-lu-yin'],
    ['  --Already-slugged--  ', 'already-slugged'],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('resolves polyphones in traditional text from simplified context', () => {
    expect(slugify('長大')).toBe(slugify('长大'));
  });

  it('returns an empty string when nothing usable is left', () => {
    expect(slugify('')).toBe('');
    expect(slugify('！？。，—— ***')).toBe('');
    expect(slugify('🎉🎉')).toBe('');
  });

  it('truncates at a word boundary', () => {
    expect(slugify('one two three four', 12)).toBe('one-two');
    expect(slugify('one two three four', 13)).toBe('one-two-three');
    expect(slugify('国际新闻中心', 10)).toBe('guo-ji-xin');
    expect(slugify('国际新闻中心', 9)).toBe('guo-ji');
  });

  it('cuts a single over-long word hard rather than returning nothing', () => {
    expect(slugify('supercalifragilistic', 5)).toBe('super');
  });

  it('defaults to 80 characters', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^word(-word)*$/u);
  });

  it('always yields only lower-case ASCII letters, digits and single hyphens', () => {
    const slug = slugify('Rückkehr! 马来西亚 Ünïcödé — 2024年 “测试” d’Artagnan');
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/u);
  });
});

describe('uniqueSlug', () => {
  const takenFrom = (taken: string[]) => async (candidate: string) => taken.includes(candidate);

  it('returns the base when it is free', async () => {
    await expect(uniqueSlug('guo-ji', takenFrom([]))).resolves.toBe('guo-ji');
  });

  it('appends -2, -3 … until a candidate is free', async () => {
    await expect(uniqueSlug('guo-ji', takenFrom(['guo-ji']))).resolves.toBe('guo-ji-2');
    await expect(uniqueSlug('guo-ji', takenFrom(['guo-ji', 'guo-ji-2', 'guo-ji-3']))).resolves.toBe('guo-ji-4');
  });

  it('checks candidates in order, one at a time', async () => {
    const asked: string[] = [];
    await uniqueSlug('a', async (candidate) => {
      asked.push(candidate);
      return asked.length < 3;
    });
    expect(asked).toEqual(['a', 'a-2', 'a-3']);
  });

  it('keeps the suffixed slug within maxLength by trimming the base', async () => {
    const base = slugify('alpha beta gamma delta', 22);
    expect(base).toBe('alpha-beta-gamma-delta');
    await expect(uniqueSlug(base, takenFrom([base]), 22)).resolves.toBe('alpha-beta-gamma-2');
  });

  it('refuses an empty base', async () => {
    await expect(uniqueSlug('', takenFrom([]))).rejects.toThrow(RangeError);
  });
});
