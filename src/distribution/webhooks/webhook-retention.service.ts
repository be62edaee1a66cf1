// How long the delivery log keeps entries; housekeeping calls purgeBatch (this module owns the table).
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WebhooksRepository } from './webhooks.repository.js';

/** Delivered entries are kept 30 days. */
export const DELIVERED_RETENTION_DAYS = 30;
/** Failed ones three months, for the inquest. Pending ones stay until delivered or given up. */
export const FAILED_RETENTION_DAYS = 90;

@Injectable()
export class WebhookRetention {
  constructor(private readonly repository: WebhooksRepository) {}

  /** Deletes up to `limit` log entries past retention in `manager`'s transaction; returns how many. */
  purgeBatch(manager: EntityManager, limit: number): Promise<number> {
    return this.repository.purgeBatch(manager, DELIVERED_RETENTION_DAYS, FAILED_RETENTION_DAYS, limit);
  }
}
