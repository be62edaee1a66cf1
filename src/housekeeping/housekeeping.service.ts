// Deletes auth rows that can no longer matter, so their tables stop growing: refresh tokens well past
// their expiry and failed-login counters whose window ended long ago. Every process runs the timer;
// a PostgreSQL advisory lock lets one of them purge at a time. Each batch is its own short
// transaction, so a large backlog never keeps rows locked while logins and refreshes wait.
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { HousekeepingRepository } from './housekeeping.repository.js';

/** Rows per DELETE statement (and per transaction). */
export const PURGE_BATCH_SIZE = 1000;

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

export interface SweepCounts {
  refreshTokens: number;
  loginAttempts: number;
}

type PurgeBatch = (manager: EntityManager) => Promise<number>;

@Injectable()
export class HousekeepingService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Housekeeping');
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: HousekeepingRepository,
  ) {}

  /** The first sweep comes one interval after start: nothing here is urgent. */
  onApplicationBootstrap(): void {
    this.next();
  }

  /** Before the connection pool closes, so an in-flight batch can commit. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.inFlight;
  }

  /**
   * Purges in batches until a batch comes back short. Returns how many rows this process deleted;
   * when another process holds the lock, it stops there and leaves the rest to that one, which is
   * sweeping and carries on to the end.
   */
  async sweep(): Promise<SweepCounts> {
    const counts: SweepCounts = { refreshTokens: 0, loginAttempts: 0 };
    const loginAttemptAge = this.config.loginThrottle.windowSeconds + LOGIN_ATTEMPT_MARGIN_SECONDS;
    const purges: Array<[keyof SweepCounts, PurgeBatch]> = [
      ['refreshTokens', (m) => this.repository.purgeExpiredRefreshTokens(m, REFRESH_TOKEN_RETENTION_SECONDS, PURGE_BATCH_SIZE)],
      ['loginAttempts', (m) => this.repository.purgeEndedLoginAttempts(m, loginAttemptAge, PURGE_BATCH_SIZE)],
    ];
    try {
      for (const [kind, purgeBatch] of purges) {
        for (;;) {
          if (this.stopped) return counts;
          const deleted = await this.underLock(purgeBatch);
          if (deleted === null) return counts;
          counts[kind] += deleted;
          if (deleted < PURGE_BATCH_SIZE) break;
        }
      }
      return counts;
    } finally {
      if (counts.refreshTokens + counts.loginAttempts > 0) this.logger.log(counts, 'purged expired refresh tokens and login counters');
    }
  }

  /** One batch in its own transaction holding the lock; null when another process holds it. */
  private underLock(purgeBatch: PurgeBatch): Promise<number | null> {
    return this.dataSource.transaction(async (manager) => ((await this.repository.tryLock(manager)) ? purgeBatch(manager) : null));
  }

  private next(): void {
    this.timer = setTimeout(() => {
      this.inFlight = this.run().finally(() => {
        this.inFlight = null;
        if (!this.stopped) this.next();
      });
    }, this.config.housekeepingIntervalMs);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    try {
      await this.sweep();
    } catch (error) {
      // The database may be briefly away; the next sweep tries again and the rows keep until then.
      this.logger.error({ err: error }, 'housekeeping failed');
    }
  }
}
