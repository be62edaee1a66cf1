// The only code that writes a story's working copy or its live version. Search indexing (and any
// other derived data) hooks in here, so no write path can forget it.
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { CategoriesService } from '../categories/categories.service.js';
import { PublishedArticle } from './published-article.entity.js';
import { MediaLookupService } from '../media/media-lookup.service.js';
import { User } from '../users/user.entity.js';
import { ArticleMedia } from './article-media.entity.js';
import { ArticleRevision, type RevisionReason } from './article-revision.entity.js';
import { Article } from './article.entity.js';
import { ArticlesRepository } from './articles.repository.js';
import { effectiveExcerpt } from './excerpt.js';
import { photoUses, resolveBody, resolveFeaturedImage } from './photos.js';
import type { EditorialSnapshot } from './revision-diff.js';
import { columnsOf } from './snapshot.js';
import { notifyContentChanged } from '../common/content-changes.js';

export interface RevisionMeta {
  reason: RevisionReason;
  note: string | null;
  /** Null for the system (scheduled publishing). */
  authorId: string | null;
}

/** Non-editorial columns a write may change along with (or instead of) the working copy. */
export type ArticleState = Partial<
  Pick<Article, 'status' | 'publishedRevision' | 'publishedAt' | 'liveUpdatedAt' | 'scheduledAt' | 'embargoUntil' | 'reviewNote' | 'deletedAt'>
>;

/** Called inside the writing transaction; a hook that throws rolls the write back. */
export interface ArticleIndexHook {
  workingCopySaved?(manager: EntityManager, article: Article): Promise<void>;
  liveVersionWritten?(manager: EntityManager, articleId: string): Promise<void>;
  liveVersionRemoved?(manager: EntityManager, articleId: string): Promise<void>;
}

@Injectable()
export class EditorialStore implements OnModuleInit {
  private readonly hooks: ArticleIndexHook[] = [];

  constructor(
    private readonly repository: ArticlesRepository,
    private readonly media: MediaLookupService,
    private readonly categories: CategoriesService,
  ) {}

  /**
   * Live versions carry each photo's effective words and renditions: kept in step with the library.
   * Stories refiled in bulk when their section is deleted are announced to the hooks.
   */
  onModuleInit(): void {
    this.media.onAssetsChanged((mediaIds, manager) => this.refreshLiveVersionsUsingMedia(mediaIds, manager));
    this.categories.onArticlesMoved((articleIds, manager) => this.announceRefiled(articleIds, manager));
  }

  /** For modules that keep derived data (the search index): call from their onModuleInit. */
  registerHook(hook: ArticleIndexHook): void {
    this.hooks.push(hook);
  }

  /** Every revision-creating write makes its new revision the current one, so this is the next number. */
  nextRevisionNumber(article: Pick<Article, 'currentRevision'>): number {
    return article.currentRevision + 1;
  }

  /**
   * Appends revision `nextRevisionNumber(article)` holding `snapshot`, mirrors it into the working
   * copy with `state`, rewrites the working copy's photo rows and bumps the version. The caller
   * holds the row lock (ArticlesRepository.lockActive) and has validated the snapshot.
   */
  async saveWorkingCopy(
    manager: EntityManager,
    article: Article,
    snapshot: EditorialSnapshot,
    meta: RevisionMeta,
    state: ArticleState = {},
  ): Promise<Article> {
    const number = this.nextRevisionNumber(article);
    await manager.insert(ArticleRevision, { articleId: article.id, number, snapshot, reason: meta.reason, note: meta.note, authorId: meta.authorId });
    await manager.update(Article, { id: article.id }, { ...columnsOf(snapshot), ...state, currentRevision: number, version: article.version + 1 });
    await this.rewritePhotoRows(manager, article.id, false, snapshot);
    const saved = await this.repository.reload(manager, article.id);
    for (const hook of this.hooks) await hook.workingCopySaved?.(manager, saved);
    return saved;
  }

  /** A change of workflow state only (no new revision); bumps the version. */
  async updateState(manager: EntityManager, article: Article, state: ArticleState): Promise<Article> {
    await manager.update(Article, { id: article.id }, { ...state, version: article.version + 1 });
    return this.repository.reload(manager, article.id);
  }

