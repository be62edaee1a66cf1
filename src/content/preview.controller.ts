import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ContentPreviewDto, VariantQueryDto } from './dto/content.dto.js';
import { PreviewService } from './preview.service.js';
import { PublicRoute, type PrivateResponse } from './public-response.js';

@ApiTags('content')
@Controller('api/content/preview')
export class PreviewController {
  constructor(private readonly preview: PreviewService) {}

  @Get(':token')
  @PublicRoute(
    {
      summary: "A story's working copy, for a preview link",
      description:
        'Public to whoever holds the token (POST /api/admin/articles/{id}/preview). The content API story shape plus `preview`, `status` and `expiresAt`; ' +
        'drafts and never-published stories too. Answers carry Cache-Control: private, no-store and X-Robots-Tag: noindex.',
      answers: { 404: 'A forged or revoked token, or the story was deleted.', 410: 'The link has expired.', 422: 'Bad variant.' },
    },
    ContentPreviewDto,
  )
  open(@Param('token') token: string, @Query() query: VariantQueryDto): Promise<PrivateResponse> {
    return this.preview.open(token, query.variant);
  }
}
