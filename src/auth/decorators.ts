// Route metadata read by the global guards: @Public() opts out of authentication,
// @RequirePermissions(...) names what the caller must hold.
import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Permission } from './permissions.js';
import type { AuthUser } from './auth-user.js';

export const IS_PUBLIC = 'masthead:public';
export const REQUIRED_PERMISSIONS = 'masthead:permissions';

export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Every listed permission is required. */
export const RequirePermissions = (...permissions: Permission[]) => SetMetadata(REQUIRED_PERMISSIONS, permissions);

/** The authenticated user of this request. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
