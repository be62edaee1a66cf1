import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ForbiddenProblem, UnauthorizedProblem } from '../common/problem.js';
import type { AuthUser } from './auth-user.js';
import { IS_PUBLIC, REQUIRED_ANY_PERMISSION, REQUIRED_PERMISSIONS } from './decorators.js';
import type { Permission } from './permissions.js';

/** Global: every route needs a valid access token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    return super.canActivate(context);
  }

  override handleRequest<TUser = AuthUser>(err: unknown, user: TUser | false, info: unknown): TUser {
    // An error (as opposed to a failed check) means the user lookup broke: a 500 (503 when the
    // database is unreachable), not a 401. The cause is kept for the problem filter to judge.
    if (err) throw err instanceof Error ? err : new Error('authentication failed unexpectedly', { cause: err });
    if (user) return user;
    const expired = info instanceof Error && info.name === 'TokenExpiredError';
    throw new UnauthorizedProblem(expired ? 'The access token has expired; refresh it.' : 'A valid access token is required.');
  }
}

/**
 * Global: routes declaring @RequirePermissions(...) answer 403 to a caller lacking any of them;
 * routes declaring @RequireAnyPermission(...), to a caller holding none of them.
 */
@Injectable()
export class PermissionsGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const required = this.reflector.getAllAndOverride<Permission[] | undefined>(REQUIRED_PERMISSIONS, targets);
    const anyOf = this.reflector.getAllAndOverride<Permission[] | undefined>(REQUIRED_ANY_PERMISSION, targets);
    if (!required?.length && !anyOf?.length) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user) throw new UnauthorizedProblem();
    const missing = (required ?? []).filter((p) => !user.permissions.has(p));
    if (missing.length) throw new ForbiddenProblem(`This requires the permission ${missing.join(', ')}.`, { missingPermissions: missing });
    if (anyOf?.length && !anyOf.some((p) => user.permissions.has(p)))
      throw new ForbiddenProblem(`This requires one of the permissions ${anyOf.join(', ')}.`, { missingPermissions: anyOf, anyOf: true });
    return true;
  }
}
