import { readBylineLine, takeSignOff } from './bylines.js';

describe('readBylineLine', () => {
  it.each([
    ['■陈兆良报导', '陈兆良报导'],
    ['◆ 李立法 整理', '李立法 整理'],
    ['■陈兆良', '陈兆良'],
    ['文／李四', '文／李四'],
    ['記者：張三', '記者：張三'],
    ['By Jane Doe', 'By Jane Doe'],
    ['By JANE DOE and JOHN ROE, Associated Press', 'By JANE DOE and JOHN ROE, Associated Press'],
  ])('%s → %s', (line, byline) => {
    expect(readBylineLine(line)).toBe(byline);
  });

  it.each([
    '■第一点：政府将增加拨款，照顾弱势群体的需要。',
    'By the way, officials said the talks would continue.',
    '美方下周书面回复俄要求',
    '文化部长今日出席活动',
  ])('finds no byline in %s', (line) => {
    expect(readBylineLine(line)).toBeNull();
  });
});

describe('takeSignOff', () => {
  it.each([
    ['停车场工程历时两年完成。(完)', '停车场工程历时两年完成。', '(完)'],
    ['相關措施會在下週說明。（編輯：陳俊碩）1130126', '相關措施會在下週說明。', '（編輯：陳俊碩）1130126'],
    ['（編輯：陳俊碩）1130126', '', '（編輯：陳俊碩）1130126'],
    ['（譯者：王五/核稿：趙六）（完）', '', '（譯者：王五/核稿：趙六）（完）'],
    ['Talks will resume next week. (END)', 'Talks will resume next week.', '(END)'],
    ['-30-', '', '-30-'],
  ])('%s', (paragraph, text, signOff) => {
    expect(takeSignOff(paragraph)).toEqual({ text, signOff });
  });

  it('leaves paragraphs without a sign-off alone', () => {
    expect(takeSignOff('布林肯(左)与拉夫罗夫握手。')).toEqual({ text: '布林肯(左)与拉夫罗夫握手。', signOff: null });
    expect(takeSignOff('完成(完整版)。')).toEqual({ text: '完成(完整版)。', signOff: null });
  });
});
