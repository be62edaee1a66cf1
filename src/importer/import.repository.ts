// The importer's queries: its record of imported pages, and the locks that keep imports from
// several processes (or a seeding server and `npm run seed`) from stepping on each other.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Article } from '../articles/article.entity.js';
import type { ArticleStatus } from '../articles/workflow.js';
import { ImportRecord } from './import-record.entity.js';

/** Advisory lock keys; any fixed strings, the same in every Masthead process. */
const PAGE_WRITE_LOCK = 'importer:pages';
const SEEDING_LOCK = 'importer:seeding';

@Injectable()
export class ImportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(contentHash: string, manager: EntityManager = this.dataSource.manager): Promise<ImportRecord | null> {
    return manager.getRepository(ImportRecord).findOneBy({ contentHash });
  }

  /**
   * Imports write one page at a time, across processes, until the transaction ends: two pages
   * sharing a trending box then never both create its teasers, and section locks can't deadlock.
   */
  async lockPageWrites(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [PAGE_WRITE_LOCK]);
  }

  /**
   * Records the page as imported; false when it already was. A concurrent import of the same page
   * waits here on the primary key until the first commits, then gets false.
   */
  async claim(manager: EntityManager, record: Pick<ImportRecord, 'contentHash' | 'filename' | 'actorId'>): Promise<boolean> {
    const result = await manager.createQueryBuilder().insert().into(ImportRecord).values(record).orIgnore().returning(['contentHash']).execute();
    return (result.raw as unknown[]).length > 0;
  }

  async complete(manager: EntityManager, contentHash: string, articleId: string, teaserArticleIds: string[]): Promise<void> {
    await manager.getRepository(ImportRecord).update({ contentHash }, { articleId, teaserArticleIds });
  }

  /** Whether a story (not deleted) already carries this headline. */
  headlineTaken(manager: EntityManager, headline: string): Promise<boolean> {
    return manager.getRepository(Article).existsBy({ headline });
  }

  async statusOf(articleId: string | null): Promise<ArticleStatus | null> {
    if (articleId === null) return null;
    const article = await this.dataSource.getRepository(Article).findOne({ where: { id: articleId }, select: { id: true, status: true } });
    return article?.status ?? null;
  }

  /** Whether the database has ever held a story (deleted ones count: it is not a fresh installation). */
  async anyArticleEver(): Promise<boolean> {
    return this.dataSource.getRepository(Article).exists({ withDeleted: true });
  }

  /**
   * Runs `work` holding a session-level lock on its own connection, so the lock spans the several
   * transactions of a seed import; other processes wait, then see the seeded database.
   */
  async whileSeeding<T>(work: () => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtext($1))`, [SEEDING_LOCK]);
      try {
        return await work();
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [SEEDING_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }
}
