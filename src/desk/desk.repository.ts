// The desk's read-only queries: story counts by state, and who may be credited on a story.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Article } from '../articles/article.entity.js';
import { ARTICLE_STATUSES, type ArticleStatus } from '../articles/workflow.js';
import { Permission } from '../access/permissions.js';
import { User } from '../users/user.entity.js';

export interface CountFilter {
  categoryId?: string;
  authorId?: string;
  /** Only stories this user created or is credited on (callers without article.edit.any), as the list does. */
  touchableBy?: string;
}

/** Holding any of these makes a user someone who writes stories. */
const WRITER_PERMISSIONS: readonly Permission[] = [Permission.ArticleCreate, Permission.ArticleEditOwn, Permission.ArticleEditAny];

/** At most this many people: a newsroom's staff fits in one answer. */
const PEOPLE_LIMIT = 1000;

@Injectable()
export class DeskRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async countByStatus(filter: CountFilter): Promise<Record<ArticleStatus, number>> {
    const qb = this.dataSource.getRepository(Article).createQueryBuilder('a').select('a.status', 'status').addSelect('count(*)::int', 'count');
    if (filter.touchableBy) qb.andWhere('(a.created_by_id = :me OR :me = ANY(a.author_ids))', { me: filter.touchableBy });
    if (filter.categoryId) qb.andWhere('a.category_id = :categoryId', { categoryId: filter.categoryId });
    if (filter.authorId) qb.andWhere(':authorId = ANY(a.author_ids)', { authorId: filter.authorId });
    const rows = await qb.groupBy('a.status').getRawMany<{ status: ArticleStatus; count: number }>();
    const counts = Object.fromEntries(ARTICLE_STATUSES.map((s) => [s, 0])) as Record<ArticleStatus, number>;
    for (const row of rows) counts[row.status] = row.count;
    return counts;
  }

  /** Active users whose roles let them write stories, by name. */
  people(q: string | undefined): Promise<Array<Pick<User, 'id' | 'displayName'>>> {
    const qb = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .select(['u.id', 'u.displayName'])
      .where('u.active')
      .andWhere(`EXISTS (SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = u.id AND r.permissions && :writer::text[])`, {
        writer: WRITER_PERMISSIONS,
      });
    if (q?.trim()) qb.andWhere(`u.display_name ILIKE :pattern ESCAPE '\\'`, { pattern: `%${q.trim().replace(/[\\%_]/g, '\\$&')}%` });
    return qb.orderBy('u.display_name', 'ASC').addOrderBy('u.id', 'ASC').take(PEOPLE_LIMIT).getMany();
  }
}
