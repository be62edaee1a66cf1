import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Article } from './article.entity.js';
import type { EditorialSnapshot } from './revision-diff.js';

export const REVISION_REASONS = ['create', 'save', 'submit', 'publish', 'restore', 'import', 'correction'] as const;
export type RevisionReason = (typeof REVISION_REASONS)[number];

/** Immutable: inserted once, never updated. Restoring makes a new revision; history is never rewritten. */
@Entity('article_revision')
@Unique('uq_article_revision_number', ['articleId', 'number'])
@Check('chk_article_revision_reason', `"reason" IN ('create', 'save', 'submit', 'publish', 'restore', 'import', 'correction')`)
export class ArticleRevision {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'uuid' }) articleId: string;
  @ManyToOne(() => Article, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'fk_article_revision_article' })
  article?: Article;

  /** 1, 2, 3, … per article. */
  @Column({ type: 'integer' }) number: number;

  @Column({ type: 'jsonb' }) snapshot: EditorialSnapshot;

  @Column({ type: 'text' }) reason: RevisionReason;

  @Column({ type: 'text', nullable: true }) note: string | null;

  /** Who made it; null for the system (scheduled publishing). */
  @Column({ type: 'uuid', nullable: true }) authorId: string | null;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
