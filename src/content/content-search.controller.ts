import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CachedResponse } from './content-cache.service.js';
import { ContentSearchService } from './content-search.service.js';
import { ContentSearchPageDto, SearchContentQueryDto } from './dto/content-search.dto.js';
import { CacheKey, PublicRoute } from './public-response.js';

/**
 * Public and cacheable, like the rest of /api/content: rendered pages are kept in the content
 * response cache (emptied whenever what readers see changes).
 */
@ApiTags('content')
@Controller('api/content')
export class ContentSearchController {
  constructor(private readonly search: ContentSearchService) {}

  @Get('search')
  @PublicRoute(
    {
      summary: 'Search published stories',
      description:
        'Public. Every word of q must appear (headline, subheadline, excerpt, body or photo captions); traditional and simplified script, ' +
        'full- and half-width forms find each other. Best matches first, a fresher story ahead on near-ties; keyset pages via cursor. ' +
        'A word shared by very many stories is ranked among the newest 100 of them. `variant` converts the hits to a script.',
      answers: {
        404: 'No section with that slug.',
        422: 'q empty, without letters or digits, or over 200 characters; bad cursor, limit or variant.',
      },
    },
    ContentSearchPageDto,
  )
  searchContent(@Query() query: SearchContentQueryDto, @CacheKey() key: string): Promise<CachedResponse> {
    return this.search.search(query, key);
  }
}
