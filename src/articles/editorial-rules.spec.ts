import { bodyCharacters, editorialErrors, guessLanguage, LIMITS, normaliseSnapshot } from './editorial-rules.js';
import type { BodyBlock, EditorialSnapshot } from './revision-diff.js';

function snapshot(overrides: Partial<EditorialSnapshot> = {}): EditorialSnapshot {
  return {
    headline: '布林肯与拉夫罗夫在日内瓦会面',
    subheadline: null,
    slug: 'bu-lin-ken',
    dateline: null,
    language: 'zh-Hans',
    body: [{ type: 'paragraph', text: '美国国务卿布林肯与俄罗斯外长拉夫罗夫会面。' }],
    excerpt: null,
    featuredImage: null,
    categoryId: null,
    tags: [],
    authors: [],
    byline: null,
    seoTitle: null,
    seoDescription: null,
    canonicalUrl: null,
    socialImage: null,
    corrections: [],
    ...overrides,
  };
}

describe('normaliseSnapshot', () => {
  it('trims text (full-width indentation too) and turns empty optional text into null', () => {
    const s = normaliseSnapshot(
      snapshot({ headline: '  标题 ', subheadline: '   ', byline: ' ■陈兆良报导 ', body: [{ type: 'paragraph', text: '\u3000\u3000正文。' }] }),
    );
    expect(s.headline).toBe('标题');
    expect(s.subheadline).toBeNull();
    expect(s.byline).toBe('■陈兆良报导');
    expect(s.body).toEqual([{ type: 'paragraph', text: '正文。' }]);
  });

  it('makes image overrides explicit and drops duplicate and blank tags', () => {
    const s = normaliseSnapshot(
      snapshot({
        body: [{ type: 'image', mediaId: 'm1', caption: '  ' }],
        featuredImage: { mediaId: 'm1', credit: '路透社' },
        tags: ['美国', ' 美国', '', '俄罗斯'],
      }),
    );
    expect(s.body).toEqual([{ type: 'image', mediaId: 'm1', caption: null, credit: null, altText: null }]);
    expect(s.featuredImage).toEqual({ mediaId: 'm1', caption: null, credit: '路透社', altText: null });
    expect(s.tags).toEqual(['美国', '俄罗斯']);
  });
});

describe('editorialErrors', () => {
  it('accepts a well-formed story', () => {
    expect(editorialErrors(snapshot())).toEqual([]);
  });

  it('refuses an empty headline and one over 200 characters', () => {
    expect(editorialErrors(snapshot({ headline: '' }))).toEqual([{ field: 'headline', message: 'headline must not be empty' }]);
    expect(editorialErrors(snapshot({ headline: '长'.repeat(201) })).map((e) => e.field)).toEqual(['headline']);
    expect(editorialErrors(snapshot({ headline: '长'.repeat(200) }))).toEqual([]);
  });

  it('names the block whose type is unknown', () => {
    const body = [
      { type: 'paragraph', text: 'a' },
      { type: 'video', url: 'x' },
    ] as unknown as BodyBlock[];
    expect(editorialErrors(snapshot({ body }))).toEqual([
      { field: 'body.1.type', message: 'type must be one of paragraph, subheading, image, quote, list' },
    ]);
  });

  it('refuses more than 500 blocks and more than 200,000 characters', () => {
    const many: BodyBlock[] = Array.from({ length: LIMITS.bodyBlocks + 1 }, () => ({ type: 'paragraph', text: '段' }));
    expect(editorialErrors(snapshot({ body: many })).map((e) => e.field)).toEqual(['body']);
    const long: BodyBlock[] = Array.from({ length: 5 }, () => ({ type: 'paragraph', text: '字'.repeat(40_001) }));
    expect(editorialErrors(snapshot({ body: long }))[0].message).toContain('200000 characters');
  });

  it('refuses a malformed language tag', () => {
    expect(editorialErrors(snapshot({ language: 'Chinese!' })).map((e) => e.field)).toEqual(['language']);
  });
});

describe('bodyCharacters', () => {
  it('counts the text of every kind of block', () => {
    const body: BodyBlock[] = [
      { type: 'paragraph', text: '四个字符' },
      { type: 'quote', text: 'ab', attribution: 'c' },
      { type: 'list', items: ['x', 'yz'] },
      { type: 'image', mediaId: 'm', caption: '图', credit: null },
    ];
    expect(bodyCharacters(body)).toBe(4 + 3 + 3 + 1);
  });
});

describe('guessLanguage', () => {
  it('guesses Chinese from Han characters and English otherwise', () => {
    expect(guessLanguage('美方下周书面回复')).toBe('zh-Hans');
    expect(guessLanguage('Talks in Geneva')).toBe('en');
  });
});
