import { blockPassages, snippetPassages, weightedText } from './search-text.js';

const story = {
  headline: '布林肯与拉夫罗夫会面',
  subheadline: '美俄外长日内瓦会谈',
  excerpt: '双方仍存在重大分歧',
  featuredImage: { caption: '布林肯（左）与拉夫罗夫握手。' },
  body: [
    { type: 'paragraph', text: '第一段。' },
    { type: 'subheading', text: '小标题' },
    { type: 'image', mediaId: 'm1', caption: '北约总部。', credit: '路透社', altText: '大楼' },
    { type: 'quote', text: '我们不会入侵。', attribution: '拉夫罗夫' },
    { type: 'list', items: ['一', '', '二'] },
    { type: 'paragraph', text: '   ' },
  ],
};

describe('weightedText', () => {
  it('puts the headline in A, subheadline and excerpt in B, body and captions in C', () => {
    expect(weightedText(story)).toEqual({
      a: '布林肯与拉夫罗夫会面',
      b: '美俄外长日内瓦会谈\n双方仍存在重大分歧',
      c: '布林肯（左）与拉夫罗夫握手。\n第一段。\n小标题\n北约总部。\n我们不会入侵。\n拉夫罗夫\n一\n二',
    });
  });

  it('leaves photo credits and alt text out, so an agency name does not match every story', () => {
    expect(weightedText(story).c).not.toContain('路透社');
    expect(weightedText(story).c).not.toContain('大楼');
  });

  it('accepts missing optional parts', () => {
    expect(weightedText({ headline: 'H', body: [] })).toEqual({ a: 'H', b: '', c: '' });
  });
});

describe('passages', () => {
  it('ignores unknown block types', () => {
    expect(blockPassages({ type: 'embed', text: 'x' })).toEqual([]);
  });

  it('offers the subheadline and excerpt before the body for snippets', () => {
    expect(snippetPassages(story).slice(0, 3)).toEqual(['美俄外长日内瓦会谈', '双方仍存在重大分歧', '布林肯（左）与拉夫罗夫握手。']);
  });
});
