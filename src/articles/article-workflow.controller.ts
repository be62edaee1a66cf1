import { applyDecorators, Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../access/auth-user.js';
import { CurrentUser, RequirePermissions } from '../access/decorators.js';
import { ProblemResponse, ValidationProblemResponse } from '../common/openapi.js';
import { Permission } from '../access/permissions.js';
import { requireIfMatch } from '../common/if-match.js';
import { ArticleReferences } from './article-references.service.js';
import { ArticleWorkflowService, type ActionParams } from './article-workflow.service.js';
import { articleId, withEtag } from './articles.controller.js';
import { ArticleResponseDto } from './dto/article-response.dto.js';
import { RequestChangesDto, ScheduleDto, WorkflowNoteDto } from './dto/workflow.dto.js';
import type { WorkflowAction } from './workflow.js';

/** Swagger for a workflow action: its permission, If-Match, and the answers every action shares. */
function WorkflowRoute(action: WorkflowAction, permission: Permission, description: string) {
  return applyDecorators(
    Post(`:id/${action}`),
    HttpCode(200),
    RequirePermissions(permission),
    ApiOperation({
      summary: `${action} (workflow action)`,
      description: `Requires ${permission} and the right to touch the story (article.edit.any, or article.edit.own on one's own), plus If-Match. ${description}`,
    }),
    ApiHeader({ name: 'If-Match', required: true, description: 'The version last read, e.g. "3".' }),
    ApiOkResponse({ type: ArticleResponseDto, description: 'The story after the action; ETag carries the new version.' }),
    ApiNotFoundResponse({ type: ProblemResponse, description: 'No such story, or not one the caller may touch.' }),
    ApiConflictResponse({ type: ProblemResponse, description: "The story's state does not allow this action (allowedActions lists what does)." }),
    ApiPreconditionFailedResponse({ type: ProblemResponse, description: 'Stale If-Match; currentVersion in the body.' }),
    ApiResponse({ status: 428, type: ProblemResponse, description: 'If-Match missing.' }),
    ApiUnprocessableEntityResponse({ type: ValidationProblemResponse }),
  );
}

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/admin/articles')
export class ArticleWorkflowController {
  constructor(
    private readonly workflow: ArticleWorkflowService,
    private readonly references: ArticleReferences,
  ) {}

  @WorkflowRoute('submit', Permission.ArticleSubmit, 'draft or unpublished → in_review.')
  submit(
    @CurrentUser() user: AuthUser,
    @Param('id', articleId) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: WorkflowNoteDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(user, id, 'submit', ifMatch, body, res);
  }

  @WorkflowRoute('request-changes', Permission.ArticlePublish, 'in_review → draft, with a note for the writer.')
  requestChanges(
    @CurrentUser() user: AuthUser,
    @Param('id', articleId) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: RequestChangesDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(user, id, 'request-changes', ifMatch, body, res);
  }

  @WorkflowRoute(
    'publish',
    Permission.ArticlePublish,
    'Makes the working copy live (on a published story: publishes its newest revision). 409 photosMissingCredit when a photo has no credit line; 409 embargoed (with embargoUntil) while an embargo holds.',
  )
  publish(
    @CurrentUser() user: AuthUser,
    @Param('id', articleId) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: WorkflowNoteDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(user, id, 'publish', ifMatch, body, res);
  }

  @WorkflowRoute('schedule', Permission.ArticleSchedule, 'draft or in_review → scheduled; publishes at publishAt (422 unless in the future and not before an embargo).')
  schedule(
    @CurrentUser() user: AuthUser,
    @Param('id', articleId) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: ScheduleDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(user, id, 'schedule', ifMatch, body, res);
  }

  @WorkflowRoute('unschedule', Permission.ArticleSchedule, 'scheduled → draft; the scheduled publication is cancelled.')
  unschedule(
    @CurrentUser() user: AuthUser,
    @Param('id', articleId) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: WorkflowNoteDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(user, id, 'unschedule', ifMatch, body, res);
  }

  @WorkflowRoute('unpublish', Permission.ArticleUnpublish, 'published → unpublished; off the public side at once.')
  unpublish(
    @CurrentUser() user: AuthUser,
    @Param('id', articleId) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: WorkflowNoteDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(user, id, 'unpublish', ifMatch, body, res);
  }

  @WorkflowRoute('archive', Permission.ArticleArchive, 'Any state but published → archived.')
  archive(
    @CurrentUser() user: AuthUser,
    @Param('id', articleId) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: WorkflowNoteDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(user, id, 'archive', ifMatch, body, res);
  }

  private async act(
    user: AuthUser,
    id: string,
    action: WorkflowAction,
    ifMatch: string | undefined,
    params: ActionParams,
    res: Response,
  ): Promise<ArticleResponseDto> {
    const article = await this.workflow.apply(user, id, action, requireIfMatch(ifMatch, 'A workflow action'), params);
    return withEtag(res, await this.references.presentArticle(article, user));
  }
}
