import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags, type ApiResponseOptions } from '@nestjs/swagger';
import type { CachedResponse } from './content-cache.service.js';
import { VariantQueryDto } from './dto/content.dto.js';
import { FEED_SIZE, FeedsService } from './feeds.service.js';
import { CacheKey, PublicRoute } from './public-response.js';

const feedAnswer = (mediaType: string, what: string): ApiResponseOptions => ({
  description: `${what} of the newest ${FEED_SIZE} published stories; each featured photo as Media RSS (media:content with media:description = caption, media:credit = credit).`,
  content: { [mediaType]: { schema: { type: 'string' } } },
});
const SITE = 'The whole site';
const SECTION = 'A section (its sub-sections included)';
const sectionAnswers = { 404: 'No section with that slug.', 422: 'Bad variant.' };

@ApiTags('feeds')
@Controller('feeds')
export class FeedsController {
  constructor(private readonly feeds: FeedsService) {}

  @Get('rss.xml')
  @PublicRoute({ summary: 'RSS 2.0 feed', answers: { 422: 'Bad variant.' } }, feedAnswer('application/rss+xml', SITE))
  rss(@Query() query: VariantQueryDto, @CacheKey() key: string): Promise<CachedResponse> {
    return this.feeds.feed('rss', undefined, query.variant, key);
  }

  @Get('atom.xml')
  @PublicRoute({ summary: 'Atom feed', answers: { 422: 'Bad variant.' } }, feedAnswer('application/atom+xml', SITE))
  atom(@Query() query: VariantQueryDto, @CacheKey() key: string): Promise<CachedResponse> {
    return this.feeds.feed('atom', undefined, query.variant, key);
  }

  @Get('feed.json')
  @PublicRoute({ summary: 'JSON Feed 1.1', answers: { 422: 'Bad variant.' } }, feedAnswer('application/feed+json', SITE))
  json(@Query() query: VariantQueryDto, @CacheKey() key: string): Promise<CachedResponse> {
    return this.feeds.feed('json', undefined, query.variant, key);
  }

  @Get('sections/:slug/rss.xml')
  @PublicRoute({ summary: "A section's RSS 2.0 feed", answers: sectionAnswers }, feedAnswer('application/rss+xml', SECTION))
  sectionRss(@Param('slug') slug: string, @Query() query: VariantQueryDto, @CacheKey() key: string): Promise<CachedResponse> {
    return this.feeds.feed('rss', slug, query.variant, key);
  }

  @Get('sections/:slug/atom.xml')
  @PublicRoute({ summary: "A section's Atom feed", answers: sectionAnswers }, feedAnswer('application/atom+xml', SECTION))
  sectionAtom(@Param('slug') slug: string, @Query() query: VariantQueryDto, @CacheKey() key: string): Promise<CachedResponse> {
    return this.feeds.feed('atom', slug, query.variant, key);
  }

  @Get('sections/:slug/feed.json')
  @PublicRoute({ summary: "A section's JSON Feed 1.1", answers: sectionAnswers }, feedAnswer('application/feed+json', SECTION))
  sectionJson(@Param('slug') slug: string, @Query() query: VariantQueryDto, @CacheKey() key: string): Promise<CachedResponse> {
    return this.feeds.feed('json', slug, query.variant, key);
  }
}
