import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * One event for one endpoint: the outbox row (written in the transaction that made the change) and
 * afterwards its delivery log entry. Its id is the `webhook-id` of every attempt, so receivers can
 * deduplicate; `body` is kept byte for byte, so every attempt sends and signs the same payload.
 */
@Entity('webhook_delivery')
@Check('chk_webhook_delivery_status', `"status" IN ('pending', 'delivered', 'failed')`)
// Written by hand in the migration (partial): the workers' "what is due" lookup touches pending rows only.
@Index('idx_webhook_delivery_due', { synchronize: false })
// An endpoint's log, newest first, keyset-paged by (created_at, id).
@Index('idx_webhook_delivery_endpoint_log', ['endpointId', 'createdAt', 'id'])
// Housekeeping's purge of old log entries.
@Index('idx_webhook_delivery_created', ['createdAt'])
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_webhook_delivery' }) id: string;

  @Column({ type: 'uuid' }) endpointId: string;
  @ManyToOne(() => WebhookEndpoint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id', foreignKeyConstraintName: 'fk_webhook_delivery_endpoint' })
  endpoint?: WebhookEndpoint;

  @Column({ type: 'text' }) eventType: string;
  /** The JSON payload exactly as sent. */
  @Column({ type: 'text' }) body: string;

  @Column({ type: 'text', default: 'pending' }) status: DeliveryStatus;
  /** Attempts made (or under way); also the fencing token of the current claim. */
  @Column({ type: 'integer', default: 0 }) attempts: number;
  /** When the next attempt is due; null once delivered or given up. */
  @Column({ type: 'timestamptz', nullable: true }) nextAttemptAt: Date | null;
  /** A worker's lease on an attempt in flight: another may take the row only after this. */
  @Column({ type: 'timestamptz', nullable: true }) lockedUntil: Date | null;
  /** Redelivered by hand: one attempt, no automatic retries after it. */
  @Column({ type: 'boolean', default: false }) manual: boolean;

  @Column({ type: 'timestamptz', nullable: true }) lastAttemptAt: Date | null;
  /** HTTP status of the last answer; null when there was none (timeout, refused, network). */
  @Column({ type: 'integer', nullable: true }) responseStatus: number | null;
  @Column({ type: 'integer', nullable: true }) latencyMs: number | null;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
  /** The start of the last answer's body, for the log. */
  @Column({ type: 'text', nullable: true }) responseExcerpt: string | null;

  // Millisecond precision, as in JavaScript: the log's keyset cursor carries createdAt.
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) deliveredAt: Date | null;
}
