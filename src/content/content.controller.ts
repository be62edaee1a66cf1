import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CachedResponse } from './content-cache.service.js';
import { ContentService } from './content.service.js';
import { ArticleQueryDto, ContentArticleDto, ContentArticlePageDto, ContentCategoryTreeDto, ListContentQueryDto, VariantQueryDto } from './dto/content.dto.js';
import { AcceptsNinjs, CacheKey, PublicRoute } from './public-response.js';

@ApiTags('content')
@Controller('api/content')
export class ContentController {
  constructor(private readonly content: ContentService) {}

  @Get('articles')
  @PublicRoute(
    {
      summary: 'Published stories, newest first',
      description: 'Public. Filter by section slug (sub-sections included) or tag; keyset pages via cursor; `variant` converts the script.',
      answers: { 404: 'No section with that slug.', 422: 'Bad limit (max 100), cursor or variant.' },
    },
    ContentArticlePageDto,
  )
  list(@Query() query: ListContentQueryDto, @CacheKey() key: string): Promise<CachedResponse> {
    return this.content.listArticles(query, key);
  }

  @Get('articles/:slug')
  @ApiProduces('application/json', 'application/ninjs+json')
  @PublicRoute(
    {
      summary: 'One published story by slug',
      description:
        'Public. The live version (later edits show only after the next publish), with corrections, effective SEO fields and a NewsArticle JSON-LD object. ' +
        '`Accept: application/ninjs+json` or `format=ninjs` answers IPTC ninjs 3.3 instead (Vary: Accept); `variant` converts the script.',
      answers: { 404: 'No published story with that slug.', 422: 'Bad variant or format.' },
    },
    ContentArticleDto,
  )
  get(@Param('slug') slug: string, @Query() query: ArticleQueryDto, @AcceptsNinjs() ninjs: boolean, @CacheKey() key: string): Promise<CachedResponse> {
    return this.content.article(slug, query, ninjs, key);
  }

  @Get('categories')
  @PublicRoute(
    { summary: 'The section tree', description: 'Public. Sections nested under their parents, in editorial order.', answers: { 422: 'Bad variant.' } },
    ContentCategoryTreeDto,
  )
  categories(@Query() query: VariantQueryDto, @CacheKey() key: string): Promise<CachedResponse> {
    return this.content.categoryTree(query, key);
  }
}
