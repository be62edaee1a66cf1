import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Article } from '../../articles/article.entity.js';
import { User } from '../../users/user.entity.js';

/**
 * A preview link handed out for a story's working copy. The token is signed (forgeries are refused
 * without a query); this row is what makes revocation work in every process: a token is honoured
 * only while its grant is neither revoked nor expired.
 */
@Entity('preview_grant')
export class PreviewGrant {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Index('idx_preview_grant_article') @Column({ type: 'uuid' }) articleId: string;
  @ManyToOne(() => Article, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'fk_preview_grant_article' })
  article?: Article;

  @Column({ type: 'uuid', nullable: true }) createdById: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'fk_preview_grant_created_by' })
  createdBy?: User | null;

  @Column({ type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
