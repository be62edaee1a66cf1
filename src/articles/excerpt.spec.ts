import { deriveExcerpt, effectiveExcerpt } from './excerpt.js';
import type { BodyBlock } from './revision-diff.js';

describe('deriveExcerpt', () => {
  it('uses the opening paragraph when it is short', () => {
    const body: BodyBlock[] = [
      { type: 'subheading', text: '北约' },
      { type: 'paragraph', text: '美俄外长会面。' },
    ];
    expect(deriveExcerpt(body)).toBe('美俄外长会面。');
  });

  it('cuts long Chinese text at the last full stop that fits', () => {
    const first = '美国国务卿布林肯与俄罗斯外长拉夫罗夫当地时间周五在瑞士日内瓦会面。';
    const body: BodyBlock[] = [{ type: 'paragraph', text: first + '双方就乌克兰局势交换了意见'.repeat(10) }];
    expect(deriveExcerpt(body, 60)).toBe(first);
  });

  it('cuts hard with an ellipsis when no sentence ends in time', () => {
    const body: BodyBlock[] = [{ type: 'paragraph', text: 'word '.repeat(100) }];
    const excerpt = deriveExcerpt(body, 20);
    expect(excerpt).toBe('word word word word…');
    expect([...(excerpt ?? '')].length).toBeLessThanOrEqual(20);
  });

  it('gives null for a body without paragraphs', () => {
    expect(deriveExcerpt([{ type: 'image', mediaId: 'm' }])).toBeNull();
    expect(deriveExcerpt([])).toBeNull();
  });

  it('never splits a surrogate pair', () => {
    const body: BodyBlock[] = [{ type: 'paragraph', text: '😀'.repeat(50) }];
    expect(deriveExcerpt(body, 10)).toBe('😀'.repeat(9) + '…');
  });
});

describe('effectiveExcerpt', () => {
  it("prefers the editor's excerpt", () => {
    expect(effectiveExcerpt('编辑写的', [{ type: 'paragraph', text: '正文。' }])).toBe('编辑写的');
    expect(effectiveExcerpt(null, [{ type: 'paragraph', text: '正文。' }])).toBe('正文。');
  });
});
