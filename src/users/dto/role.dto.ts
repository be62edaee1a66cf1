import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ALL_PERMISSIONS, PERMISSION_DESCRIPTIONS, type Permission } from '../../access/permissions.js';
import { coreGrantsOf } from '../grants.js';
import type { Role } from '../role.entity.js';

const ROLE_NAME = /^[a-z][a-z0-9._-]{1,39}$/;
const ROLE_NAME_MESSAGE = 'name must be 2-40 lower-case letters, digits, dots, dashes or underscores, starting with a letter';
const UNKNOWN_PERMISSION = `each value in permissions must be a known permission (${ALL_PERMISSIONS.join(', ')})`;

export class CreateRoleRequest {
  @ApiProperty({ example: 'copy-desk', pattern: ROLE_NAME.source })
  @IsString()
  @Matches(ROLE_NAME, { message: ROLE_NAME_MESSAGE })
  name: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'Sub-editors: edit any story, no publishing.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiProperty({ enum: ALL_PERMISSIONS, isArray: true })
  @IsArray()
  @ArrayMaxSize(ALL_PERMISSIONS.length * 2)
  @IsIn(ALL_PERMISSIONS, { each: true, message: UNKNOWN_PERMISSION })
  permissions: Permission[];
}

/** Every field optional (null refused). Built-in roles cannot be renamed; `permissions` replaces the grants, and built-in roles keep their core ones. */
export class UpdateRoleRequest extends PartialType(CreateRoleRequest, { skipNullProperties: false }) {}

export class RoleResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'editor' }) name: string;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'Seeded by migration; cannot be deleted, renamed or stripped of its core grants.' }) builtIn: boolean;
  @ApiProperty({ enum: ALL_PERMISSIONS, isArray: true }) permissions: Permission[];
  @ApiProperty({ enum: ALL_PERMISSIONS, isArray: true, description: 'Grants that cannot be removed (empty for custom roles).' })
  corePermissions: Permission[];
  @ApiProperty({ description: 'Users holding the role (active or not).' }) userCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class RoleListResponse {
  @ApiProperty({ type: [RoleResponse] }) items: RoleResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: every role fits on one page.' }) nextCursor: null;
}

export class PermissionResponse {
  @ApiProperty({ enum: ALL_PERMISSIONS }) name: Permission;
  @ApiProperty() description: string;
}

export class PermissionListResponse {
  @ApiProperty({ type: [PermissionResponse] }) items: PermissionResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null.' }) nextCursor: null;
}

export function toRoleResponse(role: Role, userCount: number): RoleResponse {
  return {
    id: role.id,
    name: role.name,
    description: role.description,
    builtIn: role.builtIn,
    permissions: [...role.permissions].sort(),
    corePermissions: [...coreGrantsOf(role)].sort(),
    userCount,
    createdAt: role.createdAt.toISOString(),
    updatedAt: role.updatedAt.toISOString(),
  };
}

export const toPermissionResponse = (name: Permission): PermissionResponse => ({ name, description: PERMISSION_DESCRIPTIONS[name] });
