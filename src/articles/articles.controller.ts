import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../access/auth-user.js';
import { CurrentUser } from '../access/decorators.js';
import { CreateVersioned, ListEndpoint, needs, needsOneOf, ReadVersioned, WriteVersioned } from '../access/endpoints.js';
import { Permission } from '../access/permissions.js';
import type { Page } from '../common/cursor.js';
import { idParam } from '../common/id-param.js';
import { IfMatch, OptionalIfMatch } from '../common/if-match.js';
import { ArticlesService } from './articles.service.js';
import { CreateArticleDto, UpdateArticleDto } from './dto/article-input.dto.js';
import { ArticlePageDto, ArticleResponseDto } from './dto/article-response.dto.js';
import { ListArticlesQueryDto } from './dto/list-articles.query.js';

export const articleId = idParam('The article');

/** Reading stories needs article.edit.own (one's own) or article.edit.any (all); the object check decides which. */
export const READ_STORIES = needsOneOf(Permission.ArticleEditOwn, Permission.ArticleEditAny);

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/admin/articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Get()
  @ListEndpoint(
    READ_STORIES,
    {
      summary: 'List or search stories',
      description:
        'Requires article.edit.own or article.edit.any; without article.edit.any only stories the caller created or is credited on. ' +
        'Most recently changed first; with `q`, a full-text search of the working copies, best match first, each item with `match`.',
      answers: { 422: 'Bad filter, limit (max 100) or cursor; empty or over-long `q`.' },
    },
    ArticlePageDto,
  )
  list(@CurrentUser() user: AuthUser, @Query() query: ListArticlesQueryDto): Promise<Page<ArticleResponseDto>> {
    return this.articles.list(user, query);
  }

  @Post()
  @CreateVersioned(
    needs(Permission.ArticleCreate),
    {
      summary: 'Create a draft',
      description:
        'Requires article.create. The slug comes from the headline (pinyin for Chinese) unless given; the caller is the author unless `authors` is given.',
      answers: {
        409: 'The requested slug is taken.',
        422: 'Invalid fields (e.g. body.3.type), an unknown photo (featuredImage.mediaId), section or author.',
      },
    },
    ArticleResponseDto,
    (story) => `/api/admin/articles/${story.id}`,
  )
  create(@CurrentUser() user: AuthUser, @Body() body: CreateArticleDto): Promise<ArticleResponseDto> {
    return this.articles.create(user, body);
  }

  @Get(':id')
  @ReadVersioned(READ_STORIES, { summary: 'One story (working copy)', description: 'Requires article.edit.own (own stories) or article.edit.any (all).' }, ArticleResponseDto)
  get(@CurrentUser() user: AuthUser, @Param('id', articleId) id: string): Promise<ArticleResponseDto> {
    return this.articles.read(user, id);
  }

  @Patch(':id')
  @WriteVersioned(
    READ_STORIES,
    {
      summary: 'Edit the working copy',
      description:
        'Requires article.edit.own (own stories) or article.edit.any (all), and If-Match. A change makes a new revision; the live version is untouched until published again.',
      answers: {
        409: 'The requested slug is taken, or an embargo on a story readers already see (already-public).',
        422: 'Invalid fields; an embargo in the past or ending after the scheduled publication.',
      },
    },
    ArticleResponseDto,
  )
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', articleId) id: string,
    @IfMatch('Editing an article') version: number,
    @Body() body: UpdateArticleDto,
  ): Promise<ArticleResponseDto> {
    return this.articles.update(user, id, version, body);
  }

  @Delete(':id')
  @WriteVersioned(
    needs(Permission.ArticleDelete),
    {
      summary: 'Delete a story (soft)',
      description:
        'Requires article.delete and the right to touch the story. Takes it off the public side at once. If-Match is optional here; a stale one answers 412.',
    },
    null,
    { ifMatch: 'optional' },
  )
  remove(@CurrentUser() user: AuthUser, @Param('id', articleId) id: string, @OptionalIfMatch('Deleting an article') version: number | undefined): Promise<void> {
    return this.articles.remove(user, id, version);
  }
}
