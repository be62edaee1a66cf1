// The SQL of housekeeping: batched deletes of auth rows that nothing can use any more.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

// Any fixed number works, as long as every Masthead process uses the same (migrate.ts uses 7_264_201).
export const HOUSEKEEPING_LOCK = 7_264_202;
/** Held for a whole media sweep, which works on files rather than rows. */
export const MEDIA_SWEEP_LOCK = 7_264_203;

interface DeletedRow {
  deleted: number;
}

interface PurgeTarget {
  table: 'refresh_token' | 'login_attempt';
  key: 'id' | 'key';
  time: 'expires_at' | 'window_started_at';
}

@Injectable()
export class HousekeepingRepository {
  /** Takes the housekeeping lock for the rest of `manager`'s transaction; false when another session holds it. */
  async tryLock(manager: EntityManager, lock = HOUSEKEEPING_LOCK): Promise<boolean> {
    const rows = await manager.query<Array<{ locked: boolean }>>('SELECT pg_try_advisory_xact_lock($1) AS locked', [lock]);
    return rows[0].locked;
  }

  // Both deletes pick a batch through the time index and delete it through the primary key (`= ANY(ARRAY(…))`;
  // `IN (…)` lets the planner hash-join over the whole table). They skip rows another transaction has
  // locked (a refresh of that very token, say): the purge never waits on a request.

  /** Deletes up to `limit` refresh tokens that expired more than `expiredForSeconds` ago, revoked or not. */
  purgeExpiredRefreshTokens(manager: EntityManager, expiredForSeconds: number, limit: number): Promise<number> {
    return this.purgeBatch(manager, { table: 'refresh_token', key: 'id', time: 'expires_at' }, expiredForSeconds, limit);
  }

  /** Deletes up to `limit` failed-login counters whose window started more than `olderThanSeconds` ago. */
  purgeEndedLoginAttempts(manager: EntityManager, olderThanSeconds: number, limit: number): Promise<number> {
    return this.purgeBatch(manager, { table: 'login_attempt', key: 'key', time: 'window_started_at' }, olderThanSeconds, limit);
  }

  /** One batch: rows whose `time` is more than `olderThanSeconds` past. The identifiers are constants of this file. */
  private async purgeBatch(manager: EntityManager, target: PurgeTarget, olderThanSeconds: number, limit: number): Promise<number> {
    const { table, key, time } = target;
    const rows = await manager.query<DeletedRow[]>(
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
