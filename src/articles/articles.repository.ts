// Queries on stories that need more than a find: the locked read every write starts with, the admin
// list's keyset page, slug checks across working copies and live versions, and the scheduler's claim.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { hydrate, updateById, upsert } from '../database/entity-sql.js';
import { queryPrepared } from '../database/prepared.js';
import type { RevisionReason } from './article-revision.entity.js';
import { PublishedArticle } from './published-article.entity.js';
import { Article } from './article.entity.js';
import type { Correction, EditorialSnapshot } from './revision-diff.js';
import { ARTICLE_STATUSES, type ArticleStatus } from './workflow.js';

/** A section as a story response names it. */
export interface SectionRef {
  id: string;
  name: string;
  slug: string;
}

/** Sections and staff display names by id (ids that do not exist are absent). */
export interface Names {
  sections: Map<string, SectionRef>;
  staff: Map<string, string>;
}

const NAMES_SQL = `SELECT 'section' AS kind, id, name, slug FROM category WHERE id = ANY($1::uuid[])
  UNION ALL SELECT 'staff', id, display_name, NULL FROM "user" WHERE id = ANY($2::uuid[])`;

/**
 * Makes a story's photo rows (`published` = live version, else working copy) exactly a list of
 * media ids: rows of photos no longer used go, new ones come, the others stay untouched. Its
 * parameters (article id, published, media ids) are numbered from `first`; `before` is a CTE to run first.
 */
const photoRowsSql = (first: number, before = '') => {
  const [article, published, media] = [first, first + 1, first + 2].map((n) => `$${n}`);
  return `WITH ${before}gone AS (DELETE FROM article_media WHERE article_id = ${article} AND published = ${published} AND NOT (media_id = ANY(${media}::uuid[])))
    INSERT INTO article_media (article_id, media_id, published) SELECT ${article}::uuid, m, ${published}::boolean FROM unnest(${media}::uuid[]) AS m ON CONFLICT DO NOTHING`;
};

/** A revision to append with a write (see ArticlesRepository.update). */
export interface NewRevision {
  number: number;
  snapshot: EditorialSnapshot;
  reason: RevisionReason;
  note: string | null;
  authorId: string | null;
}

export interface AdminListFilter {
  status?: ArticleStatus;
  categoryId?: string;
  authorId?: string;
  cursor?: string;
  limit: number;
  /** Only stories this user created or is credited on (callers without article.edit.any). */
  touchableBy?: string;
}

/** A live version that shows a photo: what re-resolving its photo words needs. */
export interface LiveUse {
  article_id: string;
  published_at: Date;
  category_id: string | null;
  snapshot: EditorialSnapshot;
  /** The story's corrections now (the pinned snapshot may predate some). */
  corrections: Correction[];
}

export interface Refiled {
  id: string;
  revision: number;
  /** It has a live version, which moved with it. */
  live: boolean;
}

