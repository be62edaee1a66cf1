// A whole story as the content API gives it: the reader's fields in the view's script, its reader-site
// URL, the effective SEO fields and the NewsArticle JSON-LD. Feeds, ninjs and previews start from it.
import { Injectable } from '@nestjs/common';
import { storySeo } from '../distribution/seo/story-seo.js';
import { SiteLinks } from '../distribution/site-links.js';
import { toContentArticleBase, toContentPhoto } from './content.mapper.js';
import type { ContentRow } from './content.repository.js';
import type { ContentView } from './content-view.js';
import type { ContentArticleDto } from './dto/content.dto.js';

/** The story and, beside it (not in the JSON), its page on the reader site. */
export type PresentedStory = ContentArticleDto & { url: string };

@Injectable()
export class StoryPresenter {
  constructor(private readonly links: SiteLinks) {}

  present(row: ContentRow, view: ContentView): PresentedStory {
    const t = view.textFor(row.language);
    const base = toContentArticleBase(row, view);
    const url = this.links.story({ slug: row.slug, sectionSlug: row.category_slug, publishedAt: row.published_at });
    const seo = storySeo(
      base,
      {
        seoTitle: row.seo_title ? t(row.seo_title) : null,
        seoDescription: row.seo_description ? t(row.seo_description) : null,
        canonicalUrl: row.canonical_url ?? null,
        socialImage: row.social_image ? toContentPhoto(row.social_image, t, view) : null,
      },
      { url, publicationName: this.links.publicationName, siteUrl: this.links.siteUrl, absolute: (path) => this.links.public(path) },
    );
    const story: ContentArticleDto = { ...base, ...seo };
    // `url` is not enumerable, so JSON.stringify leaves it out of the content API's answer.
    return Object.defineProperty(story, 'url', { value: url, enumerable: false }) as PresentedStory;
  }
}
