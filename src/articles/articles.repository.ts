// Queries on stories that need more than a find: the locked read every write starts with, the admin
// list's keyset page, slug checks across working copies and live versions, and the scheduler's claim.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { PublishedArticle } from '../content/published-article.entity.js';
import { Article } from './article.entity.js';
import type { ArticleStatus } from './workflow.js';

export interface AdminListFilter {
  status?: ArticleStatus;
  categoryId?: string;
  authorId?: string;
  cursor?: string;
  limit: number;
  /** Only stories this user created or is credited on (callers without article.edit.any). */
  touchableBy?: string;
}

@Injectable()
export class ArticlesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A story that is not deleted. */
  findActive(id: string, manager: EntityManager = this.dataSource.manager): Promise<Article | null> {
    return manager.getRepository(Article).findOne({ where: { id } });
  }

  /**
   * The story, locked until the transaction ends. Every write starts here: concurrent writers
   * queue on the row lock, and each then sees the version the previous one committed.
   */
  lockActive(manager: EntityManager, id: string): Promise<Article | null> {
    return manager.getRepository(Article).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
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

  liveSlugTaken(manager: EntityManager, slug: string, exceptId: string): Promise<boolean> {
    return manager
      .getRepository(PublishedArticle)
      .createQueryBuilder('p')
      .where('p.slug = :slug AND p.article_id <> :exceptId', { slug, exceptId })
      .getExists();
  }

  /** These stories, unless deleted; in no particular order. */
  findActiveMany(ids: readonly string[]): Promise<Article[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Article).findBy({ id: In([...ids]), deletedAt: IsNull() });
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
