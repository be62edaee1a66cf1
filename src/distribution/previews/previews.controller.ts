import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../access/auth-user.js';
import { CurrentUser } from '../../access/decorators.js';
import { AdminEndpoint, needsOneOf } from '../../access/endpoints.js';
import { Permission } from '../../access/permissions.js';
import { idParam } from '../../common/id-param.js';
import { CreatePreviewDto, PreviewGrantDto } from './dto/preview.dto.js';
import { PreviewsService } from './previews.service.js';

const articleId = idParam('The article');
/** Whoever may touch the story: article.edit.any, or article.edit.own on their own. */
const MAY_TOUCH = needsOneOf(Permission.ArticleEditOwn, Permission.ArticleEditAny);

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/admin/articles')
export class PreviewsController {
  constructor(private readonly previews: PreviewsService) {}

  @Post(':id/preview')
  @HttpCode(201)
  @AdminEndpoint(MAY_TOUCH, {
    summary: "A preview link to the story's working copy",
    description:
      'Requires the right to touch the story (article.edit.any, or article.edit.own on one\'s own). The token opens ' +
      'GET /api/content/preview/{token} (drafts and never-published stories too) until it expires or DELETE revokes it.',
    answers: {
      201: { type: PreviewGrantDto, description: 'The signed token and when it expires.' },
      404: 'No such story, or not one the caller may touch.',
      422: 'expiresInSeconds under 60 or over PREVIEW_MAX_TTL_SECONDS.',
    },
  })
  grant(@CurrentUser() user: AuthUser, @Param('id', articleId) id: string, @Body() body: CreatePreviewDto): Promise<PreviewGrantDto> {
    return this.previews.grant(user, id, body.expiresInSeconds);
  }

  @Delete(':id/preview')
  @HttpCode(204)
  @AdminEndpoint(MAY_TOUCH, {
    summary: "Revoke every preview link to the story",
    description: 'Requires the right to touch the story. Takes effect at once in every process.',
    answers: { 204: 'Revoked.', 404: 'No such story, or not one the caller may touch.' },
  })
  revoke(@CurrentUser() user: AuthUser, @Param('id', articleId) id: string): Promise<void> {
    return this.previews.revoke(user, id);
  }
}