  /** Makes `snapshot` what readers see, with photo words resolved now. Needs publishedAt and liveUpdatedAt set. */
  async writeLiveVersion(manager: EntityManager, article: Article, snapshot: EditorialSnapshot): Promise<void> {
    const publishedAt = article.publishedAt ?? new Date();
    const row = await this.liveRow(manager, article.id, snapshot, publishedAt, article.liveUpdatedAt ?? publishedAt);
    await manager.upsert(PublishedArticle, row, ['articleId']);
    await this.rewritePhotoRows(manager, article.id, true, snapshot);
    await notifyContentChanged(manager);
    for (const hook of this.hooks) await hook.liveVersionWritten?.(manager, article.id);
  }

  /** Takes the story off the public side (unpublish, archive, delete). */
  async removeLiveVersion(manager: EntityManager, articleId: string): Promise<void> {
    await manager.delete(PublishedArticle, { articleId });
    await manager.delete(ArticleMedia, { articleId, published: true });
    await notifyContentChanged(manager);
    for (const hook of this.hooks) await hook.liveVersionRemoved?.(manager, articleId);
  }

  /** Forgets which photos a deleted story used, so the library may delete them. */
  async removePhotoRows(manager: EntityManager, articleId: string): Promise<void> {
    await manager.delete(ArticleMedia, { articleId });
  }

  /**
   * Re-resolves the live versions that show these photos, after a photo's caption, credit or file
   * changed (for the media library to call in its transaction). Returns how many stories changed.
   */
  async refreshLiveVersionsUsingMedia(mediaIds: readonly string[], manager: EntityManager): Promise<number> {
    if (mediaIds.length === 0) return 0;
    const live: Array<{ article_id: string; published_at: Date; category_id: string | null; snapshot: EditorialSnapshot }> = await manager.query(
      `SELECT p.article_id, p.published_at, p.category_id, r.snapshot
       FROM published_article p
       JOIN article a ON a.id = p.article_id
       JOIN article_revision r ON r.article_id = a.id AND r.number = a.published_revision
       WHERE p.article_id IN (SELECT article_id FROM article_media WHERE published AND media_id = ANY($1::uuid[]))`,
      [mediaIds],
    );
    const now = new Date();
    if (live.length > 0) await notifyContentChanged(manager);
    for (const story of live) {
      // The live section may differ from the pinned snapshot's (a deleted section's stories were moved).
      const snapshot = { ...story.snapshot, categoryId: story.category_id };
      await manager.upsert(PublishedArticle, await this.liveRow(manager, story.article_id, snapshot, story.published_at, now), ['articleId']);
      for (const hook of this.hooks) await hook.liveVersionWritten?.(manager, story.article_id);
    }
    return live.length;
  }

  /** Runs the hooks for stories whose working copy (and live version) changed section outside this store. */
  private async announceRefiled(articleIds: readonly string[], manager: EntityManager): Promise<void> {
    for (const id of articleIds) {
      const article = await this.repository.reload(manager, id);
      for (const hook of this.hooks) await hook.workingCopySaved?.(manager, article);
      if (article.publishedRevision !== null) for (const hook of this.hooks) await hook.liveVersionWritten?.(manager, id);
    }
  }

  private async liveRow(
    manager: EntityManager,
    articleId: string,
    s: EditorialSnapshot,
    publishedAt: Date,
    updatedAt: Date,
  ): Promise<PublishedArticle> {
    const assets = await this.media.findByIds(
      photoUses(s).map((u) => u.mediaId),
      manager,
    );
    const staff = s.authors.length ? await manager.getRepository(User).findBy({ id: In(s.authors) }) : [];
    const names = new Map(staff.map((u) => [u.id, u.displayName]));
    return Object.assign(new PublishedArticle(), {
      articleId,
      slug: s.slug,
      headline: s.headline,
      subheadline: s.subheadline,
      dateline: s.dateline,
      language: s.language,
      body: resolveBody(s.body, assets),
      excerpt: effectiveExcerpt(s.excerpt, s.body),
      featuredImage: resolveFeaturedImage(s.featuredImage, assets),
      categoryId: s.categoryId,
      tags: s.tags,
      authors: s.authors.filter((id) => names.has(id)).map((id) => ({ id, displayName: names.get(id) as string })),
      byline: s.byline,
      publishedAt,
      updatedAt,
    });
  }

  private async rewritePhotoRows(manager: EntityManager, articleId: string, published: boolean, snapshot: EditorialSnapshot): Promise<void> {
    await manager.delete(ArticleMedia, { articleId, published });
    const mediaIds = [...new Set(photoUses(snapshot).map((u) => u.mediaId))];
    if (mediaIds.length)
      await manager.insert(
        ArticleMedia,
        mediaIds.map((mediaId) => ({ articleId, mediaId, published })),
      );
  }
}
