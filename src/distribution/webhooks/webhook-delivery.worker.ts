// Delivers the outbox. Every process runs a worker; each claims due rows with FOR UPDATE SKIP LOCKED
// and a lease (see WebhooksRepository.claimDue), so any number of processes deliver each row once,
// and none holds a lock while waiting on a receiver. It is woken
//   - at once, after a commit in this process that queued deliveries (WebhookOutbox),
//   - by a PostgreSQL NOTIFY sent with the rows, so the other processes wake too,
//   - at the next retry it knows of, and
//   - by a poll every WEBHOOK_POLL_INTERVAL_MS, the safety net for everything else (a lost
//     notification, a lease that ran out because a process died).
// Nothing lives only in memory: a row is pending until a record says otherwise.
//
// Why not pg-boss: the outbox row must be written by the editorial transaction's own EntityManager,
// the table doubles as the delivery log the admin API pages through, endpoints are paused and resumed
// as a whole, and a claim needs the endpoint's URL and secret in the same statement. A queue table
// of our own does all of that in one statement per claim; pg-boss would add a second copy of each job.
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PeriodicTask } from '../../common/periodic-task.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { NotificationListener } from './notification-listener.js';
import { WebhookAttempts } from './webhook-attempts.service.js';
import { WEBHOOK_CHANNEL, WebhooksRepository, type ClaimedDelivery } from './webhooks.repository.js';

@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly poll: PeriodicTask;
  private readonly listener: NotificationListener;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private pumping = false;
  /** Woken while pumping: look again once the current round ends. */
  private again = false;
  /** The last claim filled every free slot: more may be due as soon as one frees. */
  private backlog = false;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private started = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig & { databaseUrl: string },
    private readonly repository: WebhooksRepository,
    private readonly attempts: WebhookAttempts,
  ) {
    this.poll = new PeriodicTask(() => this.pump(), config.webhooks.pollIntervalMs);
    this.listener = new NotificationListener(config.databaseUrl, WEBHOOK_CHANNEL, () => this.wake());
  }

  async onApplicationBootstrap(): Promise<void> {
    this.started = true;
    await this.listener.start();
    this.poll.start(0);
  }

  /** Before the pool closes: in-flight requests are abandoned (the rows stay pending) and recorded. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.abort.abort();
    await Promise.all([this.listener.stop(), this.poll.stop(), ...this.inFlight]);
  }

  /** Looks for due deliveries now. */
  wake(): void {
    if (this.started) void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.again = false;
        await this.claimWhileFree();
      } while (this.again && !this.stopped);
      if (!this.backlog) await this.armTimer();
    } catch (error) {
      // The database may be briefly away: the poll tries again.
      this.logger.error({ err: error }, 'claiming webhook deliveries failed');
    } finally {
      this.pumping = false;
    }
  }

  private async claimWhileFree(): Promise<void> {
    const { concurrency } = this.config.webhooks;
    while (!this.stopped && this.inFlight.size < concurrency) {
      const free = concurrency - this.inFlight.size;
      const claims = await this.repository.claimDue(this.dataSource.manager, free, this.attempts.leaseMs);
      for (const claim of claims) this.track(claim);
      this.backlog = claims.length === free;
      if (!this.backlog) return;
    }
  }

  private track(claim: ClaimedDelivery): void {
    const delivery = this.deliver(claim).finally(() => {
      this.inFlight.delete(delivery);
      // With more due, claim again once half the slots are free: several rows a statement, not one.
      if (this.backlog && this.inFlight.size <= this.config.webhooks.concurrency / 2) this.wake();
    });
    this.inFlight.add(delivery);
  }

  private async deliver(claim: ClaimedDelivery): Promise<void> {
    try {
      const outcome = await this.attempts.attempt(claim, this.abort.signal);
      if (outcome.retryInMs !== null) this.wakeAt(Date.now() + outcome.retryInMs);
    } catch (error) {
      // Not recorded: the lease runs out and the row is claimed again.
      this.logger.error({ err: error, deliveryId: claim.id }, 'a webhook delivery could not be recorded');
    }
  }

  /** Sets the wake-up timer for the next pending delivery the database knows of, if before the next poll. */
  private async armTimer(): Promise<void> {
    const next = await this.repository.nextDueAt(this.dataSource.manager);
    if (next) this.wakeAt(next.getTime());
  }

  private wakeAt(at: number): void {
    if (this.stopped || at >= this.timerAt || at - Date.now() > this.config.webhooks.pollIntervalMs) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.timerAt = Infinity;
        this.wake();
      },
      Math.max(0, at - Date.now()),
    );
    this.timer.unref();
  }
}
