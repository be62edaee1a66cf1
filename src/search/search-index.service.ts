// Keeps search_document in step with stories. Every method takes the caller's EntityManager, so
// the index entry commits (or rolls back) with the write it reflects.
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SearchRepository, type IndexRow, type PublishedRow, type WorkingCopyRow } from './search.repository.js';
import type { SearchScope } from './search-document.entity.js';
import { timeLexemes } from './search-query.js';
import { weightedText, type SearchableStory, type WeightedText } from './search-text.js';
import { NewsTokenizer } from './tokenizer.js';
import { Tsvector } from './tsvector.js';

/** A working copy: the `Article` entity fits as it is. */
export interface AdminSearchDoc extends SearchableStory {
  id: string;
  /** The working copy's last save. */
  updatedAt: Date;
}

/** A published snapshot: a `published_article` row (`PublishedArticle`) fits as it is. */
export interface PublicSearchDoc extends SearchableStory {
  articleId: string;
  publishedAt: Date;
}

/** A text's tokens per weight class, and the tsvectors built from them (by time lexemes). */
interface SegmentedText {
  a: string[];
  b: string[];
  c: string[];
  documents: Map<string, Tsvector>;
}

/** Texts whose tokens are remembered (a handful of concurrent publishes). */
const RECENT_TEXTS = 32;

/** A live version as read from `published_article`, as the public index takes it. */
export const publishedDoc = (row: PublishedRow): PublicSearchDoc => ({
  articleId: row.article_id,
  publishedAt: row.published_at,
  headline: row.headline,
  subheadline: row.subheadline,
  excerpt: row.excerpt,
  body: row.body,
  featuredImage: row.featured_image,
});

/** A working copy as read from `article`, as the admin index takes it. */
export const workingCopyDoc = (row: WorkingCopyRow): AdminSearchDoc => ({
  id: row.id,
  updatedAt: row.updated_at,
  headline: row.headline,
  subheadline: row.subheadline,
  excerpt: row.excerpt,
  body: row.body,
  featuredImage: row.featured_image,
});

@Injectable()
export class SearchIndexService {
  private readonly recent = new Map<string, SegmentedText>();

  constructor(
    private readonly repository: SearchRepository,
    @Inject(NewsTokenizer) private readonly tokenizer: NewsTokenizer,
  ) {}

  /** Indexes the working copy editors search (`q` on the admin list). */
  async indexWorkingCopy(manager: EntityManager, doc: AdminSearchDoc): Promise<void> {
    await this.repository.upsert(manager, 'admin', [this.adminRow(doc)]);
  }

  /** Indexes the published snapshot readers search. */
  async indexPublished(manager: EntityManager, doc: PublicSearchDoc): Promise<void> {
    await this.repository.upsert(manager, 'public', [this.publicRow(doc)]);
  }

  /** Many at once, one statement (reindexing, bulk imports). */
  async indexMany(manager: EntityManager, scope: 'admin', docs: readonly AdminSearchDoc[]): Promise<void>;
  async indexMany(manager: EntityManager, scope: 'public', docs: readonly PublicSearchDoc[]): Promise<void>;
  async indexMany(manager: EntityManager, scope: SearchScope, docs: readonly (AdminSearchDoc | PublicSearchDoc)[]): Promise<void> {
    const rows = docs.map((doc) => ('id' in doc ? this.adminRow(doc) : this.publicRow(doc)));
    await this.repository.upsert(manager, scope, rows);
  }

  /** Re-reads the working copy in the caller's transaction and indexes it (nothing when it is gone). */
  async syncWorkingCopy(manager: EntityManager, articleId: string): Promise<void> {
    const row = await this.repository.loadWorkingCopy(manager, articleId);
    if (row) await this.indexWorkingCopy(manager, workingCopyDoc(row));
  }

  /**
   * Re-reads the live version (`published_article`) in the caller's transaction and indexes it,
   * or drops the public entry when nothing is live.
   */
  async syncPublished(manager: EntityManager, articleId: string): Promise<void> {
    const row = await this.repository.loadPublished(manager, articleId);
    if (!row) return this.removePublished(manager, articleId);
    await this.indexPublished(manager, publishedDoc(row));
  }

  /** Unpublish, archive: readers stop finding the story; editors still do. */
  async removePublished(manager: EntityManager, articleId: string): Promise<void> {
    await this.repository.remove(manager, articleId, 'public');
  }

  /** Both entries (hard delete; a soft-deleted story already drops out of admin results). */
  async removeAll(manager: EntityManager, articleId: string): Promise<void> {
    await this.repository.remove(manager, articleId);
  }

  private adminRow(doc: AdminSearchDoc): IndexRow {
    return this.row(doc.id, doc, doc.updatedAt);
  }

  private publicRow(doc: PublicSearchDoc): IndexRow {
    return this.row(doc.articleId, doc, doc.publishedAt);
  }

  private row(articleId: string, story: SearchableStory, sortAt: Date): IndexRow {
    return { articleId, document: this.document(weightedText(story), timeLexemes(sortAt)), headlineFolded: this.tokenizer.fold(story.headline), sortAt };
  }

  /**
   * The tsvector of a story's text and time lexemes. Publishing indexes the same text twice in one
   * transaction (working copy, then live version), usually in the same week, so the last few texts
   * are remembered with their tokens and the tsvectors built from them.
   */
  private document(text: WeightedText, time: readonly string[]): Tsvector {
    const key = `${text.a}\u0000${text.b}\u0000${text.c}`;
    let recent = this.recent.get(key);
    if (!recent) {
      recent = { a: this.tokenizer.tokenize(text.a), b: this.tokenizer.tokenize(text.b), c: this.tokenizer.tokenize(text.c), documents: new Map() };
      this.recent.set(key, recent);
      if (this.recent.size > RECENT_TEXTS) this.recent.delete(this.recent.keys().next().value as string);
    }
    const timeKey = time.join(' ');
    let document = recent.documents.get(timeKey);
    if (document === undefined) {
      const parts = [
        { tokens: recent.a, weight: 'A' as const },
        { tokens: recent.b, weight: 'B' as const },
        { tokens: recent.c, weight: 'C' as const },
      ];
      document = Tsvector.of(parts, time);
      recent.documents.set(timeKey, document);
    }
    return document;
  }
}
