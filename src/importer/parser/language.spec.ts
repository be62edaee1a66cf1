import { readFixturePage, readSeedPage } from './__fixtures__/fixture-pages.js';
import { detectLanguage } from './language.js';

describe('detectLanguage', () => {
  it.each([
    ['美国国务卿布林肯与俄罗斯外长拉夫罗夫会面', 'zh-Hans'],
    ['美國國務卿布林肯與俄羅斯外長拉夫羅夫會面', 'zh-Hant'],
    ['長者在社區診所登記使用醫療券', 'zh-Hant'],
    ['Boeing will cut about 10% of its workforce, the company said.', 'en'],
    ['印度KitKat巧克力印上神明图像 被指伤害宗教情感下架', 'zh-Hans'],
    ['英女王在荷里路德宫(Palace of Holyroodhouse)找兼职管家', 'zh-Hans'],
    ['The talks in 日内瓦 ended without a deal, officials said.', 'en'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('reads whole pages', () => {
    expect(detectLanguage(readSeedPage())).toBe('zh-Hans');
    expect(detectLanguage(readFixturePage('cna-taipei-traditional.txt'))).toBe('zh-Hant');
    expect(detectLanguage(readFixturePage('ap-seattle-english.txt'))).toBe('en');
  });

  it('calls text with no differing characters simplified, the common case for our desks', () => {
    expect(detectLanguage('人在日本')).toBe('zh-Hans');
    expect(detectLanguage('')).toBe('zh-Hans');
  });
});
