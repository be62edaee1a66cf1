import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/decorators.js';
import { ProblemResponse, ValidationProblemResponse } from '../auth/openapi.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { ContentSearchPageDto, SearchContentQueryDto } from './dto/search.dto.js';
import { PublicSearchService } from './public-search.service.js';

/** Public and cacheable, like the rest of /api/content: Express answers 304 when If-None-Match matches. */
@ApiTags('content')
@Public()
@Controller('api/content')
export class SearchController {
  constructor(
    private readonly search: PublicSearchService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('search')
  @ApiOperation({
    summary: 'Search published stories',
    description:
      'Public. Every word of q must appear (headline, subheadline, excerpt, body or photo captions); traditional and simplified script, ' +
      'full- and half-width forms find each other. Best matches first, a fresher story ahead on near-ties; keyset pages via cursor.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'An ETag from an earlier response; 304 when still current.' })
  @ApiOkResponse({ type: ContentSearchPageDto })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched).' })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No section with that slug.' })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse, description: 'q empty, without letters or digits, or over 200 characters; bad cursor or limit.' })
  async searchContent(@Query() query: SearchContentQueryDto, @Res({ passthrough: true }) res: Response): Promise<ContentSearchPageDto> {
    const page = await this.search.search(query);
    res.setHeader('ETag', page.etag);
    res.setHeader('Cache-Control', this.config.contentCacheControl);
    return page.body;
  }
}
