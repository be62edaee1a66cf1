// Deletes what can no longer matter, so it stops growing: refresh tokens well past their expiry,
// failed-login counters whose window ended long ago, webhook deliveries past their retention (the
// webhooks module says how long), and media files no asset refers to (left by a crash between a file
// write and its commit). Every process runs the timer; PostgreSQL advisory
// locks let one of them do each job at a time. Each row batch is its own short transaction, so a
// large backlog never keeps rows locked while logins and refreshes wait.
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { PeriodicTask } from '../common/periodic-task.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { AuthRetention } from '../auth/auth-retention.service.js';
import { WebhookRetention } from '../distribution/webhooks/webhook-retention.service.js';
import { MediaOrphanSweeper } from '../media/media-orphans.service.js';
import { HousekeepingRepository, MEDIA_SWEEP_LOCK } from './housekeeping.repository.js';

/** Rows per DELETE statement (and per transaction). */
export const PURGE_BATCH_SIZE = 1000;

const FIRST_SWEEP_DELAY_MS = 5 * 60 * 1000;
/** Walking the media store lists every file (one request per 1,000 on S3): once a day is plenty. */
const MEDIA_SWEEP_EVERY_MS = 24 * 60 * 60 * 1000;

export interface SweepCounts {
  refreshTokens: number;
  loginAttempts: number;
  webhookDeliveries: number;
  mediaFiles: number;
}

type PurgeBatch = (manager: EntityManager) => Promise<number>;

@Injectable()
export class HousekeepingService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Housekeeping');
  private readonly task: PeriodicTask;
  /** When this process last walked the media store (0: not yet). */
  private mediaSweptAt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: HousekeepingRepository,
    private readonly mediaOrphans: MediaOrphanSweeper,
    private readonly authRetention: AuthRetention,
    private readonly webhookRetention: WebhookRetention,
  ) {
    this.task = new PeriodicTask(() => this.run(), config.housekeepingIntervalMs);
  }

  /**
   * The first sweep comes a few minutes after start (or one interval, if shorter): nothing here is
   * urgent, but a process restarted more often than the interval (deploys) should still sweep.
   */
  onApplicationBootstrap(): void {
    this.task.start(Math.min(FIRST_SWEEP_DELAY_MS, this.config.housekeepingIntervalMs));
  }

  /** Before the connection pool closes, so an in-flight batch can commit. */
  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /**
   * Purges in batches until a batch comes back short, then (unless `media: false`) sweeps orphaned
   * media files; the timer asks for the media sweep once a day. Returns how many this process deleted;
   * when another process holds the lock, it stops there and leaves the rest to that one, which is
   * sweeping and carries on to the end.
   */
  async sweep(options: { media?: boolean } = {}): Promise<SweepCounts> {
    const counts: SweepCounts = { refreshTokens: 0, loginAttempts: 0, webhookDeliveries: 0, mediaFiles: 0 };
    const purges: Array<[Exclude<keyof SweepCounts, 'mediaFiles'>, PurgeBatch]> = [
      ['refreshTokens', (m) => this.authRetention.purgeRefreshTokens(m, PURGE_BATCH_SIZE)],
      ['loginAttempts', (m) => this.authRetention.purgeLoginAttempts(m, PURGE_BATCH_SIZE)],
      ['webhookDeliveries', (m) => this.webhookRetention.purgeBatch(m, PURGE_BATCH_SIZE)],
    ];
    try {
      rows: for (const [kind, purgeBatch] of purges) {
        for (;;) {
          if (this.task.stopping) return counts;
          const deleted = await this.underLock(purgeBatch);
          if (deleted === null) break rows;
          counts[kind] += deleted;
          if (deleted < PURGE_BATCH_SIZE) break;
        }
      }
      if (options.media !== false && !this.task.stopping) counts.mediaFiles = await this.sweepMediaFiles();
      return counts;
    } finally {
      if (counts.refreshTokens + counts.loginAttempts + counts.webhookDeliveries + counts.mediaFiles > 0)
        this.logger.log(counts, 'housekeeping purged');
    }
  }

  /**
   * One process at a time walks the media store (its lock is held in a transaction that only holds
   * the lock; the sweep's own queries run on other connections). 0 when another process is at it.
   */
  private sweepMediaFiles(): Promise<number> {
    return this.dataSource.transaction(async (manager) =>
      (await this.repository.tryLock(manager, MEDIA_SWEEP_LOCK)) ? (await this.mediaOrphans.sweep()).deleted : 0,
    );
  }

  /** One batch in its own transaction holding the lock; null when another process holds it. */
  private underLock(purgeBatch: PurgeBatch): Promise<number | null> {
    return this.dataSource.transaction(async (manager) => ((await this.repository.tryLock(manager)) ? purgeBatch(manager) : null));
  }

  private async run(): Promise<void> {
    try {
      const media = Date.now() - this.mediaSweptAt >= MEDIA_SWEEP_EVERY_MS;
      await this.sweep({ media });
      if (media) this.mediaSweptAt = Date.now();
    } catch (error) {
      // The database may be briefly away; the next sweep tries again and the rows keep until then.
      this.logger.error({ err: error }, 'housekeeping failed');
    }
  }
}
