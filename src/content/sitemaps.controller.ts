import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags, type ApiResponseOptions } from '@nestjs/swagger';
import { SitemapsService } from '../distribution/sitemaps/sitemaps.service.js';
import { ContentCache, type CachedResponse, type RenderedResponse } from './content-cache.service.js';
import { CacheKey, PublicRoute } from './public-response.js';

const xml = (description: string): ApiResponseOptions => ({ description, content: { 'application/xml': { schema: { type: 'string' } } } });

/** Sitemaps and robots.txt, cached like every public response (emptied when what readers see changes). */
@ApiTags('sitemaps')
@Controller()
export class SitemapsController {
  constructor(
    private readonly sitemaps: SitemapsService,
    private readonly cache: ContentCache,
  ) {}

  @Get('sitemap.xml')
  @PublicRoute(
    { summary: 'Sitemap index', description: 'The Google News sitemap and one sitemap per month of first publication (at most 50,000 URLs each).' },
    xml('A sitemaps.org sitemap index with lastmod.'),
  )
  index(@CacheKey() key: string): Promise<CachedResponse> {
    return this.cache.get(key, () => this.sitemaps.index());
  }

  @Get('sitemaps/news.xml')
  @PublicRoute(
    { summary: 'Google News sitemap', description: 'Stories first published in the last 48 hours, newest first, at most 1,000.' },
    xml('A urlset with news:news (publication name and language, publication_date, title).'),
  )
  news(@CacheKey() key: string): Promise<CachedResponse> {
    return this.cache.get(key, () => this.sitemaps.news());
  }

  @Get('sitemaps/:file')
  @PublicRoute(
    { summary: "A month's sitemap", description: '`2026-01.xml` (first 50,000 stories of January 2026 UTC), `2026-01-2.xml` (the next).', answers: { 404: 'No stories that month (or page).' } },
    xml('A sitemaps.org urlset with lastmod.'),
  )
  month(@Param('file') file: string, @CacheKey() key: string): Promise<CachedResponse> {
    return this.cache.get(key, () => this.sitemaps.month(file));
  }

  @Get('robots.txt')
  @PublicRoute({ summary: 'robots.txt', description: 'Keeps crawlers off the admin side and previews; names the sitemaps.' }, {
    description: 'Plain text.',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  robots(): RenderedResponse {
    return this.sitemaps.robots();
  }
}
