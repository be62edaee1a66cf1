import { headlineSlug, isAutomaticSlug, slugFollowsHeadline } from './slug-policy.js';

const id = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('headlineSlug', () => {
  it('turns a Chinese headline into pinyin', () => {
    expect(headlineSlug('国际新闻', id)).toBe('guo-ji-xin-wen');
  });

  it('falls back to article-<short id> when nothing usable is left', () => {
    expect(headlineSlug('！？', id)).toBe('article-0f8fad5b');
  });
});

describe('isAutomaticSlug', () => {
  it('recognises the headline slug and its uniqueness suffixes', () => {
    expect(isAutomaticSlug('guo-ji', '国际', id)).toBe(true);
    expect(isAutomaticSlug('guo-ji-3', '国际', id)).toBe(true);
  });

  it('does not mistake a chosen slug for an automatic one', () => {
    expect(isAutomaticSlug('world-news', '国际', id)).toBe(false);
    expect(isAutomaticSlug('guo-2', '国际', id)).toBe(false);
  });

  it('recognises a suffixed slug whose base was shortened to fit', () => {
    const headline = 'word '.repeat(30);
    const base = headlineSlug(headline, id);
    expect(base.length).toBeLessThanOrEqual(80);
    const shortened = `${base.slice(0, base.lastIndexOf('-', 77))}-2`;
    expect(isAutomaticSlug(shortened, headline, id)).toBe(true);
  });
});

describe('slugFollowsHeadline', () => {
  it('follows the headline until first publication', () => {
    expect(slugFollowsHeadline({ slug: 'guo-ji', headline: '国际', publishedAt: null }, id)).toBe(true);
    expect(slugFollowsHeadline({ slug: 'guo-ji', headline: '国际', publishedAt: new Date() }, id)).toBe(false);
  });

  it('keeps a slug an editor chose', () => {
    expect(slugFollowsHeadline({ slug: 'world', headline: '国际', publishedAt: null }, id)).toBe(false);
  });
});
