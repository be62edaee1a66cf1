// The editorial event path on PostgreSQL: what story, photo and section writes announce; in-transaction
// subscribers commit or roll back with the write (and a failing one rolls the write back);
// after-commit subscribers hear only what committed.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../src/access/auth-user.js';
import { ArticleWorkflowService } from '../../src/articles/article-workflow.service.js';
import { Article } from '../../src/articles/article.entity.js';
import { ArticlesService } from '../../src/articles/articles.service.js';
import { PublishedArticle } from '../../src/articles/published-article.entity.js';
import { CategoriesService } from '../../src/categories/categories.service.js';
import type { StoryPublished } from '../../src/events/editorial-events.js';
import { EditorialEventBus, OnEditorialEvent } from '../../src/events/editorial-event-bus.js';
import { MediaLibraryService } from '../../src/media/media-library.service.js';
import { createTestContext, type TestContext } from '../support/app.js';
import { EventRecorder } from '../support/event-recorder.js';
import { createPhoto } from '../support/stories.js';
import { authUserOf, createUser } from '../support/users.js';

/** Fails the publication of any story whose headline it is told, inside the publishing transaction. */
@Injectable()
class FailingSubscriber {
  failHeadline: string | null = null;

  @OnEditorialEvent('story.published')
  async refuse(event: StoryPublished, manager: EntityManager): Promise<void> {
    const story = await manager.findOneByOrFail(Article, { id: event.articleId });
    if (story.headline === this.failHeadline) throw new Error('the subscriber failed');
  }
}

const afterCommits = () => new Promise((resolve) => setImmediate(resolve));

describe('editorial events', () => {
  let t: TestContext;
  let recorder: EventRecorder;
  let editor: AuthUser;
  let articles: ArticlesService;
  let workflow: ArticleWorkflowService;

  beforeAll(async () => {
    t = await createTestContext({ providers: [EventRecorder, FailingSubscriber] });
    recorder = t.app.get(EventRecorder);
    editor = await authUserOf(t, await createUser(t, ['editor']));
    articles = t.app.get(ArticlesService);
    workflow = t.app.get(ArticleWorkflowService);
  });
  afterAll(() => t.close());
  beforeEach(() => recorder.clear());

  /** Lets what earlier writes announce after their commits arrive, then forgets it. */
  async function forgetEarlierEvents(): Promise<void> {
    await afterCommits();
    recorder.clear();
  }

  const draft = (headline: string, extra: Record<string, unknown> = {}) =>
    articles.create(editor, { headline, body: [{ type: 'paragraph', text: '吉隆坡讯 正文第一段。' }], ...extra });

  it('announces a new revision, then the first publication, then each republication, then the withdrawal', async () => {
    const story = await draft('首相宣布新内阁名单');
    const published = await workflow.apply(editor, story.id, 'publish', story.version);
    const edited = await articles.update(editor, story.id, published.version, { subheadline: '新增三名部长' });
    const republished = await workflow.apply(editor, story.id, 'publish', edited.version);
    await workflow.apply(editor, story.id, 'unpublish', republished.version);
    await afterCommits();

    expect(recorder.committed).toEqual([
      { type: 'story.revised', articleId: story.id, revision: 1 },
      { type: 'story.revised', articleId: story.id, revision: 2 },
      { type: 'story.published', articleId: story.id, firstPublication: true, cause: 'publish' },
      { type: 'story.revised', articleId: story.id, revision: 3 },
      { type: 'story.revised', articleId: story.id, revision: 4 },
      { type: 'story.published', articleId: story.id, firstPublication: false, cause: 'publish' },
      { type: 'story.withdrawn', articleId: story.id, slug: story.slug, categoryId: null, cause: 'unpublish' },
    ]);
  });

  it('announces nothing after commit for a write that rolled back, and a failing subscriber rolls the write back', async () => {
    const subscriber = t.app.get(FailingSubscriber);
    const story = await draft('港口罢工进入第三天');
    await forgetEarlierEvents();
    subscriber.failHeadline = story.headline;
    try {
      await expect(workflow.apply(editor, story.id, 'publish', story.version)).rejects.toThrow('the subscriber failed');
    } finally {
      subscriber.failHeadline = null;
    }
    await afterCommits();

    // The subscribers before the failing one heard it inside the transaction; nobody heard it commit.
    expect(recorder.emitted.map((e) => e.type)).toEqual(['story.revised', 'story.published']);
    expect(recorder.committed).toEqual([]);
    const after = await t.dataSource.getRepository(Article).findOneByOrFail({ id: story.id });
    expect({ status: after.status, version: after.version, currentRevision: after.currentRevision }).toEqual({
      status: 'draft',
      version: story.version,
      currentRevision: story.currentRevision,
    });
    expect(await t.dataSource.getRepository(PublishedArticle).existsBy({ articleId: story.id })).toBe(false);
  });

  it('drops what a rolled-back savepoint emitted and keeps the rest of the transaction', async () => {
    const bus = t.app.get(EditorialEventBus);
    await t.dataSource.transaction(async (manager) => {
      await manager
        .transaction(async (inner) => {
          await bus.emit(inner, { type: 'section.changed', categoryId: '00000000-0000-4000-8000-000000000001', change: 'updated' });
          throw new Error('undo the savepoint');
        })
        .catch(() => undefined);
      await bus.emit(manager, { type: 'section.changed', categoryId: '00000000-0000-4000-8000-000000000002', change: 'updated' });
    });
    await afterCommits();
    expect(recorder.committed).toEqual([{ type: 'section.changed', categoryId: '00000000-0000-4000-8000-000000000002', change: 'updated' }]);
  });

  it('a caption edit on a published photo refreshes every live story showing it', async () => {
    const photo = await createPhoto(t, { caption: '旧图说', credit: '路透社' });
    const story = await draft('洪水淹没三个县', { featuredImage: { mediaId: photo.id } });
    await workflow.apply(editor, story.id, 'publish', story.version);
    await forgetEarlierEvents();

    await t.app.get(MediaLibraryService).update(photo.id, { caption: '新图说' }, photo.version, editor);
    await afterCommits();

    expect(recorder.committed).toEqual([
      { type: 'photo.changed', mediaIds: [photo.id] },
      { type: 'story.published', articleId: story.id, firstPublication: false, cause: 'photo' },
    ]);
    const live = await t.dataSource.getRepository(PublishedArticle).findOneByOrFail({ articleId: story.id });
    expect(live.featuredImage).toMatchObject({ caption: '新图说', credit: '路透社' });
  });

  it('a section merged into another refiles its stories, announcing each, then announces the deletion', async () => {
    const sections = t.app.get(CategoriesService);
    const from = await sections.create(editor, { name: '地方' });
    const to = await sections.create(editor, { name: '国内' });
    const filed = await draft('州议会通过预算', { categoryId: from.id });
    await forgetEarlierEvents();

    await sections.remove(editor, from.id, to.id);
    await afterCommits();

    expect(recorder.committed).toEqual([
      expect.objectContaining({ type: 'section.merged', categoryId: from.id, into: to.id, actorId: editor.id }),
      { type: 'story.revised', articleId: filed.id, revision: filed.currentRevision + 1 },
      { type: 'section.changed', categoryId: from.id, change: 'deleted' },
    ]);
    expect((await t.dataSource.getRepository(Article).findOneByOrFail({ id: filed.id })).categoryId).toBe(to.id);
  });
});
