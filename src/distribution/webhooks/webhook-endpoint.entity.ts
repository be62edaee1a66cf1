import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A receiver that administrators registered: where to POST which events, and the secret that signs
 * them. The secret is kept as issued (it must sign every delivery, so it cannot be hashed); it is
 * shown once, when created or rotated, and never again.
 */
@Entity('webhook_endpoint')
@Check('chk_webhook_endpoint_events', `cardinality("events") > 0`)
export class WebhookEndpoint {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_webhook_endpoint' }) id: string;

  @Column({ type: 'text' }) url: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  /** The webhook event types it receives (see webhook-events.ts). */
  @Column({ type: 'text', array: true }) events: string[];
  /** False: nothing new is queued for it and what is queued waits (disabled by hand or after failing for days). */
  @Column({ type: 'boolean', default: true }) active: boolean;

  /** `whsec_` + base64 of 32 random bytes (Standard Webhooks). */
  @Column({ type: 'text' }) secret: string;
  /** After a rotation, the old secret also signs until `previousSecretExpiresAt`, so receivers can switch. */
  @Column({ type: 'text', nullable: true }) previousSecret: string | null;
  @Column({ type: 'timestamptz', nullable: true }) previousSecretExpiresAt: Date | null;

  /** First failure since the last success; null while deliveries succeed. */
  @Column({ type: 'timestamptz', nullable: true }) failingSince: Date | null;
  /** Why it was switched off automatically; cleared when an administrator enables it again. */
  @Column({ type: 'text', nullable: true }) disabledReason: string | null;
  @Column({ type: 'timestamptz', nullable: true }) disabledAt: Date | null;

  /** Bumped by every change; the ETag. */
  @Column({ type: 'integer', default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
