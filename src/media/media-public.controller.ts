import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ProblemResponse } from '../common/openapi.js';
import { Public } from '../access/decorators.js';
import { MediaDeliveryService } from './media-delivery.service.js';
import { sendFile } from './send-file.js';

/**
 * An hour, not a year: the URL of a rendition never changes, but its bytes may (a new focal point
 * re-crops the thumb) and a photo must leave readers' caches soon after its story is unpublished.
 * The ETag (a hash of the bytes) makes every revalidation after that a cheap 304.
 */
export const PUBLIC_RENDITION_CACHE = 'public, max-age=3600';

@ApiTags('content')
@Controller('media')
export class MediaPublicController {
  constructor(private readonly delivery: MediaDeliveryService) {}

  @Get(':id/:rendition')
  @Public()
  @ApiOperation({
    summary: 'A photo rendition for readers',
    description:
      'Public. `rendition` is `<thumb|medium|large>.<webp|jpeg|png|gif|avif>`. Answers only while a published story uses the photo; 404 otherwise, so photos of embargoed stories do not leak.',
  })
  @ApiProduces('image/webp', 'image/jpeg', 'image/png', 'image/gif', 'image/avif')
  @ApiResponse({ status: 200, description: 'The rendition, cacheable, with a strong ETag.', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 304, description: 'If-None-Match matched.' })
  @ApiResponse({ status: 404, type: ProblemResponse, description: 'No such rendition, or no published story uses the photo.' })
  async rendition(@Param('id') id: string, @Param('rendition') rendition: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await sendFile(req, res, await this.delivery.rendition(id, rendition, 'public'), { cacheControl: PUBLIC_RENDITION_CACHE, crossOrigin: true });
  }
}
