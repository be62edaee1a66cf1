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
  async purgeExpiredRefreshTokens(manager: EntityManager, expiredForSeconds: number, limit: number): Promise<number> {
    const rows = await manager.query<DeletedRow[]>(
      `WITH purged AS (
         DELETE FROM refresh_token WHERE id = ANY(ARRAY(
           SELECT id FROM refresh_token WHERE expires_at < now() - make_interval(secs => $1) LIMIT $2 FOR UPDATE SKIP LOCKED))
         RETURNING 1)
       SELECT count(*)::int AS deleted FROM purged`,
      [expiredForSeconds, limit],
    );
    return rows[0].deleted;
  }

  /** Deletes up to `limit` failed-login counters whose window started more than `olderThanSeconds` ago. */
  async purgeEndedLoginAttempts(manager: EntityManager, olderThanSeconds: number, limit: number): Promise<number> {
    const rows = await manager.query<DeletedRow[]>(
      `WITH purged AS (
         DELETE FROM login_attempt WHERE key = ANY(ARRAY(
           SELECT key FROM login_attempt WHERE window_started_at < now() - make_interval(secs => $1) LIMIT $2 FOR UPDATE SKIP LOCKED))
         RETURNING 1)
       SELECT count(*)::int AS deleted FROM purged`,
      [olderThanSeconds, limit],
    );
    return rows[0].deleted;
  }
}
