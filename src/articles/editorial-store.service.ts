// The only code that writes a story's working copy or its live version. Each write announces itself
// on the editorial event bus inside its transaction, so what derives from stories (the search index,
// the public response cache, webhooks) can neither miss a write nor commit without it.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LiveCause, PhotoChanged, SectionMerged, WithdrawCause } from '../events/editorial-events.js';
import { EditorialEventBus, OnEditorialEvent } from '../events/editorial-event-bus.js';
import { MediaLookupService } from '../media/media-lookup.service.js';
import { ArticleMedia } from './article-media.entity.js';
import type { RevisionReason } from './article-revision.entity.js';
import { Article } from './article.entity.js';
import { ArticlesRepository, type NewRevision } from './articles.repository.js';
import { effectiveExcerpt } from './excerpt.js';
import { photoUses, resolveBody, resolveFeaturedImage } from './photos.js';
import { PublishedArticle } from './published-article.entity.js';
import { normaliseSnapshot } from './editorial-rules.js';
import type { Correction, EditorialSnapshot } from './revision-diff.js';
import { columnsOf, snapshotOf } from './snapshot.js';

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

@Injectable()
export class EditorialStore {
  constructor(
    private readonly repository: ArticlesRepository,
    private readonly media: MediaLookupService,
    private readonly events: EditorialEventBus,
  ) {}

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
    const saved = await this.write(manager, article, { ...columnsOf(snapshot), ...state, currentRevision: number }, { number, snapshot, ...meta });
    // Revision 0 is create's bare insert, whose photo rows are not written yet.
    if (article.currentRevision === 0 || !samePhotos(article, snapshot)) await this.syncPhotoRows(manager, article.id, false, snapshot);
    await this.events.emit(manager, { type: 'story.revised', articleId: article.id, revision: number });
    return saved;
  }

  /** A change of workflow state only (no new revision); bumps the version. */
  updateState(manager: EntityManager, article: Article, state: ArticleState): Promise<Article> {
    return this.write(manager, article, state);
  }

  /**
   * Writes `changes` and the next version to the locked story (appending `revision` with them) and
   * returns the story as it now is: what it was, with the changes and the database's new updatedAt.
   */
  private async write(manager: EntityManager, article: Article, changes: Partial<Article>, revision?: NewRevision): Promise<Article> {
    const version = article.version + 1;
    const updatedAt = await this.repository.update(manager, article.id, { ...changes, version }, revision);
    return Object.assign(new Article(), article, asStored(changes), { version, updatedAt });
  }

  /**
   * Makes `snapshot` what readers see, with photo words resolved now. Needs publishedAt and
   * liveUpdatedAt set. `firstPublication`: no live version exists yet (looked up when not given).
   */
  async writeLiveVersion(
    manager: EntityManager,
    article: Article,
    snapshot: EditorialSnapshot,
    options: { cause?: LiveCause; firstPublication?: boolean } = {},
  ): Promise<void> {
    const cause = options.cause ?? 'publish';
    const publishedAt = article.publishedAt ?? new Date();
    const firstPublication = options.firstPublication ?? (await this.repository.liveSlug(manager, article.id)) === null;
    const row = await this.liveRow(manager, article.id, snapshot, publishedAt, article.liveUpdatedAt ?? publishedAt);
    await this.repository.writeLive(manager, row, photoIds(snapshot));
    await this.events.emit(manager, { type: 'story.published', articleId: article.id, firstPublication, cause });
  }

  /**
   * Appends a correction to a live story: a `correction` revision of the working copy (its other
   * edits, unpublished ones included, stay as they are) and, at once, the live version's corrections,
   * without publishing anything else. The caller holds the row lock and has checked the story is live.
   */
  async appendCorrection(manager: EntityManager, article: Article, correction: Correction, authorId: string | null): Promise<Article> {
    const now = new Date(correction.at);
    const snapshot = { ...snapshotOf(article), corrections: [...article.corrections, correction] };
    const saved = await this.saveWorkingCopy(manager, article, snapshot, { reason: 'correction', note: correction.text, authorId }, { liveUpdatedAt: now });
    await manager.update(PublishedArticle, { articleId: article.id }, { corrections: snapshot.corrections, updatedAt: now });
    await this.events.emit(manager, { type: 'story.published', articleId: article.id, firstPublication: false, cause: 'correction' });
    return saved;
  }

  /** Announces an editor's change of embargo (set, moved or lifted), made with the story's other state. */
  async announceEmbargo(manager: EntityManager, articleId: string, embargoUntil: Date | null): Promise<void> {
    await this.events.emit(manager, { type: 'story.embargo-changed', articleId, embargoUntil: embargoUntil?.toISOString() ?? null });
  }

  /**
   * What readers would see of this working copy if it were published now, photo words resolved, not
   * stored anywhere: for previews. `publishedAt` is the first publication, or now for a story never published.
   */
  async renderWorkingCopy(manager: EntityManager, article: Article): Promise<PublishedArticle> {
    const now = new Date();
    return this.liveRow(manager, article.id, snapshotOf(article), article.publishedAt ?? now, now);
  }

  /** Takes the story off the public side (unpublish, archive, delete); nothing happens when it was not live. */
  async removeLiveVersion(manager: EntityManager, articleId: string, cause: WithdrawCause): Promise<void> {
    const removed = await this.repository.deleteLiveVersion(manager, articleId);
    await manager.delete(ArticleMedia, { articleId, published: true });
    if (removed) await this.events.emit(manager, { type: 'story.withdrawn', articleId, ...removed, cause });
  }

  /** Forgets which photos a deleted story used, so the library may delete them. */
  async removePhotoRows(manager: EntityManager, articleId: string): Promise<void> {
    await manager.delete(ArticleMedia, { articleId });
  }

  /**
   * A photo's caption, credit or file changed: the live versions that show it re-resolve its words
   * and renditions in the same transaction, so readers never see the library and a story disagree.
   */
  @OnEditorialEvent('photo.changed')
  async refreshLiveVersionsUsingMedia(event: PhotoChanged, manager: EntityManager): Promise<void> {
    if (event.mediaIds.length === 0) return;
    const now = new Date();
    for (const story of await this.repository.liveVersionsUsingMedia(manager, event.mediaIds)) {
      // The live section may differ from the pinned snapshot's (a merged section's stories were moved).
      const snapshot = { ...story.snapshot, categoryId: story.category_id, corrections: story.corrections };
      await manager.upsert(PublishedArticle, await this.liveRow(manager, story.article_id, snapshot, story.published_at, now), ['articleId']);
      await this.events.emit(manager, { type: 'story.published', articleId: story.article_id, firstPublication: false, cause: 'photo' });
    }
  }

  /** A section merged into another: its stories, working copies and live versions, move with it. */
  @OnEditorialEvent('section.merged')
  async refileMergedSection(event: SectionMerged, manager: EntityManager): Promise<void> {
    for (const story of await this.repository.refileSection(manager, event.categoryId, event.into, event.actorId, event.note)) {
      await this.events.emit(manager, { type: 'story.revised', articleId: story.id, revision: story.revision });
      if (story.live) await this.events.emit(manager, { type: 'story.published', articleId: story.id, firstPublication: false, cause: 'section' });
    }
  }

  private async liveRow(
    manager: EntityManager,
    articleId: string,
    pinned: EditorialSnapshot,
    publishedAt: Date,
    updatedAt: Date,
  ): Promise<PublishedArticle> {
    // A pinned snapshot may predate the SEO fields and corrections: normalising fills them in.
    const s = normaliseSnapshot(pinned);
    const assets = await this.media.findByIds(
      photoUses(s).map((u) => u.mediaId),
      manager,
    );
    const names = (await this.repository.names([], s.authors, manager)).staff;
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
      seoTitle: s.seoTitle,
      seoDescription: s.seoDescription,
      canonicalUrl: s.canonicalUrl,
      socialImage: s.socialImage ? resolveFeaturedImage({ mediaId: s.socialImage }, assets) : null,
      corrections: s.corrections,
      publishedAt,
      updatedAt,
    });
  }

  private syncPhotoRows(manager: EntityManager, articleId: string, published: boolean, snapshot: EditorialSnapshot): Promise<void> {
    return this.repository.syncPhotoRows(manager, articleId, published, photoIds(snapshot));
  }
}

const lower = (id: string) => id.toLowerCase();

/** Column values as PostgreSQL hands them back: uuid columns in lower case, whatever case was sent. */
function asStored(changes: Partial<Article>): Partial<Article> {
  const stored = { ...changes };
  if (typeof stored.categoryId === 'string') stored.categoryId = lower(stored.categoryId);
  if (typeof stored.socialImage === 'string') stored.socialImage = lower(stored.socialImage);
  if (stored.authorIds) stored.authorIds = stored.authorIds.map(lower);
  return stored;
}

/** The photos a story uses, each once, in a stable order. */
const photoIds = (story: Parameters<typeof photoUses>[0]) => [...new Set(photoUses(story).map((u) => u.mediaId))].sort();

/** Whether two versions of a story use the same photos (so its photo rows stay as they are). */
const samePhotos = (a: Parameters<typeof photoUses>[0], b: Parameters<typeof photoUses>[0]) => photoIds(a).join() === photoIds(b).join();
