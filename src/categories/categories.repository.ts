// The SQL the categories service needs beyond simple finds: counting and moving a section's stories.
import { Injectable } from '@nestjs/common';
import { Not, type EntityManager } from 'typeorm';
import { Category } from './category.entity.js';

@Injectable()
export class CategoriesRepository {
  async slugTaken(manager: EntityManager, slug: string, exceptId: string): Promise<boolean> {
    return manager.getRepository(Category).existsBy({ slug, id: Not(exceptId) });
  }

  /** Serialises find-or-create of one name across concurrent transactions (released at commit). */
  async lockName(manager: EntityManager, name: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('category:' || lower($1)))`, [name]);
  }

  findByName(manager: EntityManager, name: string): Promise<Category | null> {
    return manager
      .getRepository(Category)
      .createQueryBuilder('c')
      .where('lower(c.name) = lower(:name)', { name })
      .orderBy('c.parent_id IS NULL', 'DESC')
      .addOrderBy('c.created_at', 'ASC')
      .getOne();
  }

  /** A section with this name (case-insensitive) under the same parent, other than `exceptId`. */
  async siblingNamed(manager: EntityManager, name: string, parentId: string | null, exceptId: string | null): Promise<Category | null> {
    const query = manager
      .getRepository(Category)
      .createQueryBuilder('c')
      .where('lower(c.name) = lower(:name)', { name })
      .andWhere(parentId === null ? 'c.parent_id IS NULL' : 'c.parent_id = :parentId', { parentId });
    if (exceptId) query.andWhere('c.id <> :exceptId', { exceptId });
    return query.getOne();
  }

  /** Stories (not deleted) filed in this section. */
  async countArticles(manager: EntityManager, categoryId: string): Promise<number> {
    const rows: Array<{ count: string }> = await manager.query(
      `SELECT count(*) AS count FROM article WHERE category_id = $1 AND deleted_at IS NULL`,
      [categoryId],
    );
    return Number(rows[0].count);
  }

  /**
   * Refiles every story of `fromId` under `toId`. Each working copy gets a new revision (the current
   * snapshot with the new categoryId) and a new version; live versions follow at once, so published
   * stories stay listed in a section. Returns the ids of the stories moved.
   */
  async moveArticles(manager: EntityManager, fromId: string, toId: string, actorId: string | null, note: string): Promise<string[]> {
    const moved: Array<{ id: string }> = await manager.query(
      `WITH moved AS (
         UPDATE article SET category_id = $2, version = version + 1, current_revision = current_revision + 1, updated_at = now()
         WHERE category_id = $1 AND deleted_at IS NULL
         RETURNING id, current_revision
       )
       INSERT INTO article_revision (article_id, number, snapshot, reason, note, author_id)
       SELECT m.id, m.current_revision, r.snapshot || jsonb_build_object('categoryId', $2::text), 'save', $4, $3
       FROM moved m JOIN article_revision r ON r.article_id = m.id AND r.number = m.current_revision - 1
       RETURNING article_id AS id`,
      [fromId, toId, actorId, note],
    );
    await manager.query(`UPDATE published_article SET category_id = $2 WHERE category_id = $1`, [fromId, toId]);
    return moved.map((m) => m.id);
  }
}
