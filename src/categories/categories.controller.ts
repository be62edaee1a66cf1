import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ProblemResponse, ValidationProblemResponse } from '../common/openapi.js';
import type { AuthUser } from '../access/auth-user.js';
import { CurrentUser, RequireAnyPermission, RequirePermissions } from '../access/decorators.js';
import { Permission } from '../access/permissions.js';
import { CategoriesService } from './categories.service.js';
import { toCategoryResponse } from './category.mapper.js';
import { idParam } from '../common/id-param.js';
import { CategoryListDto, CategoryResponseDto, CreateCategoryDto, DeleteCategoryQueryDto, UpdateCategoryDto } from './dto/category.dto.js';

@ApiTags('categories')
@ApiBearerAuth()
@Controller('api/admin/categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @RequireAnyPermission(Permission.CategoryManage, Permission.ArticleCreate, Permission.ArticleEditOwn, Permission.ArticleEditAny)
  @ApiOperation({
    summary: 'List every section (flat; parentId gives the tree)',
    description: 'Requires category.manage, or a permission to write stories (a writer files a story under a section).',
  })
  @ApiOkResponse({ type: CategoryListDto })
  async list(): Promise<CategoryListDto> {
    return { items: (await this.categories.list()).map(toCategoryResponse), nextCursor: null };
  }

  @Get(':id')
  @RequirePermissions(Permission.CategoryManage)
  @ApiOperation({ summary: 'One section', description: 'Requires category.manage.' })
  @ApiOkResponse({ type: CategoryResponseDto })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such category.' })
  async get(@Param('id', idParam('The category')) id: string): Promise<CategoryResponseDto> {
    return toCategoryResponse(await this.categories.get(id));
  }

  @Post()
  @RequirePermissions(Permission.CategoryManage)
  @ApiOperation({
    summary: 'Create a section',
    description: 'Requires category.manage. The slug is made from the name (pinyin for Chinese: 国际 → guo-ji) unless given.',
  })
  @ApiCreatedResponse({ type: CategoryResponseDto })
  @ApiConflictResponse({ type: ProblemResponse, description: 'The requested slug is taken.' })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse, description: 'Invalid fields, or an unknown parentId.' })
  async create(@CurrentUser() user: AuthUser, @Body() body: CreateCategoryDto): Promise<CategoryResponseDto> {
    return toCategoryResponse(await this.categories.create(user, body));
  }

  @Patch(':id')
  @RequirePermissions(Permission.CategoryManage)
  @ApiOperation({
    summary: 'Rename, re-slug, move or reorder a section',
    description: 'Requires category.manage. Renaming keeps the slug unless a new one is sent.',
  })
  @ApiOkResponse({ type: CategoryResponseDto })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such category.' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'The requested slug is taken.' })
  @ApiUnprocessableEntityResponse({
    type: ValidationProblemResponse,
    description: 'Invalid fields, an unknown parent, or a parent inside this section.',
  })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', idParam('The category')) id: string,
    @Body() body: UpdateCategoryDto,
  ): Promise<CategoryResponseDto> {
    return toCategoryResponse(await this.categories.update(user, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.CategoryManage)
  @ApiOperation({
    summary: 'Delete a section',
    description: 'Requires category.manage. A section holding stories answers 409 {articleCount} unless ?moveTo= names another section.',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such category.' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'The section still has stories (articleCount) or sub-sections (childCount).' })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse, description: 'moveTo is not another existing category.' })
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', idParam('The category')) id: string,
    @Query() query: DeleteCategoryQueryDto,
  ): Promise<void> {
    await this.categories.remove(user, id, query.moveTo);
  }
}
