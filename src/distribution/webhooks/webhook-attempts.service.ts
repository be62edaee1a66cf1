// One delivery attempt from start to record: sign, send, and write down what happened. A failure is
// given its next attempt by the retry schedule; an endpoint failing for WEBHOOK_DISABLE_AFTER_HOURS
// is switched off, with the reason stored and an audit entry.
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { RecordBatch } from './record-batch.js';
import { nextRetryDelay, succeeded } from './retry-schedule.js';
import { signedHeaders } from './signing.js';
import { WebhookSender, type SendResult } from './webhook-sender.js';
import { WebhooksRepository, type AttemptRecord, type ClaimedDelivery } from './webhooks.repository.js';

export interface AttemptOutcome {
  delivered: boolean;
  /** When failed and to be retried: in how many milliseconds. */
  retryInMs: number | null;
}

@Injectable()
export class WebhookAttempts implements OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly sender: WebhookSender;
  /** Successes of the last couple of milliseconds, recorded in one statement. */
  private readonly delivered: RecordBatch<{ claim: ClaimedDelivery; attempt: AttemptRecord }>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: WebhooksRepository,
    private readonly audit: AuditService,
  ) {
    const { allowPrivate, timeoutMs, concurrency } = config.webhooks;
    this.sender = new WebhookSender({ allowPrivate, timeoutMs, maxSockets: concurrency });
    this.delivered = new RecordBatch((items) => this.repository.recordDelivered(this.dataSource.manager, items), concurrency, 2);
  }

  /** After the worker has abandoned what was in flight (beforeApplicationShutdown): closes kept-open connections. */
  onApplicationShutdown(): void {
    this.sender.close();
  }

  /** How long a claim keeps other processes off a delivery: the request's limit and a margin. */
  get leaseMs(): number {
    return this.config.webhooks.timeoutMs + 30_000;
  }

  async attempt(claim: ClaimedDelivery, signal?: AbortSignal): Promise<AttemptOutcome> {
    const at = new Date();
    const headers = signedHeaders(claim, claim.id, at, claim.body);
    const result = await this.sender.send(claim.url, { ...headers }, claim.body, signal);
    const record: AttemptRecord = { at, status: result.status, latencyMs: result.latencyMs, error: result.error, excerpt: result.excerpt };
    if (succeeded(result)) {
      await this.delivered.add({ claim, attempt: record });
      return { delivered: true, retryInMs: null };
    }
    if (signal?.aborted) {
      // Cut short by shutdown, not the receiver's fault: another process (or the next start) sends it.
      await this.repository.releaseClaim(this.dataSource.manager, claim);
      return { delivered: false, retryInMs: null };
    }
    const retryInMs = nextRetryDelay(claim.attempts, result, { baseMs: this.config.webhooks.retryBaseMs, manual: claim.manual });
    await this.recordFailure(claim, record, result, retryInMs);
    return { delivered: false, retryInMs };
  }

  private async recordFailure(claim: ClaimedDelivery, record: AttemptRecord, result: SendResult, retryInMs: number | null): Promise<void> {
    const afterMs = this.config.webhooks.disableAfterMs;
    const reason = (since: Date) =>
      `Every delivery has failed since ${since.toISOString()} (over ${Math.round(afterMs / 3_600_000)} hours); the last: ${result.error ?? 'no answer'}. ` +
      'Fix the receiver, then enable the endpoint again with PATCH {"active": true}.';
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.repository.recordFailed(manager, claim, record, retryInMs))) return;
      const since = await this.repository.disableWhenFailingFor(manager, claim.endpointId, afterMs, reason);
      if (!since) return;
      this.logger.warn({ endpointId: claim.endpointId, failingSince: since }, 'a webhook endpoint failing for too long was disabled');
      await this.audit.record(
        {
          actor: null,
          action: 'webhook.disable',
          entity: 'webhook',
          entityId: claim.endpointId,
          summary: { reason: reason(since), failingSince: since.toISOString() },
        },
        manager,
      );
    });
  }
}
