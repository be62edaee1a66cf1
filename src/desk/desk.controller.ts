// What the console's desk needs besides the story list: counts per state and the people a story
// can credit (for writers who may not read the user administration).
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { AuthUser } from '../access/auth-user.js';
import { CurrentUser, RequireAnyPermission } from '../access/decorators.js';
import { ValidationProblemResponse } from '../common/openapi.js';
import { Permission } from '../access/permissions.js';
import { DeskRepository } from './desk.repository.js';
import { DeskCountsDto, DeskCountsQueryDto, PeopleDto, PeopleQueryDto } from './dto/desk.dto.js';

@ApiTags('desk')
@ApiBearerAuth()
@Controller('api/admin/desk')
export class DeskController {
  constructor(private readonly desk: DeskRepository) {}

  @Get('counts')
  @RequireAnyPermission(Permission.ArticleEditOwn, Permission.ArticleEditAny)
  @ApiOperation({
    summary: 'How many stories are in each state',
    description:
      'Requires article.edit.own or article.edit.any; without article.edit.any only the stories the caller created or is credited on, as in the story list. ' +
      'Filters as the story list: categoryId, authorId.',
  })
  @ApiOkResponse({ type: DeskCountsDto })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse, description: 'A filter that is not a UUID.' })
  async counts(@CurrentUser() user: AuthUser, @Query() query: DeskCountsQueryDto): Promise<DeskCountsDto> {
    const counts = await this.desk.countByStatus({ ...query, touchableBy: user.permissions.has(Permission.ArticleEditAny) ? undefined : user.id });
    return { counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
  }

  @Get('people')
  @RequireAnyPermission(Permission.ArticleCreate, Permission.ArticleEditOwn, Permission.ArticleEditAny)
  @ApiOperation({
    summary: 'Staff who can be credited as authors',
    description:
      'Requires article.create, article.edit.own or article.edit.any. Active users whose roles let them write stories: id and name only (no email), by name.',
  })
  @ApiOkResponse({ type: PeopleDto })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse })
  async people(@Query() query: PeopleQueryDto): Promise<PeopleDto> {
    const people = await this.desk.people(query.q);
    return { items: people.map((p) => ({ id: p.id, displayName: p.displayName })), nextCursor: null };
  }
}
