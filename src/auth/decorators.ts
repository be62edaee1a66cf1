// Route metadata read by the global guards: @Public() opts out of authentication,
// @RequirePermissions(...) names what the caller must hold (and says so in the OpenAPI document).
import { SetMetadata, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AuthUser } from './auth-user.js';
import { ProblemResponse } from './openapi.js';
import type { Permission } from './permissions.js';

export const IS_PUBLIC = 'masthead:public';
export const REQUIRED_PERMISSIONS = 'masthead:permissions';
/** OpenAPI extension listing a route's required permissions; the access-matrix test reads it. */
export const PERMISSIONS_EXTENSION = 'x-required-permissions';

export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Every listed permission is required. Also declares, for /docs, the permissions and the 401/403
 * answers, so no route can require a permission its documentation omits. Bearer auth is declared
 * by `@ApiBearerAuth()` on the controller (declaring it here too would list it twice).
 */
export const RequirePermissions = (...permissions: Permission[]) =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSIONS, permissions),
    ApiExtension(PERMISSIONS_EXTENSION, permissions),
    ApiUnauthorizedResponse({
      type: ProblemResponse,
      description: 'No valid access token (missing, expired, revoked, or the account is deactivated).',
    }),
    ApiForbiddenResponse({ type: ProblemResponse, description: `The caller lacks the permission ${permissions.join(', ')}.` }),
  );

/** The authenticated user of this request. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
