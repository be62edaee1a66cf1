import { applyDecorators, Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../access/auth-user.js';
import { CurrentUser } from '../access/decorators.js';
import { CreateVersioned, needs } from '../access/endpoints.js';
import { Permission } from '../access/permissions.js';
import { OptionalIfMatch } from '../common/if-match.js';
import { articleId } from './articles.controller.js';
import { CorrectionsService } from './corrections.service.js';
import { CreateCorrectionDto } from './dto/correction.dto.js';
import { ArticleResponseDto } from './dto/article-response.dto.js';

const AppendCorrection = () =>
  applyDecorators(
    ApiHeader({ name: 'If-Match', required: false, description: 'Optional: the version last read; a stale one answers 412.' }),
    CreateVersioned(
      needs(Permission.ArticlePublish),
      {
        summary: 'Append a correction to a published story',
        description:
          'Requires article.publish and the right to touch the story. The notice is public at once (content API `corrections`, feeds, ninjs) ' +
          'without publishing other pending edits, and is kept in the revision history as a `correction` revision. Location names that revision.',
        answers: {
          404: 'No such story, or not one the caller may touch.',
          409: 'The story is not published (not-published).',
          412: 'Stale If-Match.',
        },
      },
      ArticleResponseDto,
      (story) => `/api/admin/articles/${story.id}/revisions/${story.currentRevision}`,
    ),
  );

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/admin/articles')
export class CorrectionsController {
  constructor(private readonly corrections: CorrectionsService) {}

  @Post(':id/corrections')
  @AppendCorrection()
  append(
    @CurrentUser() user: AuthUser,
    @Param('id', articleId) id: string,
    @OptionalIfMatch('Correcting a story') version: number | undefined,
    @Body() body: CreateCorrectionDto,
  ): Promise<ArticleResponseDto> {
    return this.corrections.append(user, id, body.text, version);
  }
}
