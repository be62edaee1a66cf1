// The sitemap index (one sitemap per month of first publication, split at 50,000 URLs, plus the
// Google News sitemap), each month's sitemap, the Google News sitemap and robots.txt.
import { Injectable } from '@nestjs/common';
import { NotFoundProblem } from '../../common/problem.js';
import { represent, type Representation } from '../representation.js';
import { SiteLinks } from '../site-links.js';
import {
  monthFile,
  NEWS_MAX_URLS,
  NEWS_WINDOW_HOURS,
  newsUrlsetXml,
  parseMonthFile,
  robotsTxt,
  SITEMAP_MAX_URLS,
  sitemapIndexXml,
  urlsetXml,
  type SitemapEntry,
} from './sitemap-xml.js';
import { SitemapRepository, type SitemapStory } from './sitemap.repository.js';

const XML = 'application/xml; charset=utf-8';

@Injectable()
export class SitemapsService {
  constructor(
    private readonly repository: SitemapRepository,
    private readonly links: SiteLinks,
  ) {}

  async index(): Promise<Representation> {
    const months = await this.repository.months();
    const sitemaps: SitemapEntry[] = [];
    const latest = months.reduce((at, m) => (m.lastmod > at ? m.lastmod : at), new Date(0));
    sitemaps.push({ loc: this.links.public('/sitemaps/news.xml'), lastmod: latest });
    for (const m of months) {
      for (let page = 1; (page - 1) * SITEMAP_MAX_URLS < m.stories; page++)
        sitemaps.push({ loc: this.links.public(`/sitemaps/${monthFile(m.month, page)}`), lastmod: m.lastmod });
    }
    return represent(sitemapIndexXml(sitemaps), XML);
  }

  /** `2026-01.xml`, `2026-01-2.xml`: 404 for a month or page with no stories. */
  async month(file: string): Promise<Representation> {
    const page = parseMonthFile(file);
    if (!page) throw new NotFoundProblem('The sitemap');
    const from = new Date(Date.UTC(page.year, page.month - 1, 1));
    const to = new Date(Date.UTC(page.year, page.month, 1));
    const stories = await this.repository.month(from, to, (page.page - 1) * SITEMAP_MAX_URLS, SITEMAP_MAX_URLS);
    if (stories.length === 0) throw new NotFoundProblem('The sitemap');
    return represent(urlsetXml(stories.map((s) => ({ loc: this.url(s), lastmod: s.updated_at }))), XML);
  }

  async news(): Promise<Representation> {
    const stories = await this.repository.recent(NEWS_WINDOW_HOURS, NEWS_MAX_URLS);
    const entries = stories.map((s) => ({ loc: this.url(s), title: s.headline, language: s.language, publishedAt: s.published_at }));
    return represent(newsUrlsetXml(this.links.publicationName, entries), XML);
  }

  robots(): Representation {
    return represent(robotsTxt([this.links.public('/sitemap.xml'), this.links.public('/sitemaps/news.xml')]), 'text/plain; charset=utf-8');
  }

  private url(story: SitemapStory): string {
    return this.links.story({ slug: story.slug, sectionSlug: story.section_slug, publishedAt: story.published_at });
  }
}
