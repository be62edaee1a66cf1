// Turns one parsed page into stories inside the caller's transaction: the page's story (photos as
// placeholder assets holding their caption and credit) and a draft per teaser.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor, ArticleInput } from '../articles/article-input.js';
import type { Article, ArticleSource } from '../articles/article.entity.js';
import { ArticleWorkflowService } from '../articles/article-workflow.service.js';
import { ArticlesService } from '../articles/articles.service.js';
import type { BodyBlock } from '../articles/revision-diff.js';
import { CategoriesService } from '../categories/categories.service.js';
import type { Category } from '../categories/category.entity.js';
import { ProblemException } from '../common/problem.js';
import { MediaLookupService } from '../media/media-lookup.service.js';
import { ImportRepository } from './import.repository.js';
import { detectLanguage } from './parser/language.js';
import type { BodyBlock as ParsedBlock, ParsedPage, PhotoCaption, Teaser } from './parser/parsed-page.js';

export interface PageWrite {
  parsed: ParsedPage;
  source: ArticleSource;
  category: string;
  actor: Actor;
  /** Publish the story at once (initial content); otherwise it stays a draft for an editor. */
  publish: boolean;
}

export interface WrittenPage {
  story: Article;
  teaserArticleIds: string[];
  teasersSkipped: number;
  warnings: string[];
}

@Injectable()
export class PageWriter {
  constructor(
    private readonly articles: ArticlesService,
    private readonly workflow: ArticleWorkflowService,
    private readonly categories: CategoriesService,
    private readonly media: MediaLookupService,
    private readonly repository: ImportRepository,
  ) {}

  async write(manager: EntityManager, page: PageWrite): Promise<WrittenPage> {
    const sections = await this.sections(manager, page);
    const warnings: string[] = [];
    let story = await this.createStory(manager, page, sections);
    if (page.publish) story = await this.publishOrKeepDraft(manager, story, warnings);
    const teasers = await this.createTeasers(manager, page, sections);
    return { story, ...teasers, warnings };
  }

  /**
   * Every section the page names, found or created in name order: section locks are then always
   * taken in the same order, whatever order the page lists them in.
   */
  private async sections(manager: EntityManager, page: PageWrite): Promise<Map<string, Category>> {
    const names = [page.category, ...page.parsed.teasers.map((t) => t.category ?? page.category)];
    const byName = new Map<string, Category>();
    for (const name of [...new Set(names)].sort()) byName.set(name, await this.categories.findOrCreateByName(name, manager, page.actor));
    return byName;
  }

  private async createStory(manager: EntityManager, page: PageWrite, sections: Map<string, Category>): Promise<Article> {
    const { parsed } = page;
    const input: ArticleInput & { headline: string } = {
      headline: parsed.headline,
      subheadline: parsed.subheadline,
      dateline: parsed.dateline,
      language: parsed.language,
      byline: parsed.byline,
      excerpt: parsed.excerpt || null,
      body: await this.body(manager, parsed.body, page),
      featuredImage: parsed.featuredImage ? { mediaId: await this.placeholder(manager, parsed.featuredImage, page) } : null,
      categoryId: sections.get(page.category)?.id ?? null,
    };
    return this.articles.createInTransaction(manager, input, { actor: page.actor, reason: 'import', source: page.source });
  }

  /** Image blocks point at new placeholders; the caption and credit are the photo's own, not overrides. */
  private async body(manager: EntityManager, blocks: readonly ParsedBlock[], page: PageWrite): Promise<BodyBlock[]> {
    const body: BodyBlock[] = [];
    for (const block of blocks) {
      body.push(block.type === 'image' ? { type: 'image', mediaId: await this.placeholder(manager, block, page) } : block);
    }
    return body;
  }

  private async placeholder(manager: EntityManager, photo: PhotoCaption, page: PageWrite): Promise<string> {
    const asset = await this.media.createPlaceholder(
      { caption: photo.caption, credit: photo.credit, source: page.source.filename },
      page.actor,
      manager,
    );
    return asset.id;
  }

  /**
   * A story readers must not see as it is (a photo without a credit when credits are required,
   * a slug already live) stays a draft with a warning: the page is still imported.
   */
  private async publishOrKeepDraft(manager: EntityManager, story: Article, warnings: string[]): Promise<Article> {
    try {
      return await this.workflow.publishAsSystem(manager, story.id);
    } catch (error) {
      if (!(error instanceof ProblemException) || error.getStatus() !== 409) throw error;
      warnings.push(`The story was kept as a draft instead of being published: ${error.detail}`);
      return story;
    }
  }

  /** Teasers repeat across pages (the same trending box); one whose headline a story already has is skipped. */
  private async createTeasers(
    manager: EntityManager,
    page: PageWrite,
    sections: Map<string, Category>,
  ): Promise<Pick<WrittenPage, 'teaserArticleIds' | 'teasersSkipped'>> {
    const teaserArticleIds: string[] = [];
    let teasersSkipped = 0;
    for (const teaser of page.parsed.teasers) {
      if (await this.repository.headlineTaken(manager, teaser.title)) {
        teasersSkipped += 1;
        continue;
      }
      const category = sections.get(teaser.category ?? page.category);
      const draft = await this.articles.createInTransaction(manager, teaserInput(teaser, category?.id ?? null), {
        actor: page.actor,
        reason: 'import',
        source: page.source,
      });
      teaserArticleIds.push(draft.id);
    }
    return { teaserArticleIds, teasersSkipped };
  }
}

/** A draft for an editor to complete: the teaser's words are all the page has of that story. */
function teaserInput(teaser: Teaser, categoryId: string | null): ArticleInput & { headline: string } {
  return {
    headline: teaser.title,
    language: detectLanguage(`${teaser.title}\n${teaser.excerpt ?? ''}`),
    excerpt: teaser.excerpt,
    body: teaser.excerpt ? [{ type: 'paragraph', text: teaser.excerpt }] : [],
    categoryId,
    tags: teaser.tag ? [teaser.tag] : [],
  };
}
