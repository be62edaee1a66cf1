import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../access/decorators.js';
import { ProblemResponse, ValidationProblemResponse } from '../common/openapi.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { ContentCache } from './content-cache.service.js';
import { ContentSearchPageDto, SearchContentQueryDto } from './dto/content-search.dto.js';
import { ContentSearchService } from './content-search.service.js';

/**
 * Public and cacheable, like the rest of /api/content: rendered pages are kept in the content
 * response cache (emptied whenever what readers see changes), and Express answers 304 when
 * If-None-Match matches.
 */
@ApiTags('content')
@Public()
@Controller('api/content')
export class ContentSearchController {
  constructor(
    private readonly search: ContentSearchService,
    private readonly cache: ContentCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('search')
  @ApiOperation({
    summary: 'Search published stories',
    description:
      'Public. Every word of q must appear (headline, subheadline, excerpt, body or photo captions); traditional and simplified script, ' +
      'full- and half-width forms find each other. Best matches first, a fresher story ahead on near-ties; keyset pages via cursor. ' +
      'A word shared by very many stories is ranked among the newest 100 of them.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'An ETag from an earlier response; 304 when still current.' })
  @ApiOkResponse({ type: ContentSearchPageDto })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched).' })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No section with that slug.' })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse, description: 'q empty, without letters or digits, or over 200 characters; bad cursor or limit.' })
  async searchContent(@Query() query: SearchContentQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    // Errors (404, 422) propagate out of the render and are never cached.
    const rendered = await this.cache.get(req.originalUrl, async () => {
      const page = await this.search.search(query);
      return { json: JSON.stringify(page.body), etag: page.etag };
    });
    res.setHeader('ETag', rendered.etag);
    res.setHeader('Cache-Control', this.config.contentCacheControl);
    res.type('application/json').send(rendered.json);
  }
}
