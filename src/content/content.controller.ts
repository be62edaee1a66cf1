import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../access/decorators.js';
import { ProblemResponse, ValidationProblemResponse } from '../common/openapi.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { ContentCache, type RenderedResponse } from './content-cache.service.js';
import { ContentService, type Cacheable } from './content.service.js';
import { ContentArticleDto, ContentArticlePageDto, ContentCategoryTreeDto, ListContentQueryDto } from './dto/content.dto.js';

/**
 * Public and cacheable. Express answers 304 by itself when If-None-Match matches the ETag set here
 * (res.send checks req.fresh), so a revalidation costs one indexed query and no body.
 */
@ApiTags('content')
@Public()
@ApiHeader({ name: 'If-None-Match', required: false, description: 'An ETag from an earlier response; 304 when still current.' })
@ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched).' })
@Controller('api/content')
export class ContentController {
  constructor(
    private readonly content: ContentService,
    private readonly cache: ContentCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('articles')
  @ApiOperation({
    summary: 'Published stories, newest first',
    description: 'Public. Filter by section slug (sub-sections included) or tag; keyset pages via cursor.',
  })
  @ApiOkResponse({ type: ContentArticlePageDto })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No section with that slug.' })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse, description: 'Bad limit (max 100) or cursor.' })
  async list(@Query() query: ListContentQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.send(req, res, async () => render(await this.content.listArticles(query)));
  }

  @Get('articles/:slug')
  @ApiOperation({ summary: 'One published story by slug', description: 'Public. The live version: later edits show only after the next publish.' })
  @ApiOkResponse({ type: ContentArticleDto })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No published story with that slug.' })
  async get(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.send(req, res, async () => render(await this.content.getArticle(slug)));
  }

  @Get('categories')
  @ApiOperation({ summary: 'The section tree', description: 'Public. Sections nested under their parents, in editorial order.' })
  @ApiOkResponse({ type: ContentCategoryTreeDto })
  async categories(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.send(req, res, async () => render(await this.content.categoryTree()));
  }

  /** From the response cache when it holds this URL; errors (404, 422) are never cached. */
  private async send(req: Request, res: Response, renderFresh: () => Promise<RenderedResponse>): Promise<void> {
    const rendered = await this.cache.get(req.originalUrl, renderFresh);
    res.setHeader('ETag', rendered.etag);
    res.setHeader('Cache-Control', this.config.contentCacheControl);
    res.type('application/json').send(rendered.json);
  }
}

const render = <T>(result: Cacheable<T>): RenderedResponse => ({ json: JSON.stringify(result.body), etag: result.etag });
