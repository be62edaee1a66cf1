// The public side's queries: one indexed query on published_article per list page or story, joined
// to the (small) category table for the section's name. Only the columns readers see are selected.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ResolvedBlock, ResolvedPhoto } from '../articles/photos.js';
import { queryPrepared } from '../database/prepared.js';
import type { PublishedAuthor } from '../articles/published-article.entity.js';
import type { Correction } from '../articles/revision-diff.js';

export interface ContentListFilter {
  /** The section and its sub-sections. */
  categoryIds?: string[];
  tag?: string;
  /** Keyset position: the last story of the previous page. */
  after?: { publishedAt: string; articleId: string };
  limit: number;
  /** Whole stories (body, corrections, SEO), as feeds need; else the list's summary columns. */
  full?: boolean;
}

export interface ContentRow {
  article_id: string;
  slug: string;
  headline: string;
  subheadline: string | null;
  dateline: string | null;
  language: string;
  excerpt: string | null;
  featured_image: ResolvedPhoto | null;
  tags: string[];
  authors: PublishedAuthor[];
  byline: string | null;
  published_at: Date;
  updated_at: Date;
  category_name: string | null;
  category_slug: string | null;
  body?: ResolvedBlock[];
  corrections?: Correction[];
  seo_title?: string | null;
  seo_description?: string | null;
  canonical_url?: string | null;
  social_image?: ResolvedPhoto | null;
}

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

const SUMMARY_COLUMNS = `p.article_id, p.slug, p.headline, p.subheadline, p.dateline, p.language, p.excerpt, p.featured_image,
  p.tags, p.authors, p.byline, p.published_at, p.updated_at, c.name AS category_name, c.slug AS category_slug`;
const FULL_COLUMNS = `${SUMMARY_COLUMNS}, p.body, p.corrections, p.seo_title, p.seo_description, p.canonical_url, p.social_image`;

@Injectable()
export class ContentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Newest first by first publication; ties broken by id so pages never overlap or skip. A section
   * filter reads each section's (category_id, published_at) index for at most one page, then merges:
   * `category_id = ANY(…)` alone would lose the index order and scan the newest-first index instead.
   */
  buildListQuery(filter: ContentListFilter): SqlQuery {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (filter.tag !== undefined) where.push(`p.tags @> ARRAY[${param(filter.tag)}]::text[]`);
    if (filter.after)
      where.push(`(p.published_at, p.article_id) < (${param(filter.after.publishedAt)}::timestamptz, ${param(filter.after.articleId)}::uuid)`);
    const limit = param(filter.limit);
    const order = 'ORDER BY p.published_at DESC, p.article_id DESC';
    const columns = filter.full ? FULL_COLUMNS : SUMMARY_COLUMNS;
    if (!filter.categoryIds) {
      const sql = `SELECT ${columns} FROM published_article p LEFT JOIN category c ON c.id = p.category_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${order} LIMIT ${limit}`;
      return { sql, params };
    }
    where.unshift('p.category_id = s.id');
    const sql = `SELECT ${columns}
      FROM unnest(${param(filter.categoryIds)}::uuid[]) AS s(id)
      CROSS JOIN LATERAL (SELECT * FROM published_article p WHERE ${where.join(' AND ')} ${order} LIMIT ${limit}) p
      LEFT JOIN category c ON c.id = p.category_id
      ${order} LIMIT ${limit}`;
    return { sql, params };
  }

  buildBySlugQuery(slug: string): SqlQuery {
    return {
      sql: `SELECT ${FULL_COLUMNS} FROM published_article p LEFT JOIN category c ON c.id = p.category_id WHERE p.slug = $1`,
      params: [slug],
    };
  }

  // Prepared statements: the public routes are the hottest there are (see database/prepared.ts);
  // a streaming replica may answer them (database/read-replicas.ts).
  async list(filter: ContentListFilter): Promise<ContentRow[]> {
    const { sql, params } = this.buildListQuery(filter);
    return queryPrepared<ContentRow>(this.dataSource, sql, params, 'replica');
  }

  /**
   * Photos that no public response may show now: those an embargoed story's working copy uses, even
   * where a published story shows them too. Few rows, through the partial index of embargoed stories.
   */
  async embargoedPhotos(): Promise<{ photos: Set<string>; nextLift: Date | null }> {
    const rows = await queryPrepared<{ media_id: string; until: Date }>(
      this.dataSource,
      `SELECT am.media_id, min(a.embargo_until) AS until FROM article a JOIN article_media am ON am.article_id = a.id
       WHERE a.embargo_until IS NOT NULL AND a.embargo_until > now() AND a.deleted_at IS NULL GROUP BY am.media_id`,
      [],
      'replica',
    );
    const lifts = rows.map((r) => r.until.getTime());
    return { photos: new Set(rows.map((r) => r.media_id)), nextLift: lifts.length ? new Date(Math.min(...lifts)) : null };
  }

  async bySlug(slug: string): Promise<ContentRow | null> {
    const { sql, params } = this.buildBySlugQuery(slug);
    const rows = await queryPrepared<ContentRow>(this.dataSource, sql, params, 'replica');
    return rows[0] ?? null;
  }
}
