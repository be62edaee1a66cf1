import {
  Check,
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Category } from '../categories/category.entity.js';
import { User } from '../users/user.entity.js';
import type { BodyBlock, Correction, FeaturedImage } from './revision-diff.js';
import type { ArticleStatus } from './workflow.js';

export interface ArticleSource {
  filename: string | null;
  contentHash: string;
}

export interface ReviewNote {
  note: string;
  authorId: string | null;
  at: string;
}

/**
 * A story. The editorial columns are the working copy and always mirror revision `currentRevision`;
 * what readers see is the pinned revision `publishedRevision`, materialised in `published_article`.
 */
@Entity('article')
@Check('chk_article_status', `"status" IN ('draft', 'in_review', 'scheduled', 'published', 'unpublished', 'archived')`)
// Written by hand in the migration: slugs are unique among stories that are not deleted.
@Index('uq_article_slug_live', { synchronize: false })
// Written by hand: the scheduler's "what is due" lookup touches only scheduled stories.
@Index('idx_article_due', { synchronize: false })
// Written by hand: the few stories under an embargo, whose photos stay private.
@Index('idx_article_embargoed', { synchronize: false })
@Index('idx_article_status_updated', ['status', 'updatedAt'])
@Index('idx_article_updated', ['updatedAt', 'id'])
export class Article {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'text' }) slug: string;

  @Column({ type: 'text', default: 'draft' }) status: ArticleStatus;

  /** Bumped by every write; clients send it back in If-Match. */
  @Column({ type: 'integer', default: 1 }) version: number;

  @Column({ type: 'text' }) headline: string;
  @Column({ type: 'text', nullable: true }) subheadline: string | null;
  @Column({ type: 'text', nullable: true }) dateline: string | null;
  @Column({ type: 'text' }) language: string;
  @Column({ type: 'jsonb', default: () => "'[]'" }) body: BodyBlock[];
  /** The editor's excerpt; null means "derive it from the body". */
  @Column({ type: 'text', nullable: true }) excerpt: string | null;
  @Column({ type: 'jsonb', nullable: true }) featuredImage: FeaturedImage | null;

  @Index('idx_article_category') @Column({ type: 'uuid', nullable: true }) categoryId: string | null;
  @ManyToOne(() => Category, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'fk_article_category' })
  category?: Category | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" }) tags: string[];
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) authorIds: string[];
  @Column({ type: 'text', nullable: true }) byline: string | null;

  /** SEO and social-card overrides; null derives them (headline, excerpt, reader URL, featured photo). */
  @Column({ type: 'text', nullable: true }) seoTitle: string | null;
  @Column({ type: 'text', nullable: true }) seoDescription: string | null;
  @Column({ type: 'text', nullable: true }) canonicalUrl: string | null;
  /** A photo's media id for social cards. */
  @Column({ type: 'uuid', nullable: true }) socialImage: string | null;
  /** Correction notices, oldest first; appended only (EditorialStore.appendCorrection). */
  @Column({ type: 'jsonb', default: () => "'[]'" }) corrections: Correction[];

  /** Number of the revision the working copy mirrors. */
  @Column({ type: 'integer', default: 1 }) currentRevision: number;
  /** Number of the revision readers see; null when nothing is live. */
  @Column({ type: 'integer', nullable: true }) publishedRevision: number | null;

  /** First publication; kept through unpublish and republish. */
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  /** When the live version last changed (each publish). */
  @Column({ type: 'timestamptz', nullable: true }) liveUpdatedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) scheduledAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) embargoUntil: Date | null;

  @Index('idx_article_created_by') @Column({ type: 'uuid', nullable: true }) createdById: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'fk_article_created_by' })
  createdBy?: User | null;

  /** Set by the importer: which file the story came from. */
  @Column({ type: 'jsonb', nullable: true }) source: ArticleSource | null;

  /** The last "request changes" note, shown to the writer until they resubmit. */
  @Column({ type: 'jsonb', nullable: true }) reviewNote: ReviewNote | null;

  @DeleteDateColumn({ type: 'timestamptz' }) deletedAt: Date | null;
  // Millisecond precision, as in JavaScript: the admin list's keyset cursor carries updatedAt.
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
