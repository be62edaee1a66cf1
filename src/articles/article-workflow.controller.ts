import { applyDecorators, Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../access/auth-user.js';
import { CurrentUser } from '../access/decorators.js';
import { needs, WriteVersioned } from '../access/endpoints.js';
import { Permission } from '../access/permissions.js';
import { IfMatch } from '../common/if-match.js';
import { ArticleWorkflowService } from './article-workflow.service.js';
import { articleId } from './articles.controller.js';
import { ArticleResponseDto } from './dto/article-response.dto.js';
import { RequestChangesDto, ScheduleDto, WorkflowNoteDto } from './dto/workflow.dto.js';
import type { WorkflowAction } from './workflow.js';

/** A workflow action: its permission, If-Match, and the answers every action shares. */
function WorkflowRoute(action: WorkflowAction, permission: Permission, description: string) {
  return applyDecorators(
    Post(`:id/${action}`),
    WriteVersioned(
      needs(permission),
      {
        summary: `${action} (workflow action)`,
        description: `Requires ${permission} and the right to touch the story (article.edit.any, or article.edit.own on one's own), plus If-Match. ${description}`,
        answers: {
          200: 'The story after the action; ETag carries the new version.',
          404: 'No such story, or not one the caller may touch.',
          409: "The story's state does not allow this action (allowedActions lists what does).",
        },
      },
      ArticleResponseDto,
    ),
  );
}

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/admin/articles')
export class ArticleWorkflowController {
  constructor(private readonly workflow: ArticleWorkflowService) {}

  @WorkflowRoute('submit', Permission.ArticleSubmit, 'draft or unpublished → in_review.')
  submit(@CurrentUser() user: AuthUser, @Param('id', articleId) id: string, @IfMatch('A workflow action') version: number, @Body() body: WorkflowNoteDto) {
    return this.workflow.apply(user, id, 'submit', version, body);
  }

  @WorkflowRoute('request-changes', Permission.ArticlePublish, 'in_review → draft, with a note for the writer.')
  requestChanges(@CurrentUser() user: AuthUser, @Param('id', articleId) id: string, @IfMatch('A workflow action') version: number, @Body() body: RequestChangesDto) {
    return this.workflow.apply(user, id, 'request-changes', version, body);
  }

  @WorkflowRoute(
    'publish',
    Permission.ArticlePublish,
    'Makes the working copy live (on a published story: publishes its newest revision). 409 photosMissingCredit when a photo has no credit line; 409 embargoed (with embargoUntil) while an embargo holds.',
  )
  publish(@CurrentUser() user: AuthUser, @Param('id', articleId) id: string, @IfMatch('A workflow action') version: number, @Body() body: WorkflowNoteDto) {
    return this.workflow.apply(user, id, 'publish', version, body);
  }

  @WorkflowRoute('schedule', Permission.ArticleSchedule, 'draft or in_review → scheduled; publishes at publishAt (422 unless in the future and not before an embargo).')
  schedule(@CurrentUser() user: AuthUser, @Param('id', articleId) id: string, @IfMatch('A workflow action') version: number, @Body() body: ScheduleDto) {
    return this.workflow.apply(user, id, 'schedule', version, body);
  }

  @WorkflowRoute('unschedule', Permission.ArticleSchedule, 'scheduled → draft; the scheduled publication is cancelled.')
  unschedule(@CurrentUser() user: AuthUser, @Param('id', articleId) id: string, @IfMatch('A workflow action') version: number, @Body() body: WorkflowNoteDto) {
    return this.workflow.apply(user, id, 'unschedule', version, body);
  }

  @WorkflowRoute('unpublish', Permission.ArticleUnpublish, 'published → unpublished; off the public side at once.')
  unpublish(@CurrentUser() user: AuthUser, @Param('id', articleId) id: string, @IfMatch('A workflow action') version: number, @Body() body: WorkflowNoteDto) {
    return this.workflow.apply(user, id, 'unpublish', version, body);
  }

  @WorkflowRoute('archive', Permission.ArticleArchive, 'Any state but published → archived.')
  archive(@CurrentUser() user: AuthUser, @Param('id', articleId) id: string, @IfMatch('A workflow action') version: number, @Body() body: WorkflowNoteDto) {
    return this.workflow.apply(user, id, 'archive', version, body);
  }
}
