// Corrections: a notice appended to a published story ("An earlier version of this story said…"),
// public at once and kept in the revision history. Only a live story can be corrected; a draft is
// simply edited.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../access/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { ConflictProblem, ValidationProblem } from '../common/problem.js';
import { ArticleReferences } from './article-references.service.js';
import { ArticlesService } from './articles.service.js';
import type { ArticleResponseDto } from './dto/article-response.dto.js';
import { EditorialStore } from './editorial-store.service.js';
import { LIMITS } from './editorial-rules.js';

@Injectable()
export class CorrectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly articles: ArticlesService,
    private readonly store: EditorialStore,
    private readonly audit: AuditService,
    private readonly references: ArticleReferences,
  ) {}

  /**
   * Appends `text` to the story's corrections: 404 when the user may not touch it, 412 for a stale
   * `expectedVersion` (when given), 409 unless readers can see the story, 422 past the limit.
   */
  async append(user: AuthUser, id: string, text: string, expectedVersion: number | undefined): Promise<ArticleResponseDto> {
    const article = await this.dataSource.transaction(async (manager) => {
      const article = await this.articles.lockForWrite(manager, user, id, expectedVersion);
      if (article.status !== 'published' || article.publishedRevision === null)
        throw new ConflictProblem('not-published', 'Only a published story can be corrected; edit a story readers cannot see instead.', {
          articleStatus: article.status,
        });
      if (article.corrections.length >= LIMITS.corrections)
        throw new ValidationProblem([{ field: 'text', message: `a story may carry at most ${LIMITS.corrections} corrections` }]);
      const correction = { text, at: new Date().toISOString() };
      const saved = await this.store.appendCorrection(manager, article, correction, user.id);
      await this.audit.record(
        {
          actor: user,
          action: 'article.correct',
          entity: 'article',
          entityId: id,
          summary: { headline: article.headline, text, revision: saved.currentRevision },
        },
        manager,
      );
      return saved;
    });
    return this.references.presentArticle(article, user);
  }
}
