// The desk's tabs: how many stories are in each state, for what the caller may see.
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../access/auth-user.js';
import { CurrentUser } from '../access/decorators.js';
import { AdminEndpoint } from '../access/endpoints.js';
import { ValidationProblemResponse } from '../common/openapi.js';
import { READ_STORIES } from './articles.controller.js';
import { ArticlesService } from './articles.service.js';
import { DeskCountsDto, DeskCountsQueryDto } from './dto/desk-counts.dto.js';

@ApiTags('desk')
@ApiBearerAuth()
@Controller('api/admin/desk')
export class DeskController {
  constructor(private readonly articles: ArticlesService) {}

  @Get('counts')
  @AdminEndpoint(READ_STORIES, {
    summary: 'How many stories are in each state',
    description:
      'Requires article.edit.own or article.edit.any; without article.edit.any only the stories the caller created or is credited on, as in the story list. ' +
      'Filters as the story list: categoryId, authorId.',
    answers: { 200: { type: DeskCountsDto }, 422: { type: ValidationProblemResponse, description: 'A filter that is not a UUID.' } },
  })
  counts(@CurrentUser() user: AuthUser, @Query() query: DeskCountsQueryDto): Promise<DeskCountsDto> {
    return this.articles.countByState(user, query);
  }
}
