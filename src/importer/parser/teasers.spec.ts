import { findFurnitureStart, readTeaserDate, readTeasers, splitTitle } from './teasers.js';

describe('splitTitle', () => {
  it.each([
    ['伊党:我们更适合领导国盟 民政:慕尤丁当之无愧【东方头条】2024-11-22', '伊党:我们更适合领导国盟 民政:慕尤丁当之无愧', '东方头条', '2024-11-22'],
    ['东盟外长会议闭幕 2024-11-20【东方头条】', '东盟外长会议闭幕', '东方头条', '2024-11-20'],
    ['立法院三讀通過修正案 2024/1/5', '立法院三讀通過修正案', null, '2024-01-05'],
    ['立法院三讀通過修正案【焦點】', '立法院三讀通過修正案', '焦點', null],
    // A leading 【…】 is the headline's own kicker, printed as part of it.
    ['【新冠肺炎】世卫建议5至11岁儿童 打辉瑞疫苗', '【新冠肺炎】世卫建议5至11岁儿童 打辉瑞疫苗', null, null],
  ])('%s', (printed, title, tag, date) => {
    expect(splitTitle(printed)).toEqual({ title, tag, date });
  });
});

describe('readTeaserDate', () => {
  it.each([
    ['2024-11-22', '2024-11-22'],
    ['2024/1/5', '2024-01-05'],
    ['2024年11月2日', '2024-11-02'],
    ['2024-11-22 08:30', '2024-11-22'],
    ['3小时前', null],
    ['美国最老人瑞115岁安详辞世', null],
  ])('%s → %s', (text, date) => {
    expect(readTeaserDate(text)).toBe(date);
  });
});

describe('findFurnitureStart', () => {
  it('starts at the box heading', () => {
    expect(findFurnitureStart(['第一段。', '第二段。', '热门新闻', '阅读全文', '古晋水供中断 两万户受影响'])).toBe(2);
  });

  it('reaches back from a read-more marker over the teaser lines, not over prose or a sign-off', () => {
    expect(findFurnitureStart(['第一段。', '最后一段。(完)', '古晋水供中断 两万户受影响', '国际', '摘要...', '阅读全文'])).toBe(2);
    expect(findFurnitureStart(['First paragraph.', 'Machinists reject offer', 'Read more'])).toBe(1);
  });

  it('is the end of the page when there is no furniture', () => {
    expect(findFurnitureStart(['第一段。', '第二段。'])).toBe(2);
  });
});

describe('readTeasers', () => {
  it('splits at read-more markers and skips empty stretches', () => {
    const warnings: string[] = [];
    const teasers = readTeasers(['热门新闻', '阅读全文', '阅读全文', '古晋水供中断 两万户受影响', 'Read more', '选委会'], warnings);
    expect(teasers.map((teaser) => teaser.title)).toEqual(['古晋水供中断 两万户受影响', '选委会']);
    expect(warnings).toEqual([]);
  });

  it('takes a section or date printed before the title, and leaves a caption line out with a warning', () => {
    const warnings: string[] = [];
    const teasers = readTeasers(['国际', '女摊贩解释,当时顾客多。', '预定薄饼取餐等40分钟', '2024-11-22', '阅读全文'], warnings);
    expect(teasers).toEqual([{ title: '预定薄饼取餐等40分钟', category: '国际', excerpt: null, date: '2024-11-22', tag: null }]);
    expect(warnings).toEqual([expect.stringContaining('女摊贩解释')]);
  });

  it('reports a stretch with no title and a second excerpt', () => {
    const warnings: string[] = [];
    const teasers = readTeasers(['只有摘要的一段...', '阅读全文', '古晋水供中断 两万户受影响', '摘要一...', '摘要二...'], warnings);
    expect(teasers).toEqual([{ title: '古晋水供中断 两万户受影响', category: null, excerpt: '摘要一...', date: null, tag: null }]);
    expect(warnings).toHaveLength(2);
  });
});
