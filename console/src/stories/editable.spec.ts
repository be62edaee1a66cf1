import { changesFrom, countCharacters, parseTags, plainText, toBody, type EditableStory } from './editable';

const base: EditableStory = {
  headline: '布林肯与拉夫罗夫在日内瓦会面',
  subheadline: '',
  dateline: '日内瓦22日讯',
  byline: '',
  language: 'zh-Hans',
  excerpt: '',
  categoryId: null,
  tags: ['美国'],
  authors: ['u1'],
  embargoUntil: '2030-01-01T00:00:00.000Z',
  featuredImage: { mediaId: 'm1', caption: '', credit: '', altText: '' },
  body: [
    { key: 'a', type: 'paragraph', text: '美国国务卿布林肯与俄罗斯外长拉夫罗夫会面。' },
    { key: 'b', type: 'subheading', text: '美方下周书面回复' },
  ],
  seoTitle: '',
  seoDescription: '',
  canonicalUrl: 'https://partner.example/world/geneva',
};

describe('the editable story', () => {
  it('sends only what changed, never an untouched embargo', () => {
    expect(changesFrom(base, { ...base, body: base.body.map((b) => ({ ...b, key: 'other' })) })).toEqual({});
    expect(changesFrom(base, { ...base, subheadline: '双方仍存在重大分歧 ' })).toEqual({ subheadline: '双方仍存在重大分歧' });
    expect(changesFrom(base, { ...base, dateline: '  ' })).toEqual({ dateline: null });
  });

  it('sends SEO overrides trimmed, and null to go back to the defaults', () => {
    expect(changesFrom(base, { ...base, seoTitle: ' 布林肯拉夫罗夫日内瓦会谈 ', canonicalUrl: '' })).toEqual({
      seoTitle: '布林肯拉夫罗夫日内瓦会谈',
      canonicalUrl: null,
    });
  });

  it('sends the photo override and the body as the API takes them', () => {
    const changed = changesFrom(base, {
      ...base,
      featuredImage: { mediaId: 'm1', caption: '', credit: '路透社', altText: '' },
      body: [...base.body, { key: 'c', type: 'paragraph', text: '   ' }, { key: 'd', type: 'list', items: ['乌克兰', '', '北约'] }],
    });
    expect(changed.featuredImage).toEqual({ mediaId: 'm1', caption: null, credit: '路透社', altText: null });
    expect(changed.body).toEqual([
      { type: 'paragraph', text: '美国国务卿布林肯与俄罗斯外长拉夫罗夫会面。' },
      { type: 'subheading', text: '美方下周书面回复' },
      { type: 'list', items: ['乌克兰', '北约'] },
    ]);
  });

  it('counts Chinese characters, not words', () => {
    expect(countCharacters('布林肯与拉夫罗夫')).toBe(8);
    expect(countCharacters('美国 国务卿\n布林肯')).toBe(8);
    expect(countCharacters('Hello world')).toBe(10);
    expect(countCharacters('𠮷野家')).toBe(3);
  });

  it('reads tags separated by commas or the ideographic comma', () => {
    expect(parseTags('美国、俄罗斯，乌克兰, 美国')).toEqual(['美国', '俄罗斯', '乌克兰']);
  });

  it('copies the text as plain paragraphs', () => {
    expect(plainText(base)).toBe('布林肯与拉夫罗夫在日内瓦会面\n\n日内瓦22日讯\n\n美国国务卿布林肯与俄罗斯外长拉夫罗夫会面。\n美方下周书面回复');
    expect(toBody([{ key: 'q', type: 'quote', text: '坦率的会谈', attribution: '' }])).toEqual([
      { type: 'quote', text: '坦率的会谈', attribution: null },
    ]);
  });
});
