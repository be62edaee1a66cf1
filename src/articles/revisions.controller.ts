import { Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
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
import { CurrentUser, RequireAnyPermission } from '../access/decorators.js';
import { ProblemResponse, ValidationProblemResponse } from '../common/openapi.js';
import { Permission } from '../access/permissions.js';
import type { Page } from '../common/cursor.js';
import { requireIfMatch } from '../common/if-match.js';
import { NotFoundProblem } from '../common/problem.js';
import { ArticleReferences } from './article-references.service.js';
import { articleId, withEtag } from './articles.controller.js';
import { ArticleResponseDto, DiffResponseDto, RevisionPageDto, RevisionResponseDto, type RevisionSummaryDto } from './dto/article-response.dto.js';
import { DiffQueryDto, ListRevisionsQueryDto } from './dto/list-articles.query.js';
import { RevisionsService, type RevisionDiff } from './revisions.service.js';

/** Revision numbers are positive 32-bit integers; anything else names no revision. */
const revisionNumber = {
  transform(value: string): number {
    const number = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!(number >= 1 && number <= 2_147_483_647)) throw new NotFoundProblem('The revision');
    return number;
  },
};

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/admin/articles')
export class RevisionsController {
  constructor(
    private readonly revisions: RevisionsService,
    private readonly references: ArticleReferences,
  ) {}

  @Get(':id/revisions')
  @RequireAnyPermission(Permission.ArticleEditOwn, Permission.ArticleEditAny)
  @ApiOperation({ summary: "A story's revisions, newest first", description: 'Requires article.edit.own (own stories) or article.edit.any (all).' })
  @ApiOkResponse({ type: RevisionPageDto })
  @ApiNotFoundResponse({ type: ProblemResponse })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse })
  async list(
    @CurrentUser() user: AuthUser,
    @Param('id', articleId) id: string,
    @Query() query: ListRevisionsQueryDto,
  ): Promise<Page<RevisionSummaryDto>> {
    const page = await this.revisions.list(user, id, query);
    return { items: await this.references.presentRevisions(page.items), nextCursor: page.nextCursor };
  }

  @Get(':id/revisions/:number')
  @RequireAnyPermission(Permission.ArticleEditOwn, Permission.ArticleEditAny)
  @ApiOperation({ summary: 'One revision with its full snapshot', description: 'Requires article.edit.own (own stories) or article.edit.any (all).' })
  @ApiOkResponse({ type: RevisionResponseDto })
  @ApiNotFoundResponse({ type: ProblemResponse })
  async get(
    @CurrentUser() user: AuthUser,
    @Param('id', articleId) id: string,
    @Param('number', revisionNumber) number: number,
  ): Promise<RevisionResponseDto> {
    return this.references.presentRevision(await this.revisions.get(user, id, number));
  }

  @Get(':id/diff')
  @RequireAnyPermission(Permission.ArticleEditOwn, Permission.ArticleEditAny)
  @ApiOperation({
    summary: 'What changed between two revisions, field by field',
    description: 'Requires article.edit.own (own stories) or article.edit.any (all). Text fields carry character-level runs (works for Chinese).',
  })
  @ApiOkResponse({ type: DiffResponseDto })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such story or revision.' })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse })
  diff(@CurrentUser() user: AuthUser, @Param('id', articleId) id: string, @Query() query: DiffQueryDto): Promise<RevisionDiff> {
    return this.revisions.diff(user, id, query.from, query.to);
  }

  @Post(':id/revisions/:number/restore')
  @HttpCode(200)
  @RequireAnyPermission(Permission.ArticleEditOwn, Permission.ArticleEditAny)
  @ApiOperation({
    summary: "Make an old revision's content the working copy again",
    description:
      'Requires article.edit.own (own stories) or article.edit.any (all), and If-Match. Appends a new restore revision; history is never rewritten.',
  })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOkResponse({ type: ArticleResponseDto })
  @ApiNotFoundResponse({ type: ProblemResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'The revision shows photos deleted since.' })
  @ApiPreconditionFailedResponse({ type: ProblemResponse })
  @ApiResponse({ status: 428, type: ProblemResponse, description: 'If-Match missing.' })
  async restore(
    @CurrentUser() user: AuthUser,
    @Param('id', articleId) id: string,
    @Param('number', revisionNumber) number: number,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ArticleResponseDto> {
    const article = await this.revisions.restore(user, id, number, requireIfMatch(ifMatch, 'Restoring a revision'));
    return withEtag(res, await this.references.presentArticle(article, user));
  }
}
