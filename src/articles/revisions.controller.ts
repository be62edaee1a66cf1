import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../access/auth-user.js';
import { CurrentUser } from '../access/decorators.js';
import { AdminEndpoint, ListEndpoint, WriteVersioned } from '../access/endpoints.js';
import type { Page } from '../common/cursor.js';
import { IfMatch } from '../common/if-match.js';
import { ProblemResponse, ValidationProblemResponse } from '../common/openapi.js';
import { NotFoundProblem } from '../common/problem.js';
import { articleId, READ_STORIES } from './articles.controller.js';
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

const OWN_OR_ALL = 'Requires article.edit.own (own stories) or article.edit.any (all).';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/admin/articles')
export class RevisionsController {
  constructor(private readonly revisions: RevisionsService) {}

  @Get(':id/revisions')
  @ListEndpoint(READ_STORIES, { summary: "A story's revisions, newest first", description: OWN_OR_ALL, answers: { 404: 'No such story, or not one the caller may touch.' } }, RevisionPageDto)
  list(@CurrentUser() user: AuthUser, @Param('id', articleId) id: string, @Query() query: ListRevisionsQueryDto): Promise<Page<RevisionSummaryDto>> {
    return this.revisions.list(user, id, query);
  }

  @Get(':id/revisions/:number')
  @AdminEndpoint(READ_STORIES, {
    summary: 'One revision with its full snapshot',
    description: OWN_OR_ALL,
    answers: { 200: { type: RevisionResponseDto }, 404: 'No such story or revision, or not a story the caller may touch.' },
  })
  get(@CurrentUser() user: AuthUser, @Param('id', articleId) id: string, @Param('number', revisionNumber) number: number): Promise<RevisionResponseDto> {
    return this.revisions.get(user, id, number);
  }

  @Get(':id/diff')
  @AdminEndpoint(READ_STORIES, {
    summary: 'What changed between two revisions, field by field',
    description: `${OWN_OR_ALL} Text fields carry character-level runs (works for Chinese).`,
    answers: {
      200: { type: DiffResponseDto },
      404: { type: ProblemResponse, description: 'No such story or revision.' },
      422: { type: ValidationProblemResponse, description: 'from or to is not a revision number.' },
    },
  })
  diff(@CurrentUser() user: AuthUser, @Param('id', articleId) id: string, @Query() query: DiffQueryDto): Promise<RevisionDiff> {
    return this.revisions.diff(user, id, query.from, query.to);
  }

  @Post(':id/revisions/:number/restore')
  @WriteVersioned(
    READ_STORIES,
    {
      summary: "Make an old revision's content the working copy again",
      description: `${OWN_OR_ALL} And If-Match. Appends a new restore revision; history is never rewritten.`,
      answers: { 409: 'The revision shows photos deleted since.' },
    },
    ArticleResponseDto,
  )
  restore(
    @CurrentUser() user: AuthUser,
    @Param('id', articleId) id: string,
    @Param('number', revisionNumber) number: number,
    @IfMatch('Restoring a revision') version: number,
  ): Promise<ArticleResponseDto> {
    return this.revisions.restore(user, id, number, version);
  }
}
