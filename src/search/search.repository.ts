// All of search's SQL: writing index rows, the ranked token search, the headline fallback, and the
// reads the reindex command pages through. Every value is a bound parameter; the only text spliced
// into SQL is this file's own fragments, chosen by which filters are present.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient, QueryResultRow } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { queryPrepared, queryPreparedOn, type ReadRoute } from '../database/prepared.js';
import type { SearchScope } from './search-document.entity.js';
import { CANDIDATE_LIMIT, containsPattern, RECENCY_DAYS, RECENCY_WEIGHT, type SearchCursor } from './search-query.js';
import type { SearchableBlock, SearchablePhoto } from './search-text.js';
import { tsqueryOperands, type Tsvector } from './tsvector.js';

/** One story's index entry: its tsvector and what the fallback searches. */
export interface IndexRow {
  articleId: string;
  document: Tsvector;
  headlineFolded: string;
  sortAt: Date;
}

/** What to look for: every one of the terms, or (fallback) a fragment of the folded headline. */
export type SearchMatch = { mode: 'tokens'; terms: string[] } | { mode: 'headline'; fragment: string };

export interface SearchWindow {
  after: SearchCursor | null;
  /** Clock the recency boost is measured against. */
  at: Date;
  /**
   * Candidate windows to try, narrowest first: time-block tsqueries (windowQuery), null for all time.
   * The first holding CANDIDATE_LIMIT matches is ranked (or the last one).
   */
  windows: (string | null)[];
  limit: number;
}

export interface AdminFilter {
  /** Only stories this user created or is credited on. */
  touchableBy?: string;
  status?: string;
  categoryId?: string;
  authorId?: string;
}

interface StoryTextColumns {
  headline: string;
  subheadline: string | null;
  excerpt: string | null;
  body: SearchableBlock[];
  featured_image: SearchablePhoto | null;
}

export interface HitRow extends Omit<StoryTextColumns, 'body'> {
  /**
   * Null when the subheadline or excerpt holds every query word as typed, so the snippet most likely
   * comes from them (see hitTextColumns); SearchRepository.storyBodies fetches it
   * should the snippet need it after all.
   */
  body: SearchableBlock[] | null;
  article_id: string;
  rank: number;
  sort_at: Date;
  /** The widest of SearchWindow.windows the ranked candidates reached. */
  win: number;
}

export interface PublicHitRow extends HitRow {
  slug: string;
  dateline: string | null;
  published_at: Date;
  updated_at: Date;
  category_name: string | null;
  category_slug: string | null;
}

export interface AdminHitRow extends HitRow {
  status: string;
}

/** Where a reindex pass has got to: the sort time and id of the last story done. */
export interface ReindexPosition {
  at: Date;
  id: string;
}

export interface WorkingCopyRow extends StoryTextColumns {
  id: string;
  updated_at: Date;
}

export interface PublishedRow extends StoryTextColumns {
  article_id: string;
  published_at: Date;
}

const TEXT_COLUMNS = (alias: string) => `${alias}.headline, ${alias}.subheadline, ${alias}.excerpt, ${alias}.body, ${alias}.featured_image`;

