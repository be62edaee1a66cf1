import { monthFile, newsLanguage, newsUrlsetXml, parseMonthFile, robotsTxt, sitemapIndexXml } from './sitemap-xml.js';

describe('sitemap documents', () => {
  it('names monthly sitemaps and reads their names back, refusing anything else', () => {
    expect(monthFile('2026-01', 1)).toBe('2026-01.xml');
    expect(monthFile('2026-01', 2)).toBe('2026-01-2.xml');
    expect(parseMonthFile('2026-01.xml')).toEqual({ year: 2026, month: 1, page: 1 });
    expect(parseMonthFile('2026-12-3.xml')).toEqual({ year: 2026, month: 12, page: 3 });
    for (const bad of ['2026-13.xml', '2026-01-1.xml', '2026-01-0.xml', '26-01.xml', '2026-01.xml.gz', 'news.xml']) expect(parseMonthFile(bad)).toBeNull();
  });

  it("gives Google News its language codes: zh-cn or zh-tw for Chinese, ISO 639 otherwise", () => {
    expect(['zh-Hans', 'zh-CN', 'zh-MY', 'zh', 'zh-Hant', 'zh-TW', 'zh-HK', 'en-GB', 'ms'].map(newsLanguage)).toEqual([
      'zh-cn',
      'zh-cn',
      'zh-cn',
      'zh-cn',
      'zh-tw',
      'zh-tw',
      'zh-tw',
      'en',
      'ms',
    ]);
  });

  it('escapes what it writes', () => {
    const xml = newsUrlsetXml('Ming & Co', [{ loc: 'https://news.example/a?b=1&c=2', title: '<美俄>', language: 'zh-Hans', publishedAt: new Date(0) }]);
    expect(xml).toContain('<news:name>Ming &amp; Co</news:name>');
    expect(xml).toContain('<loc>https://news.example/a?b=1&amp;c=2</loc>');
    expect(xml).toContain('<news:title>&lt;美俄&gt;</news:title>');
    expect(sitemapIndexXml([{ loc: 'https://news.example/sitemaps/2026-01.xml', lastmod: new Date(0) }])).toContain(
      '<sitemap><loc>https://news.example/sitemaps/2026-01.xml</loc><lastmod>1970-01-01T00:00:00.000Z</lastmod></sitemap>',
    );
  });

  it('robots.txt keeps crawlers out of the admin side and previews, and names the sitemaps', () => {
    expect(robotsTxt(['https://news.example/sitemap.xml'])).toBe(
      'User-agent: *\nDisallow: /api/admin/\nDisallow: /api/content/preview/\nDisallow: /admin/\n\nSitemap: https://news.example/sitemap.xml\n',
    );
  });
});
