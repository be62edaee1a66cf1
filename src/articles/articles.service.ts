// Stories: create, read, edit the working copy, list, delete. Workflow actions live in
// ArticleWorkflowService, revision history in RevisionsService.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { assertMayTouch, ownerScope, STORY_REACH } from '../access/resource-access.js';
import type { AuthUser } from '../access/auth-user.js';
import { Permission } from '../access/permissions.js';
import { AuditService } from '../audit/audit.service.js';
import { isUniqueViolation } from '../common/unique-violation.js';
import type { Page } from '../common/cursor.js';
import { assertVersion } from '../common/if-match.js';
import { ConflictProblem, ForbiddenProblem, ValidationProblem } from '../common/problem.js';
import { slugify, uniqueSlug } from '../common/slug.js';
import { SearchQueryService } from '../search/search-query.service.js';
import { ArticleReferences } from './article-references.service.js';
import { applyInput, fieldsIn, initialSnapshot, type ArticleInput, type CreateOptions, type WriteExtras } from './article-input.js';
import { Article } from './article.entity.js';
import { ArticlesRepository } from './articles.repository.js';
import type { ArticleResponseDto } from './dto/article-response.dto.js';
import type { DeskCountsDto, DeskCountsQueryDto } from './dto/desk-counts.dto.js';
import type { ListArticlesQueryDto } from './dto/list-articles.query.js';
import { LIMITS } from './editorial-rules.js';
import { checkEmbargoChange, type EmbargoState } from './embargo.js';
import { EditorialStore } from './editorial-store.service.js';
import type { EditorialSnapshot } from './revision-diff.js';
import { headlineSlug, slugFollowsHeadline } from './slug-policy.js';
import { columnsOf, sameSnapshot, snapshotOf } from './snapshot.js';

const SLUG_INDEXES = ['uq_article_slug_live', 'uq_published_article_slug'];
const DEFAULT_PAGE_SIZE = 20;

/**
 * The embargo a write asks for: undefined when it leaves the embargo as it is (absent, or the same
 * time), else the new one (null lifts it). 422/409/403 per the embargo rules.
 */
function embargoChange(story: EmbargoState, requested: string | null | undefined, user: AuthUser): Date | null | undefined {
  if (requested === undefined) return undefined;
  const next = requested === null ? null : new Date(requested);
  if (next !== null && Number.isNaN(next.getTime())) throw new ValidationProblem([{ field: 'embargoUntil', message: 'embargoUntil must be an ISO 8601 date-time' }]);
  if ((next?.getTime() ?? null) === (story.embargoUntil?.getTime() ?? null)) return undefined;
  const refusal = checkEmbargoChange(story, next, new Date(), user.permissions);
  switch (refusal?.kind) {
    case undefined:
      return next;
    case 'past':
      throw new ValidationProblem([{ field: 'embargoUntil', message: 'embargoUntil must be in the future' }]);
    case 'after-schedule':
      throw new ValidationProblem([
        {
          field: 'embargoUntil',
          message: `the story is scheduled for ${refusal.scheduledAt.toISOString()}, before this embargo ends; reschedule it first`,
        },
      ]);
    case 'public':
      throw new ConflictProblem('already-public', 'Readers can already see this story; unpublish it before embargoing it.', { articleStatus: story.status });
    case 'lift-forbidden':
      throw new ForbiddenProblem(`Lifting or shortening an embargo requires the permission ${Permission.ArticlePublish}.`, {
        missingPermissions: [Permission.ArticlePublish],
      });
  }
}

