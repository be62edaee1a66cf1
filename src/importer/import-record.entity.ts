import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Article } from '../articles/article.entity.js';
import { User } from '../users/user.entity.js';

/**
 * One imported page, keyed by its content hash: the primary key is what makes importing a page
 * twice (even by two processes at once) create its stories only once.
 */
@Entity('import_record')
export class ImportRecord {
  /** sha256 (hex) of the page text after decoding and line-ending normalisation. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_import_record' }) contentHash: string;

  @Column({ type: 'text', nullable: true }) filename: string | null;

  /** The page's story; null until the import transaction has created it (or after it was purged). */
  @Index('idx_import_record_article') @Column({ type: 'uuid', nullable: true }) articleId: string | null;
  @ManyToOne(() => Article, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'fk_import_record_article' })
  article?: Article | null;

  /** Draft stories made from the page's teasers. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) teaserArticleIds: string[];

  @CreateDateColumn({ type: 'timestamptz' }) importedAt: Date;

  /** Who imported it; null for the seed and the command line. */
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'fk_import_record_actor' })
  actor?: User | null;
}
