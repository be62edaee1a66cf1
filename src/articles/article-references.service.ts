// Checks what a story refers to (photos, section, staff) and loads it for responses, in batches.
import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user.js';
import { Category } from '../categories/category.entity.js';
import { ValidationProblem, type FieldError } from '../common/problem.js';
import { MediaLookupService } from '../media/media-lookup.service.js';
import { User } from '../users/user.entity.js';
import type { ArticleRevision } from './article-revision.entity.js';
import type { Article } from './article.entity.js';
import { ArticlesRepository } from './articles.repository.js';
import { toArticleResponse, toRevisionResponse, toRevisionSummary, type References } from './article.mapper.js';
import type { ArticleResponseDto, RevisionResponseDto, RevisionSummaryDto } from './dto/article-response.dto.js';
import { editorialErrors } from './editorial-rules.js';
import { photoUses, unknownPhotoFields } from './photos.js';
import type { EditorialSnapshot } from './revision-diff.js';

export type SnapshotField = keyof EditorialSnapshot;

@Injectable()
export class ArticleReferences {
  constructor(
    private readonly repository: ArticlesRepository,
    private readonly media: MediaLookupService,
  ) {}

  /**
   * 422 with every problem of a normalised snapshot: the editorial rules, then photos, section and
   * authors that do not exist. Only `changed` references are looked up (all when omitted), so an edit
   * of the headline never fails because of something it did not touch.
   */
  async assertValid(snapshot: EditorialSnapshot, manager: EntityManager, changed?: ReadonlySet<SnapshotField>): Promise<void> {
    const checks = (field: SnapshotField) => !changed || changed.has(field);
    const errors: FieldError[] = editorialErrors(snapshot);
    if (checks('body') || checks('featuredImage') || checks('socialImage')) {
      const assets = await this.media.findByIds(
        photoUses(snapshot).map((u) => u.mediaId),
        manager,
      );
      errors.push(...unknownPhotoFields(snapshot, assets).map((field) => ({ field, message: 'no photo with this id in the media library' })));
    }
    if (checks('categoryId') && snapshot.categoryId && !(await manager.getRepository(Category).existsBy({ id: snapshot.categoryId }))) {
      errors.push({ field: 'categoryId', message: 'categoryId is not an existing category' });
    }
    if (checks('authors') && snapshot.authors.length) {
      const found = new Set((await manager.getRepository(User).findBy({ id: In(snapshot.authors) })).map((u) => u.id));
      snapshot.authors.forEach((id, index) => {
        if (!found.has(id)) errors.push({ field: `authors.${index}`, message: 'not an existing staff user' });
      });
    }
    if (errors.length) throw new ValidationProblem(errors);
  }

  async presentArticles(articles: readonly Article[], user: AuthUser): Promise<ArticleResponseDto[]> {
    const refs = await this.load(articles);
    return articles.map((a) => toArticleResponse(a, refs, user.permissions));
  }

  async presentArticle(article: Article, user: AuthUser): Promise<ArticleResponseDto> {
    return (await this.presentArticles([article], user))[0];
  }

  async presentRevisions(revisions: readonly ArticleRevision[]): Promise<RevisionSummaryDto[]> {
    const staff = await this.staffNames(revisions.flatMap((r) => (r.authorId ? [r.authorId] : [])));
    return revisions.map((r) => toRevisionSummary(r, staff));
  }

  async presentRevision(revision: ArticleRevision): Promise<RevisionResponseDto> {
    return toRevisionResponse(revision, await this.staffNames(revision.authorId ? [revision.authorId] : []));
  }

  private async load(articles: readonly Article[]): Promise<References> {
    const mediaIds = articles.flatMap((a) => photoUses(a).map((u) => u.mediaId));
    const categoryIds = articles.flatMap((a) => (a.categoryId ? [a.categoryId] : []));
    const staffIds = articles.flatMap((a) => [...a.authorIds, ...(a.createdById ? [a.createdById] : [])]);
    const [assets, names] = await Promise.all([this.media.findByIds(mediaIds), this.repository.names(categoryIds, staffIds)]);
    return { assets, categories: names.sections, staff: names.staff };
  }

  private async staffNames(ids: readonly string[]): Promise<Map<string, string>> {
    return (await this.repository.names([], ids)).staff;
  }
}
