import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { ConflictProblem, NotFoundProblem, ValidationProblem } from '../common/problem.js';
import { slugify, uniqueSlug } from '../common/slug.js';
import { CategoriesRepository } from './categories.repository.js';
import { Category } from './category.entity.js';
import { buildTree, subtreeIds, wouldCreateCycle, type Tree } from './category-tree.js';
import type { CreateCategoryDto, UpdateCategoryDto } from './dto/category.dto.js';
import { isUniqueViolation } from '../common/unique-violation.js';
import { EditorialEventBus } from '../events/editorial-event-bus.js';

export type Actor = Pick<AuthUser, 'id' | 'email'> | null;

const SLUG_CONSTRAINT = 'uq_category_slug';

@Injectable()
export class CategoriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CategoriesRepository,
    private readonly audit: AuditService,
    private readonly events: EditorialEventBus,
  ) {}

  /** Every section, flat, in tree order of siblings (position, then name). */
  list(manager: EntityManager = this.dataSource.manager): Promise<Category[]> {
    return manager.getRepository(Category).find({ order: { position: 'ASC', name: 'ASC' } });
  }

  async tree(): Promise<Tree<Category>[]> {
    return buildTree(await this.list());
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Category> {
    const category = await manager.getRepository(Category).findOneBy({ id });
    if (!category) throw new NotFoundProblem('The category');
    return category;
  }

  /** The ids of the section with this slug and of every section below it; null when no such section. */
  async subtreeIdsBySlug(slug: string): Promise<string[] | null> {
    const all = await this.list();
    const root = all.find((c) => c.slug === slug);
    return root ? subtreeIds(all, root.id) : null;
  }

  async create(actor: Actor, input: CreateCategoryDto): Promise<Category> {
    return this.withSlugRace(() =>
      this.dataSource.transaction(async (manager) => {
        if (input.parentId) await this.assertParentExists(input.parentId, manager);
        await this.assertNameFree(manager, input.name, input.parentId ?? null, null);
        const category = await this.insert(manager, {
          name: input.name,
          slug: input.slug,
          parentId: input.parentId ?? null,
          description: input.description ?? null,
          position: input.position ?? 0,
        });
        await this.audit.record(
          { actor, action: 'category.create', entity: 'category', entityId: category.id, summary: { name: category.name, slug: category.slug } },
          manager,
        );
        await this.events.emit(manager, { type: 'section.changed', categoryId: category.id, change: 'created' });
        return category;
      }),
    );
  }

  async update(actor: Actor, id: string, input: UpdateCategoryDto): Promise<Category> {
    return this.withSlugRace(() =>
      this.dataSource.transaction(async (manager) => {
        const category = await this.get(id, manager);
        const before = { name: category.name, slug: category.slug, parentId: category.parentId };
        if (input.parentId !== undefined) await this.assertValidParent(category.id, input.parentId, manager);
        if (input.slug !== undefined && input.slug !== category.slug) category.slug = await this.explicitSlug(input.slug, category.id, manager);
        if (input.name !== undefined || input.parentId !== undefined) {
          await this.assertNameFree(manager, input.name ?? category.name, input.parentId !== undefined ? input.parentId : category.parentId, category.id);
        }
        if (input.name !== undefined) category.name = input.name;
        if (input.parentId !== undefined) category.parentId = input.parentId;
        if (input.description !== undefined) category.description = input.description;
        if (input.position !== undefined) category.position = input.position;
        const saved = await manager.getRepository(Category).save(category);
        await this.audit.record(
          {
            actor,
            action: 'category.update',
            entity: 'category',
            entityId: id,
            summary: { before, after: { name: saved.name, slug: saved.slug, parentId: saved.parentId } },
          },
          manager,
        );
        await this.events.emit(manager, { type: 'section.changed', categoryId: id, change: 'updated' });
        return saved;
      }),
    );
  }

  /** Two sections of one name side by side would confuse every editor picking one: 409. */
  private async assertNameFree(manager: EntityManager, name: string, parentId: string | null, exceptId: string | null): Promise<void> {
    await this.repository.lockName(manager, name);
    const taken = await this.repository.siblingNamed(manager, name, parentId, exceptId);
    if (taken) throw new ConflictProblem('category-name-taken', `There is already a section named ${taken.name} here.`, { categoryId: taken.id, slug: taken.slug });
  }

  /**
   * Deletes a section. One that still holds stories answers 409 `{articleCount}` unless `moveTo`
   * names where they go: the section is then merged into `moveTo` (the articles module refiles its
   * stories, a new revision each) and deleted, in one transaction.
   */
  async remove(actor: Actor, id: string, moveTo?: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const category = await this.get(id, manager);
      const childCount = await manager.getRepository(Category).countBy({ parentId: id });
      if (childCount > 0)
        throw new ConflictProblem('category-has-children', 'The category has sub-categories; move or delete them first.', { childCount });
      const filed = await this.repository.countArticles(manager, id);
      if (filed > 0 && moveTo === undefined)
        throw new ConflictProblem('category-in-use', 'The category still has articles; move them (moveTo) before deleting it.', { articleCount: filed });
      if (moveTo !== undefined) {
        if (moveTo === id) throw new ValidationProblem([{ field: 'moveTo', message: 'moveTo must be another category' }]);
        await this.get(moveTo, manager).catch(() => {
          throw new ValidationProblem([{ field: 'moveTo', message: 'moveTo is not an existing category' }]);
        });
        const note = `Moved from the deleted section ${category.name}`;
        await this.events.emit(manager, { type: 'section.merged', categoryId: id, into: moveTo, actorId: actor?.id ?? null, note });
      }
      // The stories' foreign key makes this fail rather than orphan a story no subscriber refiled.
      await manager.getRepository(Category).delete({ id });
      await this.events.emit(manager, { type: 'section.changed', categoryId: id, change: 'deleted' });
      await this.audit.record(
        {
          actor,
          action: 'category.delete',
          entity: 'category',
          entityId: id,
          summary: { name: category.name, slug: category.slug, movedArticles: filed, moveTo: moveTo ?? null },
        },
        manager,
      );
    });
  }

  /**
   * The section with this name (case-insensitive; a top-level one preferred), created at the top
   * level when missing. For the importer: runs in the caller's transaction, and concurrent imports
   * naming the same new section create it once.
   */
  async findOrCreateByName(name: string, manager: EntityManager, actor: Actor = null): Promise<Category> {
    const trimmed = name.trim();
    if (trimmed === '') throw new ValidationProblem([{ field: 'category', message: 'category name must not be empty' }]);
    await this.repository.lockName(manager, trimmed);
    const existing = await this.repository.findByName(manager, trimmed);
    if (existing) return existing;
    const category = await this.insert(manager, { name: trimmed, parentId: null, description: null, position: 0 });
    await this.audit.record(
      {
        actor,
        action: 'category.create',
        entity: 'category',
        entityId: category.id,
        summary: { name: category.name, slug: category.slug, findOrCreate: true },
      },
      manager,
    );
    await this.events.emit(manager, { type: 'section.changed', categoryId: category.id, change: 'created' });
    return category;
  }

  private async insert(
    manager: EntityManager,
    fields: { name: string; slug?: string; parentId: string | null; description: string | null; position: number },
  ): Promise<Category> {
    const id = randomUUID();
    const slug = fields.slug !== undefined ? await this.explicitSlug(fields.slug, id, manager) : await this.automaticSlug(fields.name, id, manager);
    const repo = manager.getRepository(Category);
    return repo.save(
      repo.create({ id, name: fields.name, slug, parentId: fields.parentId, description: fields.description, position: fields.position }),
    );
  }

  private async automaticSlug(name: string, id: string, manager: EntityManager): Promise<string> {
    const base = slugify(name) || `category-${id.slice(0, 8)}`;
    return uniqueSlug(base, (candidate) => this.repository.slugTaken(manager, candidate, id));
  }

  /** A slug the client chose: normalised the same way, refused when empty or already someone else's. */
  private async explicitSlug(requested: string, id: string, manager: EntityManager): Promise<string> {
    const slug = slugify(requested);
    if (slug === '') throw new ValidationProblem([{ field: 'slug', message: 'slug must contain letters or digits' }]);
    if (await this.repository.slugTaken(manager, slug, id))
      throw new ConflictProblem('slug-taken', `The slug "${slug}" is already used by another category.`, { slug });
    return slug;
  }

  private async assertParentExists(parentId: string, manager: EntityManager): Promise<void> {
    if (!(await manager.getRepository(Category).existsBy({ id: parentId })))
      throw new ValidationProblem([{ field: 'parentId', message: 'parentId is not an existing category' }]);
  }

  private async assertValidParent(id: string, parentId: string | null, manager: EntityManager): Promise<void> {
    if (parentId === null) return;
    await this.assertParentExists(parentId, manager);
    if (wouldCreateCycle(await this.list(manager), id, parentId))
      throw new ValidationProblem([{ field: 'parentId', message: 'a category cannot be moved inside itself' }]);
  }

  /**
   * Two writers may pick the same free slug at once; the unique index decides. The loser's
   * transaction rolled back, so it is simply run again (and then sees the slug taken).
   */
  private async withSlugRace<T>(write: () => Promise<T>, attempts = 3): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await write();
      } catch (error) {
        if (!isUniqueViolation(error, SLUG_CONSTRAINT)) throw error;
        if (attempt >= attempts) throw new ConflictProblem('slug-taken', 'Another category took this slug at the same moment; try again.');
      }
    }
  }
}