@Injectable()
export class ArticlesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ArticlesRepository,
    private readonly store: EditorialStore,
    private readonly references: ArticleReferences,
    private readonly audit: AuditService,
    private readonly search: SearchQueryService,
  ) {}

  /** A new draft with revision 1, as the caller sees it. */
  async create(user: AuthUser, input: ArticleInput & WriteExtras & { headline: string }): Promise<ArticleResponseDto> {
    const embargoUntil = embargoChange({ status: 'draft', scheduledAt: null, embargoUntil: null }, input.embargoUntil, user) ?? null;
    const article = await this.withSlugRace(() =>
      this.dataSource.transaction((manager) =>
        this.createInTransaction(manager, input, { actor: user, reason: 'create', note: input.note ?? null, embargoUntil }),
      ),
    );
    return this.references.presentArticle(article, user);
  }

  /**
   * Creates a draft in the caller's transaction, with revision 1 (`reason`) and an audit entry.
   * For the importer (`reason: 'import'`, `source`); answers 422 for fields the API would refuse
   * and 409 when an explicitly requested slug is taken.
   */
  async createInTransaction(manager: EntityManager, input: ArticleInput & { headline: string }, options: CreateOptions): Promise<Article> {
    const id = randomUUID();
    const snapshot = initialSnapshot(input, options.actor);
    snapshot.slug =
      input.slug !== undefined ? await this.requestedSlug(manager, input.slug, id) : await this.automaticSlug(manager, snapshot.headline, id);
    await this.references.assertValid(snapshot, manager);
    // Inserted as revision 0 / version 0; saving the first revision makes both 1.
    await manager.insert(Article, {
      id,
      ...columnsOf(snapshot),
      status: 'draft',
      version: 0,
      currentRevision: 0,
      createdById: options.actor?.id ?? null,
      source: options.source ?? null,
      embargoUntil: options.embargoUntil ?? null,
    });
    const draft = await this.repository.reload(manager, id);
    const article = await this.store.saveWorkingCopy(manager, draft, snapshot, {
      reason: options.reason,
      note: options.note ?? null,
      authorId: options.actor?.id ?? null,
    });
    await this.audit.record(
      {
        actor: options.actor,
        action: 'article.create',
        entity: 'article',
        entityId: id,
        summary: {
          headline: snapshot.headline,
          slug: snapshot.slug,
          reason: options.reason,
          source: options.source ?? null,
          ...(options.embargoUntil ? { embargoUntil: options.embargoUntil.toISOString() } : {}),
        },
      },
      manager,
    );
    return article;
  }

  /** The working copy as the caller sees it (404 when they may not touch it). */
  async read(user: AuthUser, id: string): Promise<ArticleResponseDto> {
    return this.references.presentArticle(await this.get(user, id), user);
  }

  /** A story the user may touch (404 otherwise, also for deleted ones). */
  async get(user: AuthUser, id: string, manager?: EntityManager): Promise<Article> {
    const article = await this.repository.findActive(id, manager);
    assertMayTouch(user, article && ownership(article), 'The article', STORY_REACH);
    return article as Article;
  }

  /**
   * The story locked for this transaction, after the checks every write makes: 404 when the user
   * may not touch it, 412 (with the current version) when `expectedVersion` is stale.
   */
  async lockForWrite(manager: EntityManager, user: AuthUser, id: string, expectedVersion: number | undefined): Promise<Article> {
    const article = await this.repository.lockActive(manager, id);
    assertMayTouch(user, article && ownership(article), 'The article', STORY_REACH);
    if (expectedVersion !== undefined) assertVersion(expectedVersion, (article as Article).version);
    return article as Article;
  }

  /**
   * Edits the working copy: a new revision when something changed, else the story unchanged (same
   * version). A change of embargo alone bumps the version without a revision (it is not editorial content).
   */
  async update(user: AuthUser, id: string, expectedVersion: number, input: ArticleInput & WriteExtras): Promise<ArticleResponseDto> {
    const article = await this.withSlugRace(() =>
      this.dataSource.transaction(async (manager) => {
        const article = await this.lockForWrite(manager, user, id, expectedVersion);
        const embargoUntil = embargoChange(article, input.embargoUntil, user);
        const state = embargoUntil === undefined ? {} : { embargoUntil };
        const current = snapshotOf(article);
        const next = applyInput(current, input);
        next.slug = await this.nextSlug(manager, article, current, next, input.slug);
        if (embargoUntil !== undefined) {
          await this.recordEmbargo(manager, user, article, embargoUntil);
          await this.store.announceEmbargo(manager, article.id, embargoUntil);
        }
        if (sameSnapshot(current, next)) return embargoUntil === undefined ? article : this.store.updateState(manager, article, state);
        await this.references.assertValid(next, manager, fieldsIn(input));
        return this.store.saveWorkingCopy(manager, article, next, { reason: 'save', note: input.note ?? null, authorId: user.id }, state);
      }),
    );
    return this.references.presentArticle(article, user);
  }

  private recordEmbargo(manager: EntityManager, user: AuthUser, article: Article, embargoUntil: Date | null): Promise<void> {
    return this.audit.record(
      {
        actor: user,
        action: embargoUntil ? 'article.embargo' : 'article.embargo_lift',
        entity: 'article',
        entityId: article.id,
        summary: { headline: article.headline, from: article.embargoUntil?.toISOString() ?? null, to: embargoUntil?.toISOString() ?? null },
      },
      manager,
    );
  }

  /**
   * Without `q`, most recently changed first. With `q`, a full-text search of the working copies
   * (Chinese-aware, best match first), each story with its highlighted headline and snippet; the
   * cursor is then the search's own.
   */
  async list(user: AuthUser, query: ListArticlesQueryDto): Promise<Page<ArticleResponseDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    if (query.q === undefined) {
      const { rows, nextCursor } = await this.repository.listAdmin({ ...query, limit, touchableBy: ownerScope(user, STORY_REACH) });
      return { items: await this.references.presentArticles(rows, user), nextCursor };
    }
    const hits = await this.search.searchAdmin({ ...query, q: query.q, user, limit });
    const byId = new Map((await this.repository.findActiveMany(hits.items.map((h) => h.articleId))).map((a) => [a.id, a]));
    // A story deleted between the search and the load drops out of the page.
    const found = hits.items.flatMap((hit) => {
      const article = byId.get(hit.articleId);
      return article ? [{ article, match: { rank: hit.rank, headlineHighlighted: hit.headlineHighlighted, snippet: hit.snippet } }] : [];
    });
    const items = await this.references.presentArticles(
      found.map((f) => f.article),
      user,
    );
    return { items: items.map((item, i) => ({ ...item, match: found[i].match })), nextCursor: hits.nextCursor };
  }

  /** How many stories the caller may see are in each state (the desk's tabs), filtered as the list is. */
  async countByState(user: AuthUser, query: DeskCountsQueryDto): Promise<DeskCountsDto> {
    const counts = await this.repository.countByStatus({ ...query, touchableBy: ownerScope(user, STORY_REACH) });
    return { counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
  }

  /** Soft delete: off the public side at once, kept (with its revisions) in the database. */
  async remove(user: AuthUser, id: string, expectedVersion: number | undefined): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const article = await this.lockForWrite(manager, user, id, expectedVersion);
      await this.store.removeLiveVersion(manager, id, 'delete');
      await this.store.removePhotoRows(manager, id);
      await this.store.updateState(manager, article, { deletedAt: new Date(), scheduledAt: null });
      await this.audit.record(
        {
          actor: user,
          action: 'article.delete',
          entity: 'article',
          entityId: id,
          summary: { headline: article.headline, slug: article.slug, status: article.status },
        },
        manager,
      );
    });
  }

  /** Before first publication an automatic slug follows the headline; a requested one always wins. */
  private async nextSlug(
    manager: EntityManager,
    article: Article,
    current: EditorialSnapshot,
    next: EditorialSnapshot,
    requested: string | undefined,
  ): Promise<string> {
    if (requested !== undefined)
      return slugify(requested, LIMITS.slug) === article.slug ? article.slug : this.requestedSlug(manager, requested, article.id);
    return next.headline === current.headline ? article.slug : this.slugForHeadline(manager, article, next.headline);
  }

  /**
   * The slug the story should have once its headline is `headline`: a new automatic one while it
   * has never been published and its slug is automatic, else the slug it has (links keep working).
   */
  async slugForHeadline(manager: EntityManager, article: Article, headline: string): Promise<string> {
    if (!slugFollowsHeadline(article, article.id)) return article.slug;
    if (headlineSlug(headline, article.id) === headlineSlug(article.headline, article.id)) return article.slug;
    return this.automaticSlug(manager, headline, article.id);
  }

  private automaticSlug(manager: EntityManager, headline: string, id: string): Promise<string> {
    return uniqueSlug(headlineSlug(headline, id), (candidate) => this.repository.slugTaken(manager, candidate, id), LIMITS.slug);
  }

  private async requestedSlug(manager: EntityManager, requested: string, id: string): Promise<string> {
    const slug = slugify(requested, LIMITS.slug);
    if (slug === '') throw new ValidationProblem([{ field: 'slug', message: 'slug must contain letters or digits' }]);
    if (await this.repository.slugTaken(manager, slug, id))
      throw new ConflictProblem('slug-taken', `The slug "${slug}" is already used by another article.`, { slug });
    return slug;
  }

  /** Two writers may pick the same free slug at once; the unique index decides and the loser runs again. */
  private async withSlugRace<T>(write: () => Promise<T>, attempts = 3): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await write();
      } catch (error) {
        if (!SLUG_INDEXES.some((index) => isUniqueViolation(error, index))) throw error;
        if (attempt >= attempts) throw new ConflictProblem('slug-taken', 'Another article took this slug at the same moment; try again.');
      }
    }
  }
}

const ownership = (a: Article) => ({ createdById: a.createdById, authorIds: a.authorIds });
