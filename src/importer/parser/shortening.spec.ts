import { headlineFromLead, shorten } from './shortening.js';

const length = (text: string): number => Array.from(text).length;

describe('shorten', () => {
  it('keeps text that fits', () => {
    expect(shorten('国会今日三读通过财政预算案。', 160)).toBe('国会今日三读通过财政预算案。');
  });

  it('cuts at the last full sentence that fits', () => {
    expect(shorten('第一句话说完了。第二句话比较长一些,会超过限制。', 12)).toBe('第一句话说完了。');
  });

  it('cuts at a clause break with an ellipsis when no sentence fits', () => {
    const cut = shorten('美国国务卿布林肯与俄罗斯外长拉夫罗夫当地时间周五在瑞士日内瓦会面,持续商讨乌克兰问题引起的紧张局势', 40);
    expect(cut).toBe('美国国务卿布林肯与俄罗斯外长拉夫罗夫当地时间周五在瑞士日内瓦会面…');
    expect(length(cut)).toBeLessThanOrEqual(40);
  });

  it('cuts English at a word break', () => {
    const cut = shorten('Boeing will cut about ten percent of its workforce as the strike drags on', 30);
    expect(cut).toBe('Boeing will cut about ten…');
    expect(length(cut)).toBeLessThanOrEqual(30);
  });

  it('cuts hard, within the limit, when there is no break at all', () => {
    const cut = shorten('一'.repeat(50), 40);
    expect(cut).toBe(`${'一'.repeat(39)}…`);
  });
});

describe('headlineFromLead', () => {
  it('takes the opening clauses that fit, without final punctuation', () => {
    expect(headlineFromLead('美国国务卿布林肯与俄罗斯外长拉夫罗夫当地时间周五在瑞士日内瓦会面,持续商讨乌克兰问题引起的紧张局势。', 40)).toBe(
      '美国国务卿布林肯与俄罗斯外长拉夫罗夫当地时间周五在瑞士日内瓦会面',
    );
    expect(headlineFromLead('国会今日三读通过财政预算案。反对党议员离席抗议。', 40)).toBe('国会今日三读通过财政预算案');
  });

  it('shortens a first clause that is too long on its own', () => {
    const headline = headlineFromLead('Boeing will cut about 10% of its workforce as a strike by 33,000 machinists drags on.', 40);
    expect(length(headline)).toBeLessThanOrEqual(40);
    expect(headline).toMatch(/^Boeing will cut about 10% of its/u);
  });
});
