import { labelOf, scoreCorpus, scorePage, type PageLabel } from './corpus-score.js';
import type { ParsedPage } from './parser/parsed-page.js';

const parsed = (overrides: Partial<ParsedPage> = {}): ParsedPage => ({
  headline: '标题',
  headlineDerived: false,
  dateline: '吉隆坡22日讯',
  language: 'zh-Hans',
  byline: null,
  subheadline: null,
  featuredImage: { caption: '图一。', credit: '路透社' },
  body: [
    { type: 'paragraph', text: '第一段。' },
    { type: 'subheading', text: '小标题' },
    { type: 'image', caption: '图二。', credit: null },
    { type: 'paragraph', text: '第二段。' },
  ],
  excerpt: '第一段。',
  category: null,
  teasers: [{ title: '另一则', category: null, excerpt: null, date: null, tag: null }],
  signOff: null,
  warnings: [],
  confidence: { headline: 1, dateline: 1, language: 1, captions: 1, body: 1, teasers: 1 },
  guesses: [],
  ...overrides,
});

const label: PageLabel = {
  headline: '标题',
  dateline: '吉隆坡22日讯',
  language: 'zh-Hans',
  captions: [
    { caption: '图一。', credit: '路透社' },
    { caption: '图二。', credit: null },
  ],
  subheadings: ['小标题'],
  paragraphs: 2,
  teasers: ['另一则'],
};

describe('corpus score', () => {
  it('reads the labelled fields off a parse result: featured photo first, derived headline as none', () => {
    expect(labelOf(parsed())).toEqual(label);
    expect(labelOf(parsed({ headlineDerived: true })).headline).toBeNull();
  });

  it('scores a page read right as 1 on every field', () => {
    const page = scorePage('001', label, parsed());
    expect(page.fields.every((field) => field.score === 1 && field.expected === '')).toBe(true);
  });

  it('gives lists partial credit for items found in order, and values none when they differ', () => {
    const page = scorePage('001', label, parsed({ featuredImage: null, dateline: null }));
    const score = (field: string) => page.fields.find((f) => f.field === field);
    expect(score('captions')?.score).toBe(0.5);
    expect(score('dateline')).toEqual({ field: 'dateline', score: 0, expected: '吉隆坡22日讯', actual: '(none)' });
    expect(score('paragraphs')?.score).toBe(1);
  });

  it('folds white space before comparing', () => {
    const page = scorePage('001', { ...label, headline: '标题 ' }, parsed({ headline: '标题' }));
    expect(page.fields[0]?.score).toBe(1);
  });

  it('averages per field and overall', () => {
    const right = scorePage('001', label, parsed());
    const wrong = scorePage('002', label, parsed({ language: 'en' }));
    const corpus = scoreCorpus([right, wrong]);
    expect(corpus.byField.language).toBe(0.5);
    expect(corpus.byField.headline).toBe(1);
    expect(corpus.overall).toBeCloseTo(13 / 14);
  });
});
