import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { ResolvedConfig } from '../config/config.js';
import { User } from '../users/user.entity.js';
import type { AuthUser } from '../access/auth-user.js';
import { isPermission, type Permission } from '../access/permissions.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AccessTokenPayload {
  sub: string;
  ver: number;
  typ: 'access';
}

/**
 * Verifies the bearer JWT (HS256 only: `alg: none` and every other algorithm are refused), then
 * reloads the user on every request so deactivation and role changes apply at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: ResolvedConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwt.secret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<AuthUser | false> {
    if (payload?.typ !== 'access' || typeof payload.sub !== 'string' || !UUID.test(payload.sub) || typeof payload.ver !== 'number') return false;
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: payload.sub }, relations: { roles: true } });
    if (!user || !user.active || user.tokenVersion !== payload.ver) return false;
    return toAuthUser(user);
  }
}

export function toAuthUser(user: User): AuthUser {
  const permissions = new Set<Permission>();
  for (const role of user.roles ?? []) for (const p of role.permissions) if (isPermission(p)) permissions.add(p);
  return { id: user.id, email: user.email, displayName: user.displayName, roles: (user.roles ?? []).map((r) => r.name).sort(), permissions };
}
