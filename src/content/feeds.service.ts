// RSS, Atom and JSON Feed of the newest published stories, for the whole site or a section with its
// sub-sections: the content API's stories (same script variant, same embargo rules) in feed form,
// cached like every public response.
import { Injectable } from '@nestjs/common';
import { CategoriesService } from '../categories/categories.service.js';
import { NotFoundProblem } from '../common/problem.js';
import { buildFeed, FEED_MEDIA_TYPE, type FeedFormat } from '../distribution/feeds/feed-builder.js';
import { SiteLinks } from '../distribution/site-links.js';
import type { ScriptVariant } from '../distribution/variants/script-variants.js';
import { ContentCache, type CachedResponse } from './content-cache.service.js';
import { contentEtag } from './content.mapper.js';
import { ContentRepository } from './content.repository.js';
import { ContentViews } from './content-views.js';
import { StoryPresenter } from './story-presenter.js';

/** How many stories a feed carries. */
export const FEED_SIZE = 50;

const FILE: Record<FeedFormat, string> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };

@Injectable()
export class FeedsService {
  constructor(
    private readonly repository: ContentRepository,
    private readonly categories: CategoriesService,
    private readonly cache: ContentCache,
    private readonly views: ContentViews,
    private readonly stories: StoryPresenter,
    private readonly links: SiteLinks,
  ) {}

  /** The feed of the whole site, or of section `sectionSlug` (404 for an unknown one). */
  feed(format: FeedFormat, sectionSlug: string | undefined, variant: ScriptVariant | undefined, key: string): Promise<CachedResponse> {
    return this.cache.get(key, async () => {
      const section = sectionSlug === undefined ? undefined : await this.section(sectionSlug);
      const rows = await this.repository.list({ categoryIds: section?.ids, limit: FEED_SIZE, full: true });
      const view = await this.views.view(variant);
      const stories = rows.map((row) => this.stories.present(row, view));
      const name = this.links.publicationName;
      const title = section ? `${name} · ${view.textFor('zh-Hans')(section.name)}` : name;
      const query = variant ? `?variant=${variant}` : '';
      const base = section ? `/feeds/sections/${encodeURIComponent(section.slug)}` : '/feeds';
      const self = Object.fromEntries((Object.keys(FILE) as FeedFormat[]).map((f) => [f, this.links.public(`${base}/${FILE[f]}${query}`)])) as Record<FeedFormat, string>;
      const language = variant ?? stories[0]?.language ?? null;
      const body = buildFeed(format, { title, link: this.links.siteUrl, self, language }, stories.map((story) => ({ story, url: story.url })), (path) =>
        this.links.public(path),
      );
      const etag = this.views.etag(contentEtag(format, key, ...rows.flatMap((r) => [r.article_id, r.updated_at.toISOString()])), view);
      return { body, etag, contentType: FEED_MEDIA_TYPE[format], ...(variant ? { language: variant } : {}) };
    });
  }

  private async section(slug: string): Promise<{ ids: string[]; name: string; slug: string }> {
    const ids = await this.categories.subtreeIdsBySlug(slug);
    const category = ids && (await this.categories.list()).find((c) => c.slug === slug);
    if (!ids || !category) throw new NotFoundProblem('The section');
    return { ids, name: category.name, slug };
  }
}
