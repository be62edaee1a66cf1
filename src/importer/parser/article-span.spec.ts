import { classifyLine, classifyLines, collapseRepeats, findArticleSpan } from './article-span.js';

describe('article span', () => {
  it('folds a caption printed twice, and a truncated alt text above its caption', () => {
    expect(collapseRepeats(['黑色轿车失控撞在大路旁。', '黑色轿车失控撞在大路旁。'])).toEqual([{ text: '黑色轿车失控撞在大路旁。', repeated: true }]);
    expect(collapseRepeats(['飛行服務隊直升機巡邏。 飛行服務隊直升機巡邏。'])).toEqual([{ text: '飛行服務隊直升機巡邏。', repeated: true }]);
  });

  it('classifies furniture, stamps, boxes, credits and prose', () => {
    expect(classifyLine('ADVERTISEMENT')).toBe('chrome');
    expect(classifyLine('2025-03-02 08:42')).toBe('stamp');
    expect(classifyLine('热门新闻')).toBe('box');
    expect(classifyLine('中新社发 张浪 摄')).toBe('credit');
    expect(classifyLine('他说,警方在上述3个地点起获数把大剪刀、螺丝起子等工具,以及干案时开的3辆轿车。')).toBe('prose');
  });

  it('finds the densest run of prose, leaving navigation above and the trending box below', () => {
    const lines = classifyLines([
      '星洲网 登录',
      'ADVERTISEMENT',
      '吉打集体大逃狱 不排除逃犯发难逞凶',
      '(西岭20日讯)吉打州总警长说,今日从临时扣留营集体逃出的扣留犯目前百余人潜逃中。',
      '发现可疑外籍者速通报',
      '因此,他提醒民众多加留意,一旦发现赤脚的可疑外籍人物,就马上通知警方。',
      'ADVERTISEMENT',
      '热门新闻',
      '(日得拉7日讯)疑患有精神失常的男子持刀闯入当地1间扁担饭餐厅,最终被警方逮捕。',
    ]);
    expect(findArticleSpan(lines)).toEqual({ start: 3, end: 6 });
  });

  it('finds no story in furniture alone', () => {
    expect(findArticleSpan(classifyLines(['ADVERTISEMENT', '热门新闻', '阅读全文']))).toBeNull();
  });
});
