// Route metadata read by the global guards: @Public() opts out of authentication,
// @RequirePermissions(...) names what the caller must hold (and says so in the OpenAPI document).
import { SetMetadata, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AuthUser } from './auth-user.js';
import { ProblemResponse, PUBLIC_EXTENSION } from '../common/openapi.js';
import type { Permission } from './permissions.js';

export const IS_PUBLIC = 'masthead:public';
export const REQUIRED_PERMISSIONS = 'masthead:permissions';
export const REQUIRED_ANY_PERMISSION = 'masthead:any-permission';
/** OpenAPI extensions listing a route's required permissions; the access-matrix test reads them. */
export const PERMISSIONS_EXTENSION = 'x-required-permissions';
export const ANY_PERMISSION_EXTENSION = 'x-required-any-permission';

export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));

/**
 * Every listed permission is required. Also declares, for /docs, the permissions and the 401/403
 * answers, so no route can require a permission its documentation omits. Bearer auth is declared
 * by `@ApiBearerAuth()` on the controller (declaring it here too would list it twice).
 */
export const RequirePermissions = (...permissions: Permission[]) =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSIONS, permissions),
    ApiExtension(PERMISSIONS_EXTENSION, permissions),
    ...authResponses(`The caller lacks the permission ${permissions.join(', ')}.`),
  );

/**
 * At least one listed permission is required: for routes whose object-level check (access/resource-access.ts)
 * then decides how far that permission reaches, e.g. reading stories with article.edit.own (own
 * ones) or article.edit.any (all).
 */
export const RequireAnyPermission = (...permissions: Permission[]) =>
  applyDecorators(
    SetMetadata(REQUIRED_ANY_PERMISSION, permissions),
    ApiExtension(ANY_PERMISSION_EXTENSION, permissions),
    ...authResponses(`The caller holds none of the permissions ${permissions.join(', ')}.`),
  );

const authResponses = (forbidden: string) => [
  ApiUnauthorizedResponse({
    type: ProblemResponse,
    description: 'No valid access token (missing, expired, revoked, or the account is deactivated).',
  }),
  ApiForbiddenResponse({ type: ProblemResponse, description: forbidden }),
];

/** The authenticated user of this request. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