/** Binds values in order and hands back their placeholders. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    return `$${this.values.push(value)}`;
  }
}

@Injectable()
export class SearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts or replaces the entries of `rows` in `scope`, in the caller's transaction. */
  async upsert(manager: EntityManager, scope: SearchScope, rows: readonly IndexRow[]): Promise<void> {
    if (rows.length === 0) return;
    // One story (every publish) gets a plain VALUES statement, its tsvector in the binary format
    // (a Buffer is bound as binary); many go through unnest, their tsvectors as text.
    const [source, values] =
      rows.length === 1
        ? [`VALUES ($2::uuid, $3::tsvector, $4::text, $5::timestamptz)`, [scope, rows[0].articleId, rows[0].document.binary(), rows[0].headlineFolded, rows[0].sortAt]]
        : [
            `SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::timestamptz[])`,
            [scope, rows.map((r) => r.articleId), rows.map((r) => r.document.literal()), rows.map((r) => r.headlineFolded), rows.map((r) => r.sortAt)],
          ];
    await this.preparedIn(
      manager,
      `INSERT INTO search_document (article_id, scope, document, headline_folded, sort_at, indexed_at)
       SELECT u.article_id, $1, u.document::tsvector, u.headline_folded, u.sort_at, now() FROM (${source}) AS u(article_id, document, headline_folded, sort_at)
       ON CONFLICT (article_id, scope) DO UPDATE
          SET document = EXCLUDED.document, headline_folded = EXCLUDED.headline_folded, sort_at = EXCLUDED.sort_at, indexed_at = EXCLUDED.indexed_at`,
      values,
    );
  }

  async remove(manager: EntityManager, articleId: string, scope?: SearchScope): Promise<void> {
    if (scope) await manager.query(`DELETE FROM search_document WHERE article_id = $1 AND scope = $2`, [articleId, scope]);
    else await manager.query(`DELETE FROM search_document WHERE article_id = $1`, [articleId]);
  }

  /** The working copy as the writing transaction just saved it; null when there is none. */
  async loadWorkingCopy(manager: EntityManager, articleId: string): Promise<WorkingCopyRow | null> {
    const rows: WorkingCopyRow[] = await manager.query(`SELECT a.id, a.updated_at, ${TEXT_COLUMNS('a')} FROM article a WHERE a.id = $1`, [articleId]);
    return rows[0] ?? null;
  }

  /** The live version as the publish transaction just wrote it; null when nothing is live. */
  async loadPublished(manager: EntityManager, articleId: string): Promise<PublishedRow | null> {
    const rows: PublishedRow[] = await manager.query(`SELECT article_id, published_at, ${TEXT_COLUMNS('p')} FROM published_article p WHERE p.article_id = $1`, [articleId]);
    return rows[0] ?? null;
  }

  /** Ranked published stories, joined to what a reader's result list shows. */
  async searchPublic(match: SearchMatch, categoryIds: readonly string[] | undefined, window: SearchWindow): Promise<PublicHitRow[]> {
    const p = new Params();
    const section = categoryIds ? `SELECT 1 FROM published_article pc WHERE pc.article_id = d.article_id AND pc.category_id = ANY(${p.add(categoryIds)}::uuid[])` : null;
    const ranked = this.rankedPage(p, match, window, { scope: 'public', filter: section });
    const sql = `${ranked}
      SELECT h.win, h.article_id, h.rank, h.sort_at, p.slug, p.dateline, p.published_at, p.updated_at, ${this.hitTextColumns(p, match, 'p')},
             c.name AS category_name, c.slug AS category_slug
        FROM page h
        JOIN published_article p ON p.article_id = h.article_id
        LEFT JOIN category c ON c.id = p.category_id
       ORDER BY h.rank DESC, h.sort_at DESC, h.article_id DESC`;
    return this.prepared(sql, p.values, 'replica');
  }

  /** Ranked working copies that are not deleted and pass the filters; status and owners are read live. */
  async searchAdmin(match: SearchMatch, filter: AdminFilter, window: SearchWindow): Promise<AdminHitRow[]> {
    const p = new Params();
    const where = [`a.deleted_at IS NULL`];
    if (filter.touchableBy) {
      const me = p.add(filter.touchableBy);
      where.push(`(a.created_by_id = ${me}::uuid OR ${me}::uuid = ANY(a.author_ids))`);
    }
    if (filter.status) where.push(`a.status = ${p.add(filter.status)}`);
    if (filter.categoryId) where.push(`a.category_id = ${p.add(filter.categoryId)}::uuid`);
    if (filter.authorId) where.push(`${p.add(filter.authorId)}::uuid = ANY(a.author_ids)`);
    const ranked = this.rankedPage(p, match, window, { scope: 'admin', filter: `SELECT 1 FROM article a WHERE a.id = d.article_id AND ${where.join(' AND ')}` });
    const sql = `${ranked}
      SELECT h.win, h.article_id, h.rank, h.sort_at, a.status, ${this.hitTextColumns(p, match, 'a')}
        FROM page h JOIN article a ON a.id = h.article_id
       ORDER BY h.rank DESC, h.sort_at DESC, h.article_id DESC`;
    return this.prepared(sql, p.values);
  }

  /** Bodies of stories in a scope (public: live versions, admin: working copies), by article id. */
  async storyBodies(scope: SearchScope, articleIds: readonly string[]): Promise<Map<string, SearchableBlock[]>> {
    const sql =
      scope === 'public'
        ? `SELECT article_id AS id, body FROM published_article WHERE article_id = ANY($1::uuid[])`
        : `SELECT id, body FROM article WHERE id = ANY($1::uuid[])`;
    const rows = await this.prepared<{ id: string; body: SearchableBlock[] }>(sql, [articleIds], scope === 'public' ? 'replica' : 'primary');
    return new Map(rows.map((row) => [row.id, row.body]));
  }

  /**
   * A hit's text columns, the body left out (null) when the subheadline or the excerpt contains
   * every query word as typed. Bodies are most of a result's bytes (~2 KB of JSON a story): sending
   * and parsing them cost PostgreSQL and Node about a millisecond per search, and the snippet
   * usually stops at the standfirst. A word found as typed may still not settle the snippet (not a
   * whole word, too far apart for one window), so the service checks, and fetches the few bodies
   * it still needs with storyBodies. The headline fallback always gets the body.
   */
  private hitTextColumns(p: Params, match: SearchMatch, alias: string): string {
    if (match.mode !== 'tokens') return TEXT_COLUMNS(alias);
    const patterns = p.add(match.terms.map(containsPattern));
    const holdsAll = (column: string) => `coalesce(${alias}.${column} LIKE ALL (${patterns}::text[]), false)`;
    const body = `CASE WHEN ${holdsAll('subheadline')} OR ${holdsAll('excerpt')} THEN NULL ELSE ${alias}.body END AS body`;
    return `${alias}.headline, ${alias}.subheadline, ${alias}.excerpt, ${body}, ${alias}.featured_image`;
  }

  /**
   * Runs a search as a named prepared statement: planning these statements costs about as much
   * as running them, and each pooled connection keeps the plan once it has prepared it. The
   * statement's text is fixed per combination of filters, so the names stay few. Readers' searches
   * may run on a streaming replica; the admin's always run on the primary.
   */
  private prepared<Row extends QueryResultRow>(sql: string, values: unknown[], route: ReadRoute = 'primary'): Promise<Row[]> {
    return queryPrepared<Row>(this.dataSource, sql, values, route);
  }

  /**
   * A named prepared statement on the connection of the caller's transaction (index writes run
   * once per publish, and planning them costs as much as running them). Without a transaction's
   * connection, an ordinary query.
   */
  private async preparedIn(manager: EntityManager, sql: string, values: unknown[]): Promise<void> {
    const runner = manager.queryRunner as PostgresQueryRunner | undefined;
    if (!runner?.isTransactionActive) return void (await manager.query(sql, values));
    // connect() hands back the connection the transaction already holds.
    const connection = (await runner.connect()) as PoolClient;
    await queryPreparedOn(connection, sql, values);
  }

  /**
   * `WITH w0…wN, candidates, hits, page`. The windows are nested spans of time up to now; `w0` holds
   * the newest CANDIDATE_LIMIT matches in the first, and each later `w` runs only while the
   * candidates so far fall short, taking the newest of the rest from the ring its window adds
   * (window minus the previous one). The GIN index finds the matches; only their sort keys are
   * read, and only the candidates' documents are then read (by row address, in this statement's
   * snapshot; the LIMIT keeps the planner from flattening the lookup into a hash join over the
   * whole table when it overestimates the candidates) and ranked. Ranking is ts_rank_cd (cover density: terms close together count) over
   * the weighted document or, for the fallback, substring hits first, then trigram word
   * similarity; either way times the recency boost, measured against the first page's clock so
   * later pages rank identically. Then one keyset page.
   */
  private rankedPage(p: Params, match: SearchMatch, window: SearchWindow, source: { scope: SearchScope; filter: string | null }): string {
    // A filter on another table is probed per match (LIMIT 1 keeps the planner from hashing the
    // whole other table when it overestimates the matches).
    const from = source.filter ? `search_document d CROSS JOIN LATERAL (${source.filter} LIMIT 1) f` : 'search_document d';
    const { condition, rank } = this.matching(p, match);
    const blocks = window.windows.map((w) => (w === null ? null : p.add(w)));
    const rings = blocks.map((span, i) => {
      const before = blocks.slice(0, i).map((_, j) => `(SELECT count(*) FROM w${j})`);
      const room = before.length ? `${CANDIDATE_LIMIT} - ${before.join(' - ')}` : `${CANDIDATE_LIMIT}`;
      // The scope is written into the SQL (one of two constants), so the planner always sees that
      // the scope's partial GIN index applies.
      return `w${i} AS (
        SELECT ${i} AS win, d.ctid AS tid, d.article_id, d.sort_at
          FROM ${from}
         WHERE d.scope = '${source.scope}' AND ${condition(span, i > 0 ? blocks[i - 1] : null)}${before.length ? ` AND ${room} > 0` : ''}
         ORDER BY d.sort_at DESC, d.article_id DESC
         LIMIT ${room})`;
    });
    const at = p.add(window.at);
    const ageDays = `greatest(extract(epoch FROM (${at}::timestamptz - c.sort_at))::float8, 0) / 86400.0`;
    const after = window.after
      ? `WHERE (rank, sort_at, article_id) < (${p.add(window.after.rank)}::float8, ${p.add(window.after.sortAt)}::timestamptz, ${p.add(window.after.articleId)}::uuid)`
      : '';
    return `WITH ${rings.join(', ')},
      candidates AS (${blocks.map((_, i) => `SELECT * FROM w${i}`).join(' UNION ALL ')}),
      hits AS (
        SELECT max(c.win) OVER () AS win, c.article_id, c.sort_at, (${rank}) * (1 + ${RECENCY_WEIGHT} * exp(-${ageDays} / ${RECENCY_DAYS})) AS rank
          FROM candidates c CROSS JOIN LATERAL (SELECT * FROM search_document s WHERE s.ctid = c.tid LIMIT 1) s
      ), page AS (
        SELECT * FROM hits ${after} ORDER BY rank DESC, sort_at DESC, article_id DESC LIMIT ${p.add(window.limit)}
      )`;
  }

  /**
   * The WHERE condition on `d` (search_document), given the bound time-block tsqueries of a window
   * (null: all time) and of the narrower window it must exclude (null: none), and the rank
   * expression on `s` (a candidate's search_document row).
   */
  private matching(p: Params, match: SearchMatch): { condition: (span: string | null, excluded: string | null) => string; rank: string } {
    if (match.mode === 'tokens') {
      // Every operand is a quoted lexeme (tsqueryOperands); only the ' & ' between them is syntax.
      // Bound as one tsquery parameter, parsed once when bound: built in SQL from a text[], the
      // query was a stable expression that ranking re-parsed for every candidate.
      const query = `${p.add(tsqueryOperands(match.terms).join(' & '))}::tsquery`;
      return {
        condition: (span, excluded) => `d.document @@ (${query}${span === null ? '' : ` && ${span}::tsquery`}${excluded === null ? '' : ` && !!${excluded}::tsquery`})`,
        rank: `ts_rank_cd(s.document, ${query}, 1)::float8`,
      };
    }
    const fragment = p.add(match.fragment);
    const pattern = p.add(containsPattern(match.fragment));
    return {
      condition: () => `(d.headline_folded LIKE ${pattern} ESCAPE '\\' OR ${fragment} <% d.headline_folded)`,
      rank: `(CASE WHEN s.headline_folded LIKE ${pattern} ESCAPE '\\' THEN 1 ELSE 0 END + word_similarity(${fragment}, s.headline_folded))::float8`,
    };
  }

  /**
   * Working copies that are not deleted, oldest change first, after `after`: the reindex command's
   * pages. Rebuilding in time order keeps the index table roughly in time order, which keeps the
   * newest stories (what candidate windows look for) together on disk and in the GIN posting lists.
   * Share-locked until the caller's transaction ends, so a concurrent edit cannot slip between this
   * read and the index write and be overwritten by older text.
   */
  workingCopiesAfter(manager: EntityManager, after: ReindexPosition | null, limit: number): Promise<WorkingCopyRow[]> {
    return manager.query(
      `SELECT a.id, a.updated_at, ${TEXT_COLUMNS('a')} FROM article a
        WHERE a.deleted_at IS NULL AND ($1::timestamptz IS NULL OR (a.updated_at, a.id) > ($1::timestamptz, $2::uuid))
        ORDER BY a.updated_at, a.id LIMIT $3 FOR SHARE`,
      [after?.at ?? null, after?.id ?? null, limit],
    );
  }

  /** Live versions, first published first, share-locked like workingCopiesAfter. */
  publishedAfter(manager: EntityManager, after: ReindexPosition | null, limit: number): Promise<PublishedRow[]> {
    return manager.query(
      `SELECT p.article_id, p.published_at, ${TEXT_COLUMNS('p')} FROM published_article p
        WHERE ($1::timestamptz IS NULL OR (p.published_at, p.article_id) > ($1::timestamptz, $2::uuid))
        ORDER BY p.published_at, p.article_id LIMIT $3 FOR SHARE`,
      [after?.at ?? null, after?.id ?? null, limit],
    );
  }

  async countSources(): Promise<{ workingCopies: number; published: number }> {
    const rows: Array<{ working: string; published: string }> = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM article WHERE deleted_at IS NULL) AS working, (SELECT count(*) FROM published_article) AS published`,
    );
    return { workingCopies: Number(rows[0].working), published: Number(rows[0].published) };
  }

  /**
   * Rebuilds the GIN indexes without blocking reads or writes. Built in one pass they are about
   * half the size of indexes grown story by story, and searches through them cost about half.
   */
  async rebuildIndexes(): Promise<string[]> {
    const names = ['idx_search_document_public_tsv', 'idx_search_document_admin_tsv', 'idx_search_document_headline_trgm'];
    for (const name of names) await this.dataSource.query(`REINDEX INDEX CONCURRENTLY ${name}`);
    return names;
  }

  /** Entries whose story is deleted or no longer live. Returns how many went. */
  async removeStale(): Promise<number> {
    // For DELETE, TypeORM answers [rows, affected count].
    const [, removed]: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM search_document d
        WHERE (d.scope = 'admin' AND NOT EXISTS (SELECT 1 FROM article a WHERE a.id = d.article_id AND a.deleted_at IS NULL))
           OR (d.scope = 'public' AND NOT EXISTS (SELECT 1 FROM published_article p WHERE p.article_id = d.article_id))`,
    );
    return removed;
  }
}
