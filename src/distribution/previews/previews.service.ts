// Preview links for a story's working copy: granted and revoked by someone who may touch the story,
// opened by anyone holding the token (a desk chief, the reader site's preview mode).
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { AuthUser } from '../../access/auth-user.js';
import { ArticlesRepository } from '../../articles/articles.repository.js';
import { ArticlesService } from '../../articles/articles.service.js';
import { EditorialStore } from '../../articles/editorial-store.service.js';
import type { PublishedArticle } from '../../articles/published-article.entity.js';
import type { ArticleStatus } from '../../articles/workflow.js';
import { AuditService } from '../../audit/audit.service.js';
import { NotFoundProblem, ProblemException, ValidationProblem } from '../../common/problem.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import type { PreviewGrantDto } from './dto/preview.dto.js';
import { PreviewGrant } from './preview-grant.entity.js';
import { PreviewTokens } from './preview-tokens.js';

/** 410: the link was genuine but its time is up (a forged or revoked one is a plain 404). */
export class PreviewExpiredProblem extends ProblemException {
  constructor() {
    super(410, 'preview-expired', 'Gone', 'This preview link has expired; ask for a new one.');
  }
}

export interface OpenedPreview {
  story: PublishedArticle;
  status: ArticleStatus;
  expiresAt: Date;
}

@Injectable()
export class PreviewsService {
  private readonly tokens: PreviewTokens;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig & { jwt: { secret: string } },
    private readonly articles: ArticlesService,
    private readonly repository: ArticlesRepository,
    private readonly store: EditorialStore,
    private readonly audit: AuditService,
  ) {
    this.tokens = new PreviewTokens(config.jwt.secret);
  }

  /** A signed link to the story's working copy (404 when the user may not touch the story). */
  async grant(user: AuthUser, articleId: string, expiresInSeconds: number | undefined): Promise<PreviewGrantDto> {
    const { defaultTtlSeconds, maxTtlSeconds } = this.config.distribution.preview;
    const ttl = expiresInSeconds ?? defaultTtlSeconds;
    if (ttl > maxTtlSeconds) throw new ValidationProblem([{ field: 'expiresInSeconds', message: `expiresInSeconds must be at most ${maxTtlSeconds}` }]);
    const article = await this.articles.get(user, articleId);
    // Whole seconds: the token carries its expiry in seconds.
    const expiresAt = new Date(Math.floor(Date.now() / 1000 + ttl) * 1000);
    const grant = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(manager.create(PreviewGrant, { articleId, createdById: user.id, expiresAt, revokedAt: null }));
      await this.audit.record(
        { actor: user, action: 'article.preview_grant', entity: 'article', entityId: articleId, summary: { headline: article.headline, expiresAt: expiresAt.toISOString() } },
        manager,
      );
      return saved;
    });
    return { token: this.tokens.sign(grant.id, expiresAt), expiresAt: expiresAt.toISOString() };
  }

  /** Every link to the story stops working, in every process, at once. */
  async revoke(user: AuthUser, articleId: string): Promise<void> {
    const article = await this.articles.get(user, articleId);
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.update(PreviewGrant, { articleId, revokedAt: IsNull() }, { revokedAt: new Date() });
      await this.audit.record(
        { actor: user, action: 'article.preview_revoke', entity: 'article', entityId: articleId, summary: { headline: article.headline, revoked: result.affected ?? 0 } },
        manager,
      );
    });
  }

  /**
   * The working copy a token opens: 404 for a forged or revoked token or a deleted story, 410 for an
   * expired one. One primary-key lookup beyond the story itself.
   */
  async open(token: string): Promise<OpenedPreview> {
    const check = this.tokens.check(token);
    if (!check.ok && check.reason === 'expired') throw new PreviewExpiredProblem();
    if (!check.ok) throw new NotFoundProblem('The preview');
    const grant = await this.dataSource.getRepository(PreviewGrant).findOneBy({ id: check.grantId });
    if (!grant || grant.revokedAt !== null) throw new NotFoundProblem('The preview');
    const article = await this.repository.findActive(grant.articleId);
    if (!article) throw new NotFoundProblem('The preview');
    const story = await this.store.renderWorkingCopy(this.dataSource.manager, article);
    return { story, status: article.status, expiresAt: check.expiresAt };
  }
}
