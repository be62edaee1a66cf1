// Where a story lives on the reader site, from PUBLIC_SITE_URL and ARTICLE_PATH_TEMPLATE: the one
// definition that feeds, sitemaps, webhook payloads and canonical links share.
import type { AppConfig } from '../config/config.js';

export interface StoryLocation {
  slug: string;
  /** The section's slug; stories without a section use `news`. */
  sectionSlug: string | null;
  /** First publication; the {yyyy}/{mm}/{dd} placeholders use it (in UTC). */
  publishedAt: Date;
}

const NO_SECTION = 'news';

/** The story's absolute URL on the reader site. Slugs are ASCII already; each part is still encoded. */
export function readerUrl(site: AppConfig['publicSite'], story: StoryLocation): string {
  const iso = story.publishedAt.toISOString();
  const parts: Record<string, string> = {
    slug: story.slug,
    section: story.sectionSlug ?? NO_SECTION,
    yyyy: iso.slice(0, 4),
    mm: iso.slice(5, 7),
    dd: iso.slice(8, 10),
  };
  const path = site.articlePath.replace(/\{(slug|section|yyyy|mm|dd)\}/g, (_, name: string) => encodeURIComponent(parts[name]));
  return `${site.url}${path}`;
}
