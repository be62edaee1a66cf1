import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
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
import type { AuthUser } from '../access/auth-user.js';
import { CurrentUser, RequirePermissions } from '../access/decorators.js';
import { ProblemResponse, ValidationProblemResponse } from '../common/openapi.js';
import { Permission } from '../access/permissions.js';
import type { Page } from '../common/cursor.js';
import {
  CreateRoleRequest,
  PermissionListResponse,
  RoleListResponse,
  RoleResponse,
  UpdateRoleRequest,
  type PermissionResponse,
} from './dto/role.dto.js';
import { idParam } from '../common/id-param.js';
import { RolesService } from './roles.service.js';

@ApiTags('roles')
@ApiBearerAuth()
@Controller('api/admin')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get('permissions')
  @RequirePermissions(Permission.RoleManage)
  @ApiOperation({ summary: 'Every permission a role can grant', description: 'Requires `role.manage`.' })
  @ApiOkResponse({ type: PermissionListResponse })
  permissions(): Page<PermissionResponse> {
    return this.roles.permissions();
  }

  @Get('roles')
  @RequirePermissions(Permission.RoleManage)
  @ApiOperation({ summary: 'List roles', description: 'Requires `role.manage`. Built-in roles first.' })
  @ApiOkResponse({ type: RoleListResponse })
  list(): Promise<Page<RoleResponse>> {
    return this.roles.list();
  }

  @Post('roles')
  @RequirePermissions(Permission.RoleManage)
  @ApiOperation({ summary: 'Create a custom role', description: 'Requires `role.manage`, and every permission granted.' })
  @ApiCreatedResponse({ type: RoleResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'The name is taken.' })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse, description: 'Invalid name or an unknown permission.' })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateRoleRequest): Promise<RoleResponse> {
    return this.roles.create(actor, body);
  }

  @Get('roles/:id')
  @RequirePermissions(Permission.RoleManage)
  @ApiOperation({ summary: 'One role', description: 'Requires `role.manage`.' })
  @ApiOkResponse({ type: RoleResponse })
  @ApiNotFoundResponse({ type: ProblemResponse })
  get(@Param('id', idParam('Role')) id: string): Promise<RoleResponse> {
    return this.roles.get(id);
  }

  @Patch('roles/:id')
  @RequirePermissions(Permission.RoleManage)
  @ApiOperation({
    summary: 'Rename, describe or regrant a role',
    description: 'Requires `role.manage`, and every permission the role has or is given. Takes effect on its holders at once.',
  })
  @ApiOkResponse({ type: RoleResponse })
  @ApiNotFoundResponse({ type: ProblemResponse })
  @ApiConflictResponse({
    type: ProblemResponse,
    description: 'Renaming a built-in role, removing its core grants, a taken name, or leaving no administrator.',
  })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse, description: 'Invalid name or an unknown permission.' })
  update(@CurrentUser() actor: AuthUser, @Param('id', idParam('Role')) id: string, @Body() body: UpdateRoleRequest): Promise<RoleResponse> {
    return this.roles.update(actor, id, body);
  }

  @Delete('roles/:id')
  @HttpCode(204)
  @RequirePermissions(Permission.RoleManage)
  @ApiOperation({
    summary: 'Delete a custom role',
    description: 'Requires `role.manage`. Built-in roles and roles still held by a user cannot be deleted.',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse({ type: ProblemResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'A built-in role, or one still held by a user.' })
  async delete(@CurrentUser() actor: AuthUser, @Param('id', idParam('Role')) id: string): Promise<void> {
    await this.roles.delete(actor, id);
  }
}
