import { normaliseCredit, readCaptionLine } from './credits.js';

describe('readCaptionLine', () => {
  it.each([
    [
      '美国国务卿布林肯(左)与俄罗斯外长拉夫罗夫会面。(图取自俄罗斯外交部\\路透社)',
      '美国国务卿布林肯(左)与俄罗斯外长拉夫罗夫会面。',
      '俄罗斯外交部/路透社',
    ],
    ['總統府發言人說明會議結論。（圖片來源：總統府）', '總統府發言人說明會議結論。', '總統府'],
    ['首相出席峰会开幕礼。(图:路透社)', '首相出席峰会开幕礼。', '路透社'],
    ['首相出席峰会开幕礼。图：路透社', '首相出席峰会开幕礼。', '路透社'],
    ['長者登記使用醫療券。圖：明報記者、資料圖片', '長者登記使用醫療券。', '明報記者/資料圖片'],
    ['市长巡视停车场。(陈兆良摄)', '市长巡视停车场。', '陈兆良'],
    ['縣長視察農損。（記者李立法攝）', '縣長視察農損。', '記者李立法'],
    ['选民排队投票。(摄影:黄小明)', '选民排队投票。', '黄小明'],
    ['警方在现场调查。(图:法新社／美联社)', '警方在现场调查。', '法新社/美联社'],
    ['警方在现场调查。（警方提供）', '警方在现场调查。', '警方'],
    ['A jet sits outside the factory. (AP Photo/Jane Doe)', 'A jet sits outside the factory.', 'AP Photo/Jane Doe'],
    ['Talks open in Geneva. REUTERS/Denis Balibouse', 'Talks open in Geneva.', 'REUTERS/Denis Balibouse'],
    ['Talks open in Geneva. Photo: Reuters', 'Talks open in Geneva.', 'Reuters'],
    ['Talks open in Geneva. (Photo by Jane Doe)', 'Talks open in Geneva.', 'Jane Doe'],
  ])('%s', (line, caption, credit) => {
    expect(readCaptionLine(line)).toEqual({ caption, credit, strength: 'strong' });
  });

  it('reads a bare source in brackets as a weak credit', () => {
    expect(readCaptionLine('示威者在街头抗议。（法新社）')).toEqual({ caption: '示威者在街头抗议。', credit: '法新社', strength: 'weak' });
    expect(readCaptionLine('两国外长会面。(俄罗斯外交部/路透社)')?.credit).toBe('俄罗斯外交部/路透社');
  });

  it('gives an empty caption for a credit standing alone', () => {
    expect(readCaptionLine('（圖片來源：中央社）')).toEqual({ caption: '', credit: '中央社', strength: 'strong' });
  });

  it.each([
    '美国国务卿布林肯(左)与俄罗斯外长拉夫罗夫会面。',
    '停车场工程历时两年完成。(完)',
    '预算详情请参阅附件(见附表)',
    'Cases rose 4% last week (Source: CDC)',
    '他说:“图书馆将在下周开放。”',
    '比分最终为(2/3)',
  ])('finds no credit in %s', (line) => {
    expect(readCaptionLine(line)).toBeNull();
  });
});

describe('normaliseCredit', () => {
  it.each([
    ['俄罗斯外交部\\路透社', '俄罗斯外交部/路透社'],
    ['俄罗斯外交部 ／ 路透社', '俄罗斯外交部/路透社'],
    ['法新社、美联社、路透社', '法新社/美联社/路透社'],
    ['陈兆良摄', '陈兆良'],
    ['AP Photo/Jane Doe', 'AP Photo/Jane Doe'],
  ])('%s → %s', (raw, credit) => {
    expect(normaliseCredit(raw)).toBe(credit);
  });

  it('gives null when nothing is left', () => {
    expect(normaliseCredit(' / ')).toBeNull();
  });
});
