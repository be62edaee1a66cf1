import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity.js';

/**
 * An opaque refresh token, stored only as its SHA-256. Rotation links tokens of one login into a
 * family: the session. A token revoked without a replacement ended its session (src/auth/session.repository.ts).
 */
@Entity('refresh_token')
// Partial index on revoked_at of session-ending rows (migration SessionEnds): sessions ended recently.
@Index('idx_refresh_token_session_end', { synchronize: false })
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Index('idx_refresh_token_user') @Column({ type: 'uuid' }) userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_refresh_token_user' })
  user?: User;

  @Index('idx_refresh_token_family') @Column({ type: 'uuid' }) familyId: string;

  @Column({ type: 'text', unique: true }) tokenHash: string;

  /** Housekeeping purges by this index (src/housekeeping). */
  @Index('idx_refresh_token_expires') @Column({ type: 'timestamptz' }) expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true }) replacedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