@Injectable()
export class ArticlesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * What story responses show of their sections and staff, for every response: one prepared
   * statement for both (it was two TypeORM finds, on two pooled connections). With `manager`, in its transaction.
   */
  async names(sectionIds: readonly string[], staffIds: readonly string[], manager?: EntityManager): Promise<Names> {
    const names: Names = { sections: new Map(), staff: new Map() };
    if (sectionIds.length === 0 && staffIds.length === 0) return names;
    const params = [[...new Set(sectionIds)], [...new Set(staffIds)]];
    // In a transaction, on its connection: waiting for a second pooled one could starve the pool.
    const rows: Array<{ kind: 'section' | 'staff'; id: string; name: string; slug: string | null }> = manager
      ? await manager.query(NAMES_SQL, params)
      : await queryPrepared(this.dataSource, NAMES_SQL, params);
    for (const row of rows) {
      if (row.kind === 'staff') names.staff.set(row.id, row.name);
      else names.sections.set(row.id, { id: row.id, name: row.name, slug: row.slug as string });
    }
    return names;
  }

  /** A story that is not deleted. */
  findActive(id: string, manager: EntityManager = this.dataSource.manager): Promise<Article | null> {
    return manager.getRepository(Article).findOne({ where: { id } });
  }

  /**
   * The story, locked until the transaction ends. Every write starts here: concurrent writers
   * queue on the row lock, and each then sees the version the previous one committed.
   */
  async lockActive(manager: EntityManager, id: string): Promise<Article | null> {
    const rows: Array<Record<string, unknown>> = await manager.query(`SELECT * FROM article WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, [id]);
    return rows.length ? hydrate(manager.connection, Article, rows[0]) : null;
  }

  /**
   * Writes `changes` to the story (updatedAt from the database's clock) and returns the new
   * updatedAt, so the writer need not read the row back. With `revision`, appends that revision in
   * the same statement: every save is one round trip to PostgreSQL, not two.
   */
  async update(manager: EntityManager, id: string, changes: Partial<Article>, revision?: NewRevision): Promise<Date> {
    const update = updateById(manager.connection, Article, id, changes);
    const at = (n: number) => `$${update.parameters.length + n}`;
    const sql = revision
      ? `WITH revision AS (
           INSERT INTO article_revision (article_id, number, snapshot, reason, note, author_id) VALUES (${at(1)}, ${at(2)}, ${at(3)}, ${at(4)}, ${at(5)}, ${at(6)}))
         ${update.sql} RETURNING updated_at`
      : `${update.sql} RETURNING updated_at`;
    const parameters = revision
      ? [...update.parameters, id, revision.number, JSON.stringify(revision.snapshot), revision.reason, revision.note, revision.authorId]
      : update.parameters;
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows] = await manager.query<[Array<{ updated_at: Date }>, number]>(sql, parameters);
    return rows[0].updated_at;
  }

  /** Makes the story's photo rows (`published` = live version, else working copy) exactly `mediaIds`, in one statement. */
  async syncPhotoRows(manager: EntityManager, articleId: string, published: boolean, mediaIds: readonly string[]): Promise<void> {
    await manager.query(photoRowsSql(1), [articleId, published, mediaIds]);
  }

  /**
   * Writes the live version (insert or replace) and makes its photo rows `mediaIds`, in one
   * statement: the upsert, with the photo rows' sync after it.
   */
  async writeLive(manager: EntityManager, row: PublishedArticle, mediaIds: readonly string[]): Promise<void> {
    const live = upsert(manager.connection, PublishedArticle, row);
    await manager.query(photoRowsSql(live.parameters.length + 1, `live AS (${live.sql}), `), [...live.parameters, row.articleId, true, mediaIds]);
  }


  /** Re-reads after a write (version, updatedAt are set by the database). */
  reload(manager: EntityManager, id: string): Promise<Article> {
    return manager.getRepository(Article).findOneOrFail({ where: { id }, withDeleted: true });
  }

  /** Whether another story uses the slug, in its working copy or its live version. */
  async slugTaken(manager: EntityManager, slug: string, exceptId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM article WHERE slug = $1 AND id <> $2 AND deleted_at IS NULL
       UNION ALL SELECT 1 FROM published_article WHERE slug = $1 AND article_id <> $2 LIMIT 1`,
      [slug, exceptId],
    );
    return rows.length > 0;
  }

  /** The slug of the story's live version; null when nothing is live. */
  async liveSlug(manager: EntityManager, articleId: string): Promise<string | null> {
    const rows: Array<{ slug: string }> = await manager.query(`SELECT slug FROM published_article WHERE article_id = $1`, [articleId]);
    return rows[0]?.slug ?? null;
  }

  liveSlugTaken(manager: EntityManager, slug: string, exceptId: string): Promise<boolean> {
    return manager
      .getRepository(PublishedArticle)
      .createQueryBuilder('p')
      .where('p.slug = :slug AND p.article_id <> :exceptId', { slug, exceptId })
      .getExists();
  }

  /** The live versions that show any of these photos, with the snapshot each pins and its live section. */
  liveVersionsUsingMedia(manager: EntityManager, mediaIds: readonly string[]): Promise<LiveUse[]> {
    return manager.query(
      `SELECT p.article_id, p.published_at, p.category_id, r.snapshot, a.corrections
       FROM published_article p
       JOIN article a ON a.id = p.article_id
       JOIN article_revision r ON r.article_id = a.id AND r.number = a.published_revision
       WHERE p.article_id IN (SELECT article_id FROM article_media WHERE published AND media_id = ANY($1::uuid[]))`,
      [mediaIds],
    );
  }

  /**
   * Refiles every story of section `fromId` under `toId`. Each working copy gets a new revision (the
   * current snapshot with the new categoryId) and a new version; live versions follow at once, so
   * published stories stay listed in a section. Returns the stories moved with their new revision.
   */
  async refileSection(manager: EntityManager, fromId: string, toId: string, actorId: string | null, note: string): Promise<Refiled[]> {
    const moved: Refiled[] = await manager.query(
      `WITH moved AS (
         UPDATE article SET category_id = $2, version = version + 1, current_revision = current_revision + 1, updated_at = now()
         WHERE category_id = $1 AND deleted_at IS NULL
         RETURNING id, current_revision, published_revision IS NOT NULL AS live
       ), revised AS (
         INSERT INTO article_revision (article_id, number, snapshot, reason, note, author_id)
         SELECT m.id, m.current_revision, r.snapshot || jsonb_build_object('categoryId', $2::text), 'save', $4, $3
         FROM moved m JOIN article_revision r ON r.article_id = m.id AND r.number = m.current_revision - 1
         RETURNING article_id, number
       )
       SELECT v.article_id AS id, v.number AS revision, m.live FROM revised v JOIN moved m ON m.id = v.article_id`,
      [fromId, toId, actorId, note],
    );
    await manager.query(`UPDATE published_article SET category_id = $2 WHERE category_id = $1`, [fromId, toId]);
    return moved;
  }

  /** Removes the live version; its slug and section (null when nothing was live). */
  async deleteLiveVersion(manager: EntityManager, articleId: string): Promise<{ slug: string; categoryId: string | null } | null> {
    const result = await manager
      .createQueryBuilder()
      .delete()
      .from(PublishedArticle)
      .where('article_id = :articleId', { articleId })
      .returning('slug, category_id')
      .execute();
    const row = (result.raw as Array<{ slug: string; category_id: string | null }>)[0];
    return row ? { slug: row.slug, categoryId: row.category_id } : null;
  }

  /** These stories, unless deleted; in no particular order. */
  findActiveMany(ids: readonly string[]): Promise<Article[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Article).findBy({ id: In([...ids]), deletedAt: IsNull() });
  }

  /** Stories (not deleted) in each state, filtered as the admin list is. */
  async countByStatus(filter: Omit<AdminListFilter, 'status' | 'cursor' | 'limit'>): Promise<Record<ArticleStatus, number>> {
    const qb = this.dataSource.getRepository(Article).createQueryBuilder('a').select('a.status', 'status').addSelect('count(*)::int', 'count');
    if (filter.touchableBy) qb.andWhere('(a.created_by_id = :me OR :me = ANY(a.author_ids))', { me: filter.touchableBy });
    if (filter.categoryId) qb.andWhere('a.category_id = :categoryId', { categoryId: filter.categoryId });
    if (filter.authorId) qb.andWhere(':authorId = ANY(a.author_ids)', { authorId: filter.authorId });
    const rows = await qb.groupBy('a.status').getRawMany<{ status: ArticleStatus; count: number }>();
    const counts = Object.fromEntries(ARTICLE_STATUSES.map((s) => [s, 0])) as Record<ArticleStatus, number>;
    for (const row of rows) counts[row.status] = row.count;
    return counts;
  }

  /** Most recently changed first; keyset pagination on (updated_at, id). */
  async listAdmin(filter: AdminListFilter): Promise<{ rows: Article[]; nextCursor: string | null }> {
    const qb = this.dataSource.getRepository(Article).createQueryBuilder('a');
    if (filter.touchableBy) qb.andWhere('(a.created_by_id = :me OR :me = ANY(a.author_ids))', { me: filter.touchableBy });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.categoryId) qb.andWhere('a.category_id = :categoryId', { categoryId: filter.categoryId });
    if (filter.authorId) qb.andWhere(':authorId = ANY(a.author_ids)', { authorId: filter.authorId });
    const after = this.decodeAdminCursor(filter.cursor);
    if (after) {
      qb.andWhere(new Brackets((w) => w.where('(a.updated_at, a.id) < (:u, :id)', { u: after.u, id: after.id })));
    }
    const rows = await qb
      .orderBy('a.updated_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(filter.limit + 1)
      .getMany();
    const page = rows.slice(0, filter.limit);
    const last = page.at(-1);
    const nextCursor = rows.length > filter.limit && last ? encodeCursor({ u: last.updatedAt.toISOString(), id: last.id }) : null;
    return { rows: page, nextCursor };
  }

  private decodeAdminCursor(cursor: string | undefined): { u: string; id: string } | null {
    return decodeCursor(cursor, { u: 'timestamp', id: 'uuid' });
  }

  /**
   * One scheduled story that is due, locked; stories another process holds are skipped, so each
   * fires in exactly one transaction. Null when nothing (else) is due.
   */
  async claimDueScheduled(manager: EntityManager): Promise<string | null> {
    const rows: Array<{ id: string }> = await manager.query(ArticlesRepository.DUE_SCHEDULED_SQL);
    return rows[0]?.id ?? null;
  }

  /** Served by the partial index idx_article_due (a repository test checks the plan). */
  static readonly DUE_SCHEDULED_SQL = `SELECT id FROM article
    WHERE status = 'scheduled' AND scheduled_at <= now() AND deleted_at IS NULL
    ORDER BY scheduled_at, id
    LIMIT 1
    FOR UPDATE SKIP LOCKED`;
}
