import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
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
import { CurrentUser, RequireAnyPermission, RequirePermissions } from '../access/decorators.js';
import { ProblemResponse, ValidationProblemResponse } from '../common/openapi.js';
import { Permission } from '../access/permissions.js';
import { idParam } from '../common/id-param.js';
import { etagOf, requireIfMatch } from '../common/if-match.js';
import type { Page } from '../common/cursor.js';
import { ArticleReferences } from './article-references.service.js';
import { ArticlesService } from './articles.service.js';
import { CreateArticleDto, UpdateArticleDto } from './dto/article-input.dto.js';
import { ArticlePageDto, ArticleResponseDto } from './dto/article-response.dto.js';
import { ListArticlesQueryDto } from './dto/list-articles.query.js';

export const articleId = idParam('The article');

/** Every single-story response carries the version as its ETag. */
export function withEtag(res: Response, view: ArticleResponseDto): ArticleResponseDto {
  res.setHeader('ETag', etagOf(view.version));
  return view;
}

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/admin/articles')
export class ArticlesController {
  constructor(
    private readonly articles: ArticlesService,
    private readonly references: ArticleReferences,
  ) {}

  @Get()
  @RequireAnyPermission(Permission.ArticleEditOwn, Permission.ArticleEditAny)
  @ApiOperation({
    summary: 'List or search stories',
    description:
      'Requires article.edit.own or article.edit.any; without article.edit.any only stories the caller created or is credited on. ' +
      'Most recently changed first; with `q`, a full-text search of the working copies, best match first, each item with `match`.',
  })
  @ApiOkResponse({ type: ArticlePageDto })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse, description: 'Bad filter, limit (max 100) or cursor; empty or over-long `q`.' })
  async list(@CurrentUser() user: AuthUser, @Query() query: ListArticlesQueryDto): Promise<Page<ArticleResponseDto>> {
    const page = await this.articles.list(user, query);
    const items = await this.references.presentArticles(page.items, user);
    if (page.matches) for (const item of items) item.match = page.matches.get(item.id);
    return { items, nextCursor: page.nextCursor };
  }

  @Post()
  @RequirePermissions(Permission.ArticleCreate)
  @ApiOperation({
    summary: 'Create a draft',
    description:
      'Requires article.create. The slug comes from the headline (pinyin for Chinese) unless given; the caller is the author unless `authors` is given.',
  })
  @ApiCreatedResponse({ type: ArticleResponseDto, description: 'Created; ETag carries the version.' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'The requested slug is taken.' })
  @ApiUnprocessableEntityResponse({
    type: ValidationProblemResponse,
    description: 'Invalid fields (e.g. body.3.type), an unknown photo (featuredImage.mediaId), section or author.',
  })
  async create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateArticleDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ArticleResponseDto> {
    const article = await this.articles.create(user, body);
    res.location(`/api/admin/articles/${article.id}`);
    return withEtag(res, await this.references.presentArticle(article, user));
  }

  @Get(':id')
  @RequireAnyPermission(Permission.ArticleEditOwn, Permission.ArticleEditAny)
  @ApiOperation({ summary: 'One story (working copy)', description: 'Requires article.edit.own (own stories) or article.edit.any (all).' })
  @ApiOkResponse({ type: ArticleResponseDto, description: 'ETag carries the version.' })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such story, or not one the caller may touch.' })
  async get(
    @CurrentUser() user: AuthUser,
    @Param('id', articleId) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ArticleResponseDto> {
    return withEtag(res, await this.references.presentArticle(await this.articles.get(user, id), user));
  }

  @Patch(':id')
  @RequireAnyPermission(Permission.ArticleEditOwn, Permission.ArticleEditAny)
  @ApiOperation({
    summary: 'Edit the working copy',
    description:
      'Requires article.edit.own (own stories) or article.edit.any (all), and If-Match. A change makes a new revision; the live version is untouched until published again.',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version last read, e.g. "3".' })
  @ApiOkResponse({ type: ArticleResponseDto })
  @ApiNotFoundResponse({ type: ProblemResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'The requested slug is taken, or an embargo on a story readers already see (already-public).' })
  @ApiPreconditionFailedResponse({ type: ProblemResponse, description: 'Stale If-Match; currentVersion in the body.' })
  @ApiResponse({ status: 428, type: ProblemResponse, description: 'If-Match missing.' })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse, description: 'Invalid fields; an embargo in the past or ending after the scheduled publication.' })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', articleId) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateArticleDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ArticleResponseDto> {
    const article = await this.articles.update(user, id, requireIfMatch(ifMatch, 'Editing an article'), body);
    return withEtag(res, await this.references.presentArticle(article, user));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.ArticleDelete)
  @ApiOperation({
    summary: 'Delete a story (soft)',
    description:
      'Requires article.delete and the right to touch the story. Takes it off the public side at once. If-Match is optional here; a stale one answers 412.',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse({ type: ProblemResponse })
  @ApiPreconditionFailedResponse({ type: ProblemResponse })
  async remove(@CurrentUser() user: AuthUser, @Param('id', articleId) id: string, @Headers('if-match') ifMatch: string | undefined): Promise<void> {
    await this.articles.remove(user, id, ifMatch === undefined ? undefined : requireIfMatch(ifMatch, 'Deleting an article'));
  }
}
