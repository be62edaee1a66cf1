// The queries of the photo library that need SQL: the searchable, keyset-paged list, and which
// stories use a photo (tables owned by the articles module: article_media, article).
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { MediaAsset, type MediaStatus, type Rendition } from './media-asset.entity.js';
import type { MediaUse } from './media.problems.js';

/**
 * The text searched by `q`. Must stay identical to the expression of the trigram index
 * idx_media_search_trgm (migration MediaSearch) or PostgreSQL will not use the index.
 */
export const SEARCH_TEXT = `(coalesce(m.caption, '') || ' ' || coalesce(m.credit, '') || ' ' || coalesce(m.creator, '') || ' ' || coalesce(m.title, ''))`;

export interface MediaFilter {
  q?: string;
  status?: MediaStatus;
  mime?: string;
  limit: number;
  /** Sort key of the last row of the previous page. */
  after?: MediaCursor | null;
}

export interface MediaCursor {
  /** created_at to the microsecond, ISO 8601 in UTC (a JS Date would lose the microseconds). */
  at: string;
  id: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class MediaRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first; `next` is set when more rows follow. */
  async page(filter: MediaFilter): Promise<{ items: MediaAsset[]; next: MediaCursor | null }> {
    const qb = this.dataSource
      .getRepository(MediaAsset)
      .createQueryBuilder('m')
      .addSelect(`to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'cursor_at')
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(filter.limit + 1);
    if (filter.q) qb.andWhere(`${SEARCH_TEXT} ILIKE :pattern`, { pattern: `%${escapeLike(filter.q)}%` });
    if (filter.status) qb.andWhere('m.status = :status', { status: filter.status });
    if (filter.mime) qb.andWhere('m.mime = :mime', { mime: filter.mime });
    if (filter.after) qb.andWhere('(m.created_at, m.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))', filter.after);
    const { entities, raw } = await qb.getRawAndEntities<{ cursor_at: string }>();
    if (entities.length <= filter.limit) return { items: entities, next: null };
    const last = filter.limit - 1;
    return { items: entities.slice(0, filter.limit), next: { at: raw[last].cursor_at, id: entities[last].id } };
  }

  /** Every story (published or not, working copy or live) that uses the photo. */
  async usages(mediaId: string, manager: EntityManager = this.dataSource.manager): Promise<MediaUse[]> {
    const rows: Array<{ article_id: string; headline: string | null; status: string }> = await manager.query(
      `SELECT a.id AS article_id, a.headline, a.status
         FROM article a
        WHERE a.id IN (SELECT am.article_id FROM article_media am WHERE am.media_id = $1)
        ORDER BY a.id`,
      [mediaId],
    );
    return rows.map((r) => ({ articleId: r.article_id, headline: r.headline, status: r.status }));
  }

  /** Whether a published, live story shows the photo: only then are its renditions public. */
  /** Which of these assets exist, and every storage key (original and renditions) they refer to. */
  async storedKeysOf(assetIds: readonly string[]): Promise<{ known: Set<string>; referenced: Set<string> }> {
    const rows: Array<{ id: string; storage_key: string | null; renditions: Rendition[] }> = await this.dataSource.query(
      `SELECT id, storage_key, renditions FROM media_asset WHERE id = ANY($1::uuid[])`,
      [assetIds],
    );
    return {
      known: new Set(rows.map((r) => r.id)),
      referenced: new Set(rows.flatMap((r) => [...(r.storage_key ? [r.storage_key] : []), ...r.renditions.map((x) => x.storageKey)])),
    };
  }

  async isPublished(mediaId: string): Promise<boolean> {
    // A photo an embargoed story uses stays private until the embargo lifts, even where a published story shows it.
    const rows: Array<{ published: boolean }> = await this.dataSource.query(
      `SELECT EXISTS (
         SELECT 1 FROM article_media am JOIN article a ON a.id = am.article_id
          WHERE am.media_id = $1 AND am.published AND a.status = 'published' AND a.deleted_at IS NULL
       ) AND NOT EXISTS (
         SELECT 1 FROM article_media em JOIN article e ON e.id = em.article_id
          WHERE em.media_id = $1 AND e.embargo_until > now() AND e.deleted_at IS NULL
       ) AS published`,
      [mediaId],
    );
    return rows[0]?.published === true;
  }
}
