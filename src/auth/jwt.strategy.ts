import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG } from '../config/config.module.js';
import type { ResolvedConfig } from '../config/config.js';
import type { Role } from '../users/role.entity.js';
import type { User } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';
import type { AuthUser } from '../access/auth-user.js';
import { EndedSessions } from './ended-sessions.service.js';
import { isPermission, type Permission } from '../access/permissions.js';

/** How far ahead of this server's clock a token may claim to have been issued. */
const CLOCK_SKEW_SECONDS = 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AccessTokenPayload {
  sub: string;
  /** The session (refresh-token family) the token belongs to: it stops working when that session ends. */
  sid: string;
  ver: number;
  typ: 'access';
}

/** What the signature vouches for; `iat` and `exp` are added by the signer. */
type SignedClaims = Partial<AccessTokenPayload> & { iat?: unknown; exp?: unknown };

/**
 * Verifies the bearer JWT (HS256 only: `alg: none` and every other algorithm are refused), refuses
 * tokens of ended sessions (from memory, kept current by notifications), then reloads the user on
 * every request so deactivation and role changes apply at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly maxLifetimeSeconds: number;

  constructor(
    @Inject(APP_CONFIG) config: ResolvedConfig,
    private readonly users: UsersRepository,
    private readonly endedSessions: EndedSessions,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object, not the string: given a string, the verifier first tries to read it as a PEM
      // public key on every request and builds (and throws away) an exception before falling back to
      // an HMAC secret, which cost more than the rest of the token check. The typings only know strings.
      secretOrKey: createSecretKey(Buffer.from(config.jwt.secret, 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
    this.maxLifetimeSeconds = config.jwt.accessTtlSeconds;
  }

  async validate(payload: SignedClaims): Promise<AuthUser | false> {
    if (!this.wellFormed(payload)) return false;
    if (await this.endedSessions.hasEnded(payload.sid)) return false;
    const user = await this.users.findCaller(payload.sub);
    if (!user || !user.active || user.tokenVersion !== payload.ver) return false;
    return toAuthUser(user);
  }

  /**
   * Every claim present and of its type. The verifier checks `exp` only when there is one, so a
   * token without it (or living longer than this server issues them) is refused here.
   */
  private wellFormed(payload: SignedClaims): payload is AccessTokenPayload & { iat: number; exp: number } {
    if (payload?.typ !== 'access' || typeof payload.ver !== 'number') return false;
    if (typeof payload.sub !== 'string' || !UUID.test(payload.sub) || typeof payload.sid !== 'string' || !UUID.test(payload.sid)) return false;
    const { iat, exp } = payload;
    if (typeof iat !== 'number' || typeof exp !== 'number') return false;
    return iat <= Date.now() / 1000 + CLOCK_SKEW_SECONDS && exp - iat <= this.maxLifetimeSeconds;
  }
}

export function toAuthUser(user: Pick<User, 'id' | 'email' | 'displayName'> & { roles?: Pick<Role, 'name' | 'permissions'>[] }): AuthUser {
  const permissions = new Set<Permission>();
  for (const role of user.roles ?? []) for (const p of role.permissions) if (isPermission(p)) permissions.add(p);
  return { id: user.id, email: user.email, displayName: user.displayName, roles: (user.roles ?? []).map((r) => r.name).sort(), permissions };
}
