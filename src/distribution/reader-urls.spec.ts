import { readerUrl } from './reader-urls.js';

const site = { url: 'https://news.example', articlePath: '/{section}/{slug}', publicationName: '新闻' };
const story = { slug: 'bu-lin-ken-yu-la-fu-luo-fu', sectionSlug: 'guo-ji', publishedAt: new Date('2026-01-22T03:04:05Z') };

describe('readerUrl', () => {
  it('fills the section and slug into the path template under the site URL', () => {
    expect(readerUrl(site, story)).toBe('https://news.example/guo-ji/bu-lin-ken-yu-la-fu-luo-fu');
  });

  it('files stories without a section under news, and dates by first publication in UTC', () => {
    expect(readerUrl({ ...site, articlePath: '/{yyyy}/{mm}/{dd}/{section}/{slug}.html' }, { ...story, sectionSlug: null })).toBe(
      'https://news.example/2026/01/22/news/bu-lin-ken-yu-la-fu-luo-fu.html',
    );
  });

  it('encodes what it fills in, so a slug can never break out of its path segment', () => {
    expect(readerUrl(site, { ...story, slug: 'a/b?c' })).toBe('https://news.example/guo-ji/a%2Fb%3Fc');
  });
});
