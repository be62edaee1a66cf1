import { ApiProperty } from '@nestjs/swagger';
import { ALL_PERMISSIONS, type Permission } from '../../access/permissions.js';
import { permissionsOf } from '../grants.js';
import type { User } from '../user.entity.js';

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'chen.zhaoliang@newsroom.example' }) email: string;
  @ApiProperty({ example: '陈兆良' }) displayName: string;
  @ApiProperty({ description: 'Deactivated users cannot log in; their tokens stop working at once.' }) active: boolean;
  @ApiProperty({ type: [String], example: ['editor'], description: 'Role names, sorted.' }) roles: string[];
  @ApiProperty({
    enum: ALL_PERMISSIONS,
    isArray: true,
    required: false,
    description: 'Effective permissions (the union of the roles); on /api/auth/me, login, refresh and a single user.',
  })
  permissions?: Permission[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastLoginAt: string | null;
}

export class UserPageResponse {
  @ApiProperty({ type: [UserResponse] }) items: UserResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' }) nextCursor: string | null;
}

/** The one public shape of a user: never the password hash or the token version. */
export function toUserResponse(user: User, options: { withPermissions?: boolean } = {}): UserResponse {
  const roles = user.roles ?? [];
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    active: user.active,
    roles: roles.map((r) => r.name).sort(),
    ...(options.withPermissions ? { permissions: [...permissionsOf(roles)].sort() } : {}),
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}
