import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** `public`: the published snapshot, what readers search. `admin`: the working copy, what editors search. */
export type SearchScope = 'admin' | 'public';

/**
 * One story's searchable text in one scope, segmented in Node (PostgreSQL cannot segment Chinese)
 * and stored as a weighted tsvector. Written in the same transaction as the text it indexes.
 *
 * Status, section and ownership are deliberately not copied here: workflow moves, section moves and
 * soft deletes change them without touching the text, so queries read them from `article` and
 * `published_article`, which are always current.
 */
@Entity('search_document')
@Check('chk_search_document_scope', `"scope" IN ('admin', 'public')`)
// Written by hand in the migration (GIN, partial: TypeORM cannot declare them). One token index per
// scope, so a reader's search never wades through working copies. No btree on sort_at on purpose:
// given one, the planner walks it newest-first and unpacks every tsvector it passes.
@Index('idx_search_document_public_tsv', { synchronize: false })
@Index('idx_search_document_admin_tsv', { synchronize: false })
@Index('idx_search_document_headline_trgm', { synchronize: false })
export class SearchDocument {
  @PrimaryColumn({ type: 'uuid' }) articleId: string;
  @PrimaryColumn({ type: 'text' }) scope: SearchScope;

  /**
   * The story this entry indexes, named rather than imported: the articles module uses search (for
   * `q` on its list), so search must not import it back.
   */
  @ManyToOne('Article', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'fk_search_document_article' })
  article?: unknown;

  /**
   * Headline A, subheadline and excerpt B, body and captions C, from the tokenizer's output, plus
   * the time lexemes of sortAt (`@w1:2863`, `@w4:715`, …) that candidate windows filter on.
   */
  @Column({ type: 'tsvector' }) document: string;

  /** NFKC + lower-case + simplified headline, for the trigram fallback (substrings, typos). */
  @Column({ type: 'text' }) headlineFolded: string;

  /** public: first publication; admin: the working copy's last save. Candidate order and the recency boost. */
  @Column({ type: 'timestamptz', precision: 3 }) sortAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' }) indexedAt: Date;
}
