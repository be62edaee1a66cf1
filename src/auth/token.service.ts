import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { User } from '../users/user.entity.js';
import { EndedSessions } from './ended-sessions.service.js';
import type { AccessTokenPayload } from './jwt.strategy.js';
import { hashRefreshToken, newRefreshToken } from './refresh-token.js';
import { RefreshToken } from './refresh-token.entity.js';
import { SessionRepository } from './session.repository.js';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export type RotationOutcome = { ok: true; user: User; tokens: IssuedTokens } | { ok: false };

/**
 * Access tokens (short-lived JWTs naming their session) and refresh tokens (opaque, rotated,
 * revocable by family). A session is a refresh-token family: ending it ends its access tokens too.
 */
@Injectable()
export class TokenService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly sessions: SessionRepository,
    private readonly endedSessions: EndedSessions,
  ) {}

  /** A new session: an access token and the first refresh token of a new family. */
  async issue(user: User, manager: EntityManager): Promise<IssuedTokens> {
    const refresh = await this.createRefreshToken(user.id, null, manager);
    return { accessToken: await this.signAccess(user, refresh.familyId), refreshToken: refresh.token, expiresIn: this.config.jwt.accessTtlSeconds };
  }

  /**
   * Swaps a refresh token for a new pair. The presented token is locked, so two concurrent refreshes
   * with it cannot both succeed. Presenting a token that was already rotated or revoked means it was
   * copied: its whole family is revoked (the thief's and the owner's sessions end).
   */
  async rotate(presented: string): Promise<RotationOutcome> {
    let ended: string[] = [];
    const outcome = await this.dataSource.transaction(async (manager): Promise<RotationOutcome> => {
      const repo = manager.getRepository(RefreshToken);
      const current = await repo.findOne({ where: { tokenHash: hashRefreshToken(presented) }, lock: { mode: 'pessimistic_write' } });
      if (!current) return { ok: false };
      if (current.revokedAt) {
        ended = await this.revokeFamily(current, manager);
        return { ok: false };
      }
      if (current.expiresAt.getTime() <= Date.now()) return { ok: false };
      const user = await manager.getRepository(User).findOne({ where: { id: current.userId }, relations: { roles: true } });
      if (!user?.active) {
        ended = await this.sessions.endFamily(manager, current.familyId);
        return { ok: false };
      }
      const next = await this.createRefreshToken(user.id, current.familyId, manager);
      await repo.update({ id: current.id }, { revokedAt: new Date(), replacedById: next.id });
      return {
        ok: true,
        user,
        tokens: { accessToken: await this.signAccess(user, current.familyId), refreshToken: next.token, expiresIn: this.config.jwt.accessTtlSeconds },
      };
    });
    this.endedSessions.remember(ended);
    return outcome;
  }

  /** Ends the session of a live refresh token (logout); returns its owner's id when it was live. */
  async revoke(presented: string): Promise<string | null> {
    const token = await this.dataSource.getRepository(RefreshToken).findOne({ where: { tokenHash: hashRefreshToken(presented) } });
    if (!token || token.revokedAt) return null;
    const ended = await this.sessions.endFamily(this.dataSource.manager, token.familyId);
    this.endedSessions.remember(ended);
    return ended.length ? token.userId : null;
  }

  /** Ends every session of a user (deactivation, role change, password change or reset). */
  async revokeAllForUser(userId: string, manager: EntityManager): Promise<void> {
    await this.sessions.endAllForUser(manager, userId);
  }

  private signAccess(user: User, sessionId: string): Promise<string> {
    const payload: AccessTokenPayload = { sub: user.id, sid: sessionId, ver: user.tokenVersion, typ: 'access' };
    return this.jwt.signAsync(payload);
  }

  private async createRefreshToken(
    userId: string,
    familyId: string | null,
    manager: EntityManager,
  ): Promise<{ id: string; familyId: string; token: string }> {
    const token = newRefreshToken();
    const row = await manager.getRepository(RefreshToken).save({
      userId,
      familyId: familyId ?? randomUUID(),
      tokenHash: hashRefreshToken(token),
      expiresAt: new Date(Date.now() + this.config.jwt.refreshTtlSeconds * 1000),
      revokedAt: null,
      replacedById: null,
    });
    return { id: row.id, familyId: row.familyId, token };
  }

  private async revokeFamily(reused: RefreshToken, manager: EntityManager): Promise<string[]> {
    const ended = await this.sessions.endFamily(manager, reused.familyId);
    await this.audit.record(
      {
        actor: null,
        action: 'auth.refresh_reuse',
        entity: 'user',
        entityId: reused.userId,
        summary: { familyId: reused.familyId, tokenId: reused.id },
      },
      manager,
    );
    return ended;
  }
}
