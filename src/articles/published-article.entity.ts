import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { Article } from './article.entity.js';
import type { ResolvedBlock, ResolvedPhoto } from './photos.js';
import type { Correction } from './revision-diff.js';
import { Category } from '../categories/category.entity.js';

export interface PublishedAuthor {
  id: string;
  displayName: string;
}

/**
 * The reader's view of every live story: the pinned revision with photo captions and credits
 * already resolved, written in the publish transaction and removed on unpublish, archive or delete.
 * The content API reads only this table, so a list or a story is one indexed query.
 */
@Entity('published_article')
// Written by hand in the migration (DESC keys and GIN, which TypeORM cannot declare):
@Index('idx_published_article_recent', { synchronize: false })
@Index('idx_published_article_category_recent', { synchronize: false })
@Index('idx_published_article_tags', { synchronize: false })
export class PublishedArticle {
  @PrimaryColumn({ type: 'uuid' }) articleId: string;
  @OneToOne(() => Article, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'fk_published_article_article' })
  article?: Article;

  @Index('uq_published_article_slug', { unique: true }) @Column({ type: 'text' }) slug: string;
  @Column({ type: 'text' }) headline: string;
  @Column({ type: 'text', nullable: true }) subheadline: string | null;
  @Column({ type: 'text', nullable: true }) dateline: string | null;
  @Column({ type: 'text' }) language: string;
  @Column({ type: 'jsonb' }) body: ResolvedBlock[];
  @Column({ type: 'text', nullable: true }) excerpt: string | null;
  @Column({ type: 'jsonb', nullable: true }) featuredImage: ResolvedPhoto | null;

  @Column({ type: 'uuid', nullable: true }) categoryId: string | null;
  @ManyToOne(() => Category, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'fk_published_article_category' })
  category?: Category | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" }) tags: string[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) authors: PublishedAuthor[];
  @Column({ type: 'text', nullable: true }) byline: string | null;
  /** The editor's overrides as pinned (null: derived when read, since defaults follow configuration). */
  @Column({ type: 'text', nullable: true }) seoTitle: string | null;
  @Column({ type: 'text', nullable: true }) seoDescription: string | null;
  @Column({ type: 'text', nullable: true }) canonicalUrl: string | null;
  @Column({ type: 'jsonb', nullable: true }) socialImage: ResolvedPhoto | null;
  /** Always the story's full list, whichever revision is pinned: corrections are public at once. */
  @Column({ type: 'jsonb', default: () => "'[]'" }) corrections: Correction[];

  // Millisecond precision, as in JavaScript: the keyset cursor carries publishedAt.
  /** First publication of the story. */
  @Column({ type: 'timestamptz', precision: 3 }) publishedAt: Date;
  /** Last change of what readers see (republish, a photo's words): drives ETag and updatedAt. */
  @Column({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
