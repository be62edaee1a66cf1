// Applies the workflow table (workflow.ts) to a story: state, revision, live version, audit entry,
// all in one transaction under the story's row lock.
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { ConflictProblem, ForbiddenProblem, NotFoundProblem, ValidationProblem } from '../common/problem.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { MediaLookupService } from '../media/media-lookup.service.js';
import type { Actor } from './article-input.js';
import { ArticleReferences } from './article-references.service.js';
import type { Article } from './article.entity.js';
import { ArticlesRepository } from './articles.repository.js';
import { ArticlesService } from './articles.service.js';
import type { ArticleResponseDto } from './dto/article-response.dto.js';
import { EditorialStore } from './editorial-store.service.js';
import { actionsNow, earliestPublishTime } from './embargo.js';
import { photosMissingCredit, photoUses } from './photos.js';
import { snapshotOf } from './snapshot.js';
import { checkTransition, TRANSITIONS, type ArticleStatus, type WorkflowAction } from './workflow.js';

export interface ActionParams {
  note?: string;
  /** ISO 8601; `schedule` only. */
  publishAt?: string;
}

const auditAction = (action: WorkflowAction) => `article.${action.replace('-', '_')}`;

@Injectable()
export class ArticleWorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly articles: ArticlesService,
    private readonly repository: ArticlesRepository,
    private readonly store: EditorialStore,
    private readonly media: MediaLookupService,
    private readonly audit: AuditService,
    private readonly references: ArticleReferences,
  ) {}

  /**
   * Takes `action` on the story: 404 when the user may not touch it, 412 when `expectedVersion` is
   * stale, 403 without the action's permission, 409 (with `allowedActions`) when the state forbids it.
   */
  async apply(user: AuthUser, id: string, action: WorkflowAction, expectedVersion: number, params: ActionParams = {}): Promise<ArticleResponseDto> {
    const article = await this.dataSource.transaction(async (manager) => {
      const article = await this.articles.lockForWrite(manager, user, id, expectedVersion);
      const check = checkTransition(article.status, action, user.permissions);
      if (!check.ok && check.reason === 'forbidden')
        throw new ForbiddenProblem(`This requires the permission ${check.permission}.`, { missingPermissions: [check.permission] });
      if (!check.ok) {
        throw new ConflictProblem('action-not-allowed', `A story that is ${article.status} cannot take the action ${action}.`, {
          articleStatus: article.status,
          allowedActions: actionsNow(article, user.permissions),
        });
      }
      return this.perform(manager, article, action, user, params);
    });
    return this.references.presentArticle(article, user);
  }

  /**
   * Publishes the story's current working copy as the system (no user), in the caller's
   * transaction: for the importer. 409 when its state does not allow publishing, or a photo lacks a credit.
   */
  async publishAsSystem(manager: EntityManager, articleId: string): Promise<Article> {
    const article = await this.repository.lockActive(manager, articleId);
    if (!article) throw new NotFoundProblem('The article');
    if (!TRANSITIONS.publish.from.includes(article.status))
      throw new ConflictProblem('action-not-allowed', `A story that is ${article.status} cannot be published.`, { articleStatus: article.status });
    return this.publish(manager, article, null, {});
  }

  /**
   * Publishes a scheduled story the scheduler claimed as due (the database's clock decided that).
   * Null when it is no longer scheduled: someone unscheduled or published it meanwhile.
   */
  async publishScheduled(manager: EntityManager, articleId: string): Promise<Article | null> {
    const article = await this.repository.lockActive(manager, articleId);
    if (!article || article.status !== 'scheduled') return null;
    return this.publish(manager, article, null, { scheduled: true });
  }

  /** A due scheduled story that cannot be published goes back to draft, with the reason as its review note. */
  async failScheduled(manager: EntityManager, articleId: string, reason: string, details: Record<string, unknown>): Promise<void> {
    const article = await this.repository.lockActive(manager, articleId);
    if (!article || article.status !== 'scheduled') return;
    const note = `Scheduled publication failed: ${reason}`;
    await this.store.updateState(manager, article, {
      status: 'draft',
      scheduledAt: null,
      reviewNote: { note, authorId: null, at: new Date().toISOString() },
    });
    await this.audit.record(
      { actor: null, action: 'article.schedule_failed', entity: 'article', entityId: articleId, summary: { reason, ...details } },
      manager,
    );
  }

  private perform(manager: EntityManager, article: Article, action: WorkflowAction, user: AuthUser, params: ActionParams): Promise<Article> {
    const note = params.note ?? null;
    switch (action) {
      case 'submit':
        return this.submit(manager, article, user, note);
      case 'request-changes':
        return this.transition(
          manager,
          article,
          user,
          action,
          { status: 'draft', reviewNote: { note: note ?? '', authorId: user.id, at: new Date().toISOString() } },
          { note },
        );
      case 'publish':
        return this.publish(manager, article, user, { note });
      case 'schedule':
        return this.schedule(manager, article, user, params.publishAt ?? '', note);
      case 'unschedule':
        return this.transition(
          manager,
          article,
          user,
          action,
          { status: 'draft', scheduledAt: null },
          { note, publishAt: article.scheduledAt?.toISOString() ?? null },
        );
      case 'unpublish':
        return this.takeDown(manager, article, user, action, 'unpublished', note);
      case 'archive':
        return this.takeDown(manager, article, user, action, 'archived', note);
    }
  }

  private async submit(manager: EntityManager, article: Article, user: AuthUser, note: string | null): Promise<Article> {
    const saved = await this.store.saveWorkingCopy(
      manager,
      article,
      snapshotOf(article),
      { reason: 'submit', note, authorId: user.id },
      { status: 'in_review', reviewNote: null },
    );
    await this.record(manager, user, 'submit', article, { revision: saved.currentRevision, note });
    return saved;
  }

  /** The working copy becomes a new `publish` revision, pinned as what readers see. */
  private async publish(
    manager: EntityManager,
    article: Article,
    actor: Actor,
    options: { note?: string | null; scheduled?: boolean },
  ): Promise<Article> {
    const snapshot = snapshotOf(article);
    const now = new Date();
    const embargo = earliestPublishTime(article.embargoUntil, now);
    if (embargo) {
      throw new ConflictProblem('embargoed', `This story is embargoed until ${embargo.toISOString()}; schedule it for then or later.`, {
        embargoUntil: embargo.toISOString(),
      });
    }
    const { live } = await this.assertPublishable(manager, article);
    const revision = this.store.nextRevisionNumber(article);
    const saved = await this.store.saveWorkingCopy(
      manager,
      article,
      snapshot,
      { reason: 'publish', note: options.note ?? null, authorId: actor?.id ?? null },
      {
        status: 'published',
        publishedRevision: revision,
        publishedAt: article.publishedAt ?? now,
        liveUpdatedAt: now,
        scheduledAt: null,
        reviewNote: null,
      },
    );
    await this.store.writeLiveVersion(manager, saved, snapshot, { firstPublication: !live });
    await this.record(manager, actor, 'publish', article, {
      revision,
      ...(options.scheduled ? { scheduled: true } : {}),
      note: options.note ?? null,
    });
    return saved;
  }

  private async schedule(manager: EntityManager, article: Article, user: AuthUser, publishAt: string, note: string | null): Promise<Article> {
    const at = new Date(publishAt);
    if (Number.isNaN(at.getTime()) || at.getTime() <= Date.now())
      throw new ValidationProblem([{ field: 'publishAt', message: 'publishAt must be in the future' }]);
    const embargo = earliestPublishTime(article.embargoUntil, new Date());
    if (embargo && at < embargo)
      throw new ValidationProblem([{ field: 'publishAt', message: `publishAt must not be before the embargo ends (${embargo.toISOString()})` }]);
    // Refused now rather than silently at publishing time.
    await this.assertPublishable(manager, article);
    return this.transition(manager, article, user, 'schedule', { status: 'scheduled', scheduledAt: at }, { note, publishAt: at.toISOString() });
  }

  private async takeDown(
    manager: EntityManager,
    article: Article,
    user: AuthUser,
    action: 'unpublish' | 'archive',
    status: ArticleStatus,
    note: string | null,
  ): Promise<Article> {
    const saved = await this.store.updateState(manager, article, { status, publishedRevision: null, scheduledAt: null });
    await this.store.removeLiveVersion(manager, article.id, action);
    await this.record(manager, user, action, article, { note });
    return saved;
  }

  private async transition(
    manager: EntityManager,
    article: Article,
    user: AuthUser,
    action: WorkflowAction,
    state: Parameters<EditorialStore['updateState']>[2],
    summary: Record<string, unknown>,
  ): Promise<Article> {
    const saved = await this.store.updateState(manager, article, state);
    await this.record(manager, user, action, article, summary);
    return saved;
  }

  /**
   * 409 when readers would see a photo without a credit line (REQUIRE_PHOTO_CREDIT), or the slug is
   * live elsewhere. Says whether the story has a live version now.
   */
  private async assertPublishable(manager: EntityManager, article: Article): Promise<{ live: boolean }> {
    if (this.config.media.requirePhotoCredit) {
      const assets = await this.media.findByIds(
        photoUses(article).map((u) => u.mediaId),
        manager,
      );
      const missing = photosMissingCredit(article, assets);
      if (missing.length)
        throw new ConflictProblem('photos-missing-credit', 'Every photo needs a credit line before the story is published.', {
          photosMissingCredit: missing,
        });
    }
    // A story live under its slug holds that slug among live versions (a unique index): only a new
    // slug needs looking for elsewhere.
    const liveSlug = await this.repository.liveSlug(manager, article.id);
    if (liveSlug !== article.slug && (await this.repository.liveSlugTaken(manager, article.slug, article.id))) {
      throw new ConflictProblem('slug-taken', `Another published story uses the slug "${article.slug}"; change this story's slug first.`, {
        slug: article.slug,
      });
    }
    return { live: liveSlug !== null };
  }

  private record(manager: EntityManager, actor: Actor, action: WorkflowAction, before: Article, summary: Record<string, unknown>): Promise<void> {
    return this.audit.record(
      {
        actor,
        action: auditAction(action),
        entity: 'article',
        entityId: before.id,
        summary: { headline: before.headline, from: before.status, to: TRANSITIONS[action].to, ...summary },
      },
      manager,
    );
  }
}
