// Sitemap documents (sitemaps.org 0.9 and Google News 0.9), written as strings: a month's sitemap
// may hold 50,000 URLs, and plain concatenation is the cheapest way to write them.
import { escapeHtml } from '../html/story-html.js';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** The most URLs one sitemap may list (sitemaps.org). */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News: stories first published within this window, at most this many. */
export const NEWS_WINDOW_HOURS = 48;
export const NEWS_MAX_URLS = 1000;

// eslint-disable-next-line no-control-regex
const text = (value: string) => escapeHtml(value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));

export interface SitemapEntry {
  loc: string;
  lastmod: Date;
}

export function sitemapIndexXml(sitemaps: readonly SitemapEntry[]): string {
  const entries = sitemaps.map((s) => `<sitemap><loc>${text(s.loc)}</loc><lastmod>${s.lastmod.toISOString()}</lastmod></sitemap>`);
  return `${DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${entries.join('\n')}\n</sitemapindex>\n`;
}

export function urlsetXml(urls: readonly SitemapEntry[]): string {
  const entries = urls.map((u) => `<url><loc>${text(u.loc)}</loc><lastmod>${u.lastmod.toISOString()}</lastmod></url>`);
  return `${DECLARATION}<urlset xmlns="${SITEMAP_NS}">\n${entries.join('\n')}\n</urlset>\n`;
}

export interface NewsEntry {
  loc: string;
  title: string;
  language: string;
  publishedAt: Date;
}

export function newsUrlsetXml(publicationName: string, stories: readonly NewsEntry[]): string {
  const publication = text(publicationName);
  const entries = stories.map(
    (s) =>
      `<url><loc>${text(s.loc)}</loc><news:news><news:publication><news:name>${publication}</news:name>` +
      `<news:language>${newsLanguage(s.language)}</news:language></news:publication>` +
      `<news:publication_date>${s.publishedAt.toISOString()}</news:publication_date><news:title>${text(s.title)}</news:title></news:news></url>`,
  );
  return `${DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${entries.join('\n')}\n</urlset>\n`;
}

/** Google News wants ISO 639 codes, and zh-cn or zh-tw for Chinese (simplified or traditional). */
export function newsLanguage(tag: string): string {
  const lower = tag.toLowerCase();
  if (/^zh-(hant|tw|hk|mo)/.test(lower)) return 'zh-tw';
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-cn';
  return lower.split('-')[0];
}

/** `2026-01` (first page) or `2026-01-2`: the month a monthly sitemap covers and its page. */
export interface MonthPage {
  year: number;
  month: number;
  page: number;
}

const MONTH_FILE = /^(\d{4})-(0[1-9]|1[0-2])(?:-([2-9]|[1-9]\d{1,3}))?\.xml$/;

export function parseMonthFile(file: string): MonthPage | null {
  const match = MONTH_FILE.exec(file);
  return match ? { year: Number(match[1]), month: Number(match[2]), page: match[3] ? Number(match[3]) : 1 } : null;
}

export const monthFile = (month: string, page: number) => (page === 1 ? `${month}.xml` : `${month}-${page}.xml`);

export const robotsTxt = (sitemaps: readonly string[]) =>
  ['User-agent: *', 'Disallow: /api/admin/', 'Disallow: /api/content/preview/', 'Disallow: /admin/', '', ...sitemaps.map((s) => `Sitemap: ${s}`), ''].join('\n');
