// Who can be named as a story's author, for every writer (the user administration is for user.manage).
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AdminEndpoint, needsOneOf } from '../access/endpoints.js';
import { Permission } from '../access/permissions.js';
import { PeopleDto, PeopleQueryDto } from './dto/people.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('desk')
@ApiBearerAuth()
@Controller('api/admin/desk')
export class PeopleController {
  constructor(private readonly users: UsersService) {}

  @Get('people')
  @AdminEndpoint(needsOneOf(Permission.ArticleCreate, Permission.ArticleEditOwn, Permission.ArticleEditAny), {
    summary: 'Staff who can be credited as authors',
    description:
      'Requires article.create, article.edit.own or article.edit.any. Active users whose roles let them write stories: id and name only (no email), by name.',
    answers: { 200: { type: PeopleDto }, 422: 'An over-long name filter.' },
  })
  people(@Query() query: PeopleQueryDto): Promise<PeopleDto> {
    return this.users.writers(query);
  }
}
