// Housekeeping's own SQL: the advisory locks that let one process at a time do each job. What is
// purged belongs to the modules that own the rows (AuthRetention, WebhookRetention, MediaOrphanSweeper).
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ADVISORY_LOCKS } from '../database/advisory-locks.js';

export const HOUSEKEEPING_LOCK = ADVISORY_LOCKS.housekeeping;
/** Held for a whole media sweep, which works on files rather than rows. */
export const MEDIA_SWEEP_LOCK = ADVISORY_LOCKS.mediaSweep;

@Injectable()
export class HousekeepingRepository {
  /** Takes the housekeeping lock for the rest of `manager`'s transaction; false when another session holds it. */
  async tryLock(manager: EntityManager, lock: number = HOUSEKEEPING_LOCK): Promise<boolean> {
    const rows = await manager.query<Array<{ locked: boolean }>>('SELECT pg_try_advisory_xact_lock($1) AS locked', [lock]);
    return rows[0].locked;
  }
}
