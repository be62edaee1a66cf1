// What the auth tables may forget, one batch at a time, for housekeeping to call under its lock:
// refresh tokens well past their expiry and failed-login counters whose window ended long ago.
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';

/**
 * Only rows past their expiry are deleted: a rotated token presented again must find its row to
 * revoke its family, and an expired token is refused anyway. The extra week keeps that reuse signal
 * (family revoked, audit entry) for a week after expiry; after the purge such a token is unknown: 401.
 */
export const REFRESH_TOKEN_RETENTION_SECONDS = 7 * 86_400;

/**
 * Counters are dead once LOGIN_WINDOW_SECONDS has passed (the next failure starts a new window); the
 * margin covers processes briefly running with a longer window during a configuration change.
 */
export const LOGIN_ATTEMPT_MARGIN_SECONDS = 3_600;

interface PurgeTarget {
  table: 'refresh_token' | 'login_attempt';
  key: 'id' | 'key';
  time: 'expires_at' | 'window_started_at';
}

@Injectable()
export class AuthRetention {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  // Both deletes pick a batch through the time index and delete it through the primary key (`= ANY(ARRAY(…))`;
  // `IN (…)` lets the planner hash-join over the whole table). They skip rows another transaction has
  // locked (a refresh of that very token, say): the purge never waits on a request.

  /** Deletes up to `limit` refresh tokens that expired more than a week ago, revoked or not. */
  purgeRefreshTokens(manager: EntityManager, limit: number): Promise<number> {
    return this.purgeBatch(manager, { table: 'refresh_token', key: 'id', time: 'expires_at' }, REFRESH_TOKEN_RETENTION_SECONDS, limit);
  }

  /** Deletes up to `limit` failed-login counters whose window ended over an hour ago. */
  purgeLoginAttempts(manager: EntityManager, limit: number): Promise<number> {
    const age = this.config.loginThrottle.windowSeconds + LOGIN_ATTEMPT_MARGIN_SECONDS;
    return this.purgeBatch(manager, { table: 'login_attempt', key: 'key', time: 'window_started_at' }, age, limit);
  }

  /** One batch: rows whose `time` is more than `olderThanSeconds` past. The identifiers are constants of this file. */
  private async purgeBatch(manager: EntityManager, target: PurgeTarget, olderThanSeconds: number, limit: number): Promise<number> {
    const { table, key, time } = target;
    const rows = await manager.query<Array<{ deleted: number }>>(
      `WITH purged AS (
         DELETE FROM ${table} WHERE ${key} = ANY(ARRAY(
           SELECT ${key} FROM ${table} WHERE ${time} < now() - make_interval(secs => $1) LIMIT $2 FOR UPDATE SKIP LOCKED))
         RETURNING 1)
       SELECT count(*)::int AS deleted FROM purged`,
      [olderThanSeconds, limit],
    );
    return rows[0].deleted;
  }
}
