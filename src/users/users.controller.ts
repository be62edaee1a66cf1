import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthUser } from '../access/auth-user.js';
import { CurrentUser, RequirePermissions } from '../access/decorators.js';
import { ProblemResponse, ValidationProblemResponse } from '../common/openapi.js';
import { Permission } from '../access/permissions.js';
import type { Page } from '../common/cursor.js';
import { CreateUserRequest, ListUsersQuery, UpdateUserRequest } from './dto/user.request.js';
import { UserPageResponse, UserResponse } from './dto/user.response.js';
import { idParam } from '../common/id-param.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/admin/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermissions(Permission.UserManage)
  @ApiOperation({
    summary: 'List staff users',
    description: 'Requires `user.manage`. Email order; filter by `q` (email or name substring), `active`, `role`.',
  })
  @ApiOkResponse({ type: UserPageResponse })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse, description: 'Bad filter, limit or cursor.' })
  list(@Query() query: ListUsersQuery): Promise<Page<UserResponse>> {
    return this.users.list(query);
  }

  @Post()
  @RequirePermissions(Permission.UserManage)
  @ApiOperation({ summary: 'Create a staff user', description: 'Requires `user.manage`, and every permission of the roles given.' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'The email is taken.' })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse, description: 'Invalid fields, a weak password or an unknown role.' })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateUserRequest): Promise<UserResponse> {
    return this.users.create(actor, body);
  }

  @Get(':id')
  @RequirePermissions(Permission.UserManage)
  @ApiOperation({ summary: 'One staff user, with effective permissions', description: 'Requires `user.manage`.' })
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ type: ProblemResponse })
  get(@Param('id', idParam('User')) id: string): Promise<UserResponse> {
    return this.users.get(id);
  }

  @Patch(':id')
  @RequirePermissions(Permission.UserManage)
  @ApiOperation({
    summary: 'Change a staff user (name, roles, active, password reset)',
    description:
      'Requires `user.manage`, every permission the user holds and every permission of the new roles. ' +
      'Deactivation, a role change or a password reset log the user out everywhere at once.',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ type: ProblemResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'The last active administrator cannot be deactivated or demoted.' })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse, description: 'Invalid fields, a weak password or an unknown role.' })
  update(@CurrentUser() actor: AuthUser, @Param('id', idParam('User')) id: string, @Body() body: UpdateUserRequest): Promise<UserResponse> {
    return this.users.update(actor, id, body);
  }
}
