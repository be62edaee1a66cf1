// Absolute addresses for what leaves Masthead: a story's page on the reader site (readerUrl) and
// Masthead's own public routes (renditions, feeds, sitemaps) under PUBLIC_API_URL.
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { readerUrl } from './reader-urls.js';

export interface StoryAddress {
  slug: string;
  /** The section's slug, or null. */
  sectionSlug: string | null;
  /** First publication, ISO 8601 or a Date. */
  publishedAt: string | Date;
}

@Injectable()
export class SiteLinks {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get publicationName(): string {
    return this.config.publicSite.publicationName;
  }

  get siteUrl(): string {
    return this.config.publicSite.url;
  }

  /** The story's page on the reader site. */
  story(story: StoryAddress): string {
    const publishedAt = typeof story.publishedAt === 'string' ? new Date(story.publishedAt) : story.publishedAt;
    return readerUrl(this.config.publicSite, { slug: story.slug, sectionSlug: story.sectionSlug, publishedAt });
  }

  /** One of Masthead's public routes (`/media/…`, `/feeds/…`), absolute; absolute URLs pass through. */
  public(path: string): string {
    return /^https?:\/\//i.test(path) ? path : `${this.config.distribution.publicApiUrl}${path}`;
  }
}
