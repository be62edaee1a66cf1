// The sitemaps' queries over the live versions: per-month counts for the index (one aggregate),
// one month's URLs in publication order (a range of the newest-first index), and the last 48 hours.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryPrepared } from '../../database/prepared.js';

export interface SitemapMonth {
  /** `YYYY-MM`, UTC. */
  month: string;
  stories: number;
  lastmod: Date;
}

export interface SitemapStory {
  slug: string;
  section_slug: string | null;
  published_at: Date;
  updated_at: Date;
}

export interface NewsStory extends SitemapStory {
  headline: string;
  language: string;
}

@Injectable()
export class SitemapRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  months(): Promise<SitemapMonth[]> {
    return queryPrepared<SitemapMonth>(
      this.dataSource,
      `SELECT to_char(date_trunc('month', published_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, count(*)::int AS stories, max(updated_at) AS lastmod
       FROM published_article GROUP BY 1 ORDER BY 1`,
      [],
      'replica',
    );
  }

  /** Stories first published in [from, to), oldest first, `limit` of them after skipping `offset`. */
  month(from: Date, to: Date, offset: number, limit: number): Promise<SitemapStory[]> {
    return queryPrepared<SitemapStory>(
      this.dataSource,
      `SELECT p.slug, c.slug AS section_slug, p.published_at, p.updated_at
       FROM published_article p LEFT JOIN category c ON c.id = p.category_id
       WHERE p.published_at >= $1 AND p.published_at < $2
       ORDER BY p.published_at, p.article_id OFFSET $3 LIMIT $4`,
      [from, to, offset, limit],
      'replica',
    );
  }

  /** Stories first published within the last `hours`, newest first. */
  recent(hours: number, limit: number): Promise<NewsStory[]> {
    return queryPrepared<NewsStory>(
      this.dataSource,
      `SELECT p.slug, c.slug AS section_slug, p.published_at, p.updated_at, p.headline, p.language
       FROM published_article p LEFT JOIN category c ON c.id = p.category_id
       WHERE p.published_at > now() - make_interval(hours => $1::int)
       ORDER BY p.published_at DESC, p.article_id DESC LIMIT $2`,
      [hours, limit],
      'replica',
    );
  }
}
