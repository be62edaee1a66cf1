import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: rows are inserted, never updated or deleted by the application. */
@Entity('audit_entry')
@Index('idx_audit_entity', ['entity', 'entityId'])
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;

  @Index('idx_audit_at') @CreateDateColumn({ type: 'timestamptz' }) at: Date;

  @Column({ type: 'uuid', nullable: true }) actorId: string | null;

  @Column({ type: 'text', nullable: true }) actorEmail: string | null;

  /** e.g. `auth.login`, `auth.login_failed`, `article.publish`, `media.delete`. */
  @Column({ type: 'text' }) action: string;

  @Column({ type: 'text' }) entity: string;

  @Column({ type: 'text', nullable: true }) entityId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" }) summary: Record<string, unknown>;

  @Column({ type: 'text', nullable: true }) requestId: string | null;

  @Column({ type: 'text', nullable: true }) ip: string | null;
}
