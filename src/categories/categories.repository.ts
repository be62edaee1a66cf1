// The SQL the categories service needs beyond simple finds: name locks, sibling checks, and counting a
// section's stories (which the articles module moves when sections merge).
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
}
