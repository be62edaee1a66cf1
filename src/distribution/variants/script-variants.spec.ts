import { fileURLToPath } from 'node:url';
import { readProtectedTerms, ScriptVariants } from './script-variants.js';

const shipped = readProtectedTerms(fileURLToPath(new URL('./protected-terms.txt', import.meta.url)));

describe('ScriptVariants', () => {
  const variants = new ScriptVariants([...shipped, '拉夫罗夫']);

  it('writes simplified text in standard traditional, Taiwan and Hong Kong characters', () => {
    const text = '美国国务卿布林肯与俄罗斯外长会面，讨论信息安全和软件出口。';
    expect(variants.converterFor('zh-Hant', 'zh-Hans')(text)).toBe('美國國務卿布林肯與俄羅斯外長會面，討論信息安全和軟件出口。');
    // Taiwan's phrase table localises vocabulary as well as characters.
    expect(variants.converterFor('zh-TW', 'zh-Hans')(text)).toBe('美國國務卿布林肯與俄羅斯外長會面，討論資訊安全和軟體出口。');
    expect(variants.converterFor('zh-HK', 'zh-Hans')(text)).toContain('美國國務卿');
  });

  it('keeps protected terms exactly as written, in either script of the source', () => {
    expect(variants.converterFor('zh-Hant', 'zh-Hans')('布林肯与拉夫罗夫会面，东方日报报导。')).toBe('布林肯與拉夫罗夫會面，东方日报報導。');
    expect(variants.converterFor('zh-TW', 'zh-Hans')('普京表示')).toBe('普京表示');
    // A traditional story keeps the traditional spelling of a term listed in simplified.
    expect(variants.converterFor('zh-Hans', 'zh-Hant')('東方日報報導，國會開會')).toBe('東方日報报导，国会开会');
  });

  it('folds traditional stories to simplified and leaves text alone when there is nothing to convert', () => {
    expect(variants.converterFor('zh-Hans', 'zh-Hant')('美國國務卿與俄羅斯外長會面')).toBe('美国国务卿与俄罗斯外长会面');
    expect(variants.converterFor('zh-Hans', 'zh-Hans')('美國')).toBe('美國');
    expect(variants.converterFor('zh-Hant', 'en')('Blinken met Lavrov in Geneva')).toBe('Blinken met Lavrov in Geneva');
  });

  it('converts text that already holds a private-use character without losing it', () => {
    expect(variants.converterFor('zh-Hant', 'zh-Hans')('国\uE000家')).toBe('國\uE000家');
  });
});
