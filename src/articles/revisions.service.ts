// A story's revision history: list, read, compare, restore. Revisions are never changed; restoring
// appends a new revision holding the old content.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { Category } from '../categories/category.entity.js';
import { decodeCursor, encodeCursor, type Page } from '../common/cursor.js';
import { ConflictProblem, NotFoundProblem } from '../common/problem.js';
import { MediaLookupService } from '../media/media-lookup.service.js';
import { ArticleReferences } from './article-references.service.js';
import { ArticleRevision } from './article-revision.entity.js';
import type { Article } from './article.entity.js';
import { ArticlesService } from './articles.service.js';
import type { ArticleResponseDto, RevisionResponseDto, RevisionSummaryDto } from './dto/article-response.dto.js';
import { normaliseSnapshot } from './editorial-rules.js';
import { EditorialStore } from './editorial-store.service.js';
import { photoUses, unknownPhotoFields } from './photos.js';
import { diffSnapshots, type EditorialSnapshot, type FieldDiff } from './revision-diff.js';
import { sameSnapshot, snapshotOf } from './snapshot.js';

const DEFAULT_PAGE_SIZE = 50;

export interface RevisionDiff {
  from: number;
  to: number;
  changes: FieldDiff[];
}

@Injectable()
export class RevisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly articles: ArticlesService,
    private readonly store: EditorialStore,
    private readonly media: MediaLookupService,
    private readonly audit: AuditService,
    private readonly references: ArticleReferences,
  ) {}

  /** Newest first. */
  async list(user: AuthUser, articleId: string, query: { cursor?: string; limit?: number }): Promise<Page<RevisionSummaryDto>> {
    await this.articles.get(user, articleId);
    const after = decodeCursor(query.cursor, { n: 'int4' });
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.dataSource.getRepository(ArticleRevision).find({
      where: { articleId, ...(after ? { number: LessThan(after.n) } : {}) },
      order: { number: 'DESC' },
      take: limit + 1,
    });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items: await this.references.presentRevisions(items), nextCursor: rows.length > limit && last ? encodeCursor({ n: last.number }) : null };
  }

  async get(user: AuthUser, articleId: string, number: number): Promise<RevisionResponseDto> {
    await this.articles.get(user, articleId);
    return this.references.presentRevision(await this.find(this.dataSource.manager, articleId, number));
  }

  /** Field-by-field changes from one revision to another (defaults: the current one and the one before it). */
  async diff(user: AuthUser, articleId: string, from: number | undefined, to: number | undefined): Promise<RevisionDiff> {
    const article = await this.articles.get(user, articleId);
    const toNumber = to ?? article.currentRevision;
    const fromNumber = from ?? Math.max(1, toNumber - 1);
    const [before, after] = await Promise.all([
      this.find(this.dataSource.manager, articleId, fromNumber),
      this.find(this.dataSource.manager, articleId, toNumber),
    ]);
    return { from: fromNumber, to: toNumber, changes: diffSnapshots(normaliseSnapshot(before.snapshot), normaliseSnapshot(after.snapshot)) };
  }

  /**
   * Makes revision `number`'s content the working copy again, as a new `restore` revision.
   * Unchanged content: the story as it is.
   */
  async restore(user: AuthUser, articleId: string, number: number, expectedVersion: number): Promise<ArticleResponseDto> {
    const article = await this.dataSource.transaction(async (manager) => {
      const article = await this.articles.lockForWrite(manager, user, articleId, expectedVersion);
      const revision = await this.find(manager, articleId, number);
      const restored = await this.restorable(manager, revision.snapshot, article);
      if (sameSnapshot(snapshotOf(article), restored)) return article;
      const saved = await this.store.saveWorkingCopy(manager, article, restored, {
        reason: 'restore',
        note: `Restored revision ${number}`,
        authorId: user.id,
      });
      await this.audit.record(
        {
          actor: user,
          action: 'article.restore',
          entity: 'article',
          entityId: articleId,
          summary: { headline: saved.headline, restoredRevision: number, revision: saved.currentRevision },
        },
        manager,
      );
      return saved;
    });
    return this.references.presentArticle(article, user);
  }

  /**
   * The old snapshot fitted to today: the slug as the current policy has it (a published story's
   * URL never moves), a section that no longer exists dropped, every photo still in the library, and
   * today's corrections.
   */
  private async restorable(manager: EntityManager, old: EditorialSnapshot, article: Article): Promise<EditorialSnapshot> {
    // Corrections are the story's public record: restoring an older revision never takes one back.
    const snapshot = normaliseSnapshot({
      ...old,
      slug: await this.articles.slugForHeadline(manager, article, old.headline),
      corrections: article.corrections,
    });
    if (snapshot.categoryId && !(await manager.getRepository(Category).existsBy({ id: snapshot.categoryId }))) snapshot.categoryId = null;
    const assets = await this.media.findByIds(
      photoUses(snapshot).map((u) => u.mediaId),
      manager,
    );
    const missing = unknownPhotoFields(snapshot, assets);
    if (missing.length)
      throw new ConflictProblem('revision-photos-missing', 'That revision shows photos that were deleted from the library since.', {
        fields: missing,
      });
    return snapshot;
  }

  private async find(manager: EntityManager, articleId: string, number: number): Promise<ArticleRevision> {
    const revision = await manager.getRepository(ArticleRevision).findOneBy({ articleId, number });
    if (!revision) throw new NotFoundProblem(`Revision ${number}`);
    return revision;
  }
}
