import request from 'supertest';
import { CategoriesService } from '../../src/categories/categories.service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { EventRecorder } from '../support/event-recorder.js';
import { actOk, auditOf, createCategory, createStory } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';

describe('categories', () => {
  let t: TestApp;
  let editor: TestUser;
  let contributor: TestUser;

  beforeAll(async () => {
    t = await createTestApp({}, { providers: [EventRecorder] });
    editor = await createUser(t, ['editor']);
    contributor = await createUser(t, ['contributor']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('makes readable pinyin slugs from Chinese names, unique', async () => {
    const world = await createCategory(t, editor, { name: '国际' });
    expect(world.slug).toBe('guo-ji');
    const again = await createCategory(t, editor, { name: '國際' });
    expect(again.slug).toBe('guo-ji-2');
  });

  it('refuses a second section of the same name beside the first, but allows it under another parent', async () => {
    const local = await createCategory(t, editor, { name: '地方' });
    const taken = await request(t.http).post('/api/admin/categories').set('Authorization', editor.auth).send({ name: '地方' }).expect(409);
    expect(taken.body).toMatchObject({ type: '/problems/category-name-taken', categoryId: local.id });
    const nested = await createCategory(t, editor, { name: '地方', parentId: local.id });
    expect(nested.slug).toBe('di-fang-2');
    const other = await createCategory(t, editor, { name: '社会' });
    await request(t.http).patch(`/api/admin/categories/${other.id}`).set('Authorization', editor.auth).send({ name: '地方' }).expect(409);
  });

  it('keeps the slug on rename and changes it only when asked', async () => {
    const sport = await createCategory(t, editor, { name: '体育' });
    const renamed = await request(t.http)
      .patch(`/api/admin/categories/${sport.id}`)
      .set('Authorization', editor.auth)
      .send({ name: '体育新闻' })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: '体育新闻', slug: 'ti-yu' });
    const reslugged = await request(t.http)
      .patch(`/api/admin/categories/${sport.id}`)
      .set('Authorization', editor.auth)
      .send({ slug: 'Sports News' })
      .expect(200);
    expect(reslugged.body.slug).toBe('sports-news');
  });

  it('answers 409 for a slug another section has, and 422 for one without letters', async () => {
    const a = await createCategory(t, editor, { name: 'Opinion' });
    const b = await createCategory(t, editor, { name: 'Letters' });
    const taken = await request(t.http).patch(`/api/admin/categories/${b.id}`).set('Authorization', editor.auth).send({ slug: a.slug }).expect(409);
    expect(taken.body.type).toBe('/problems/slug-taken');
    const empty = await request(t.http).post('/api/admin/categories').set('Authorization', editor.auth).send({ name: 'X', slug: '！！' }).expect(422);
    expect(empty.body.errors).toEqual([{ field: 'slug', message: 'slug must contain letters or digits' }]);
  });

  it('validates names, parents and unknown fields with 422', async () => {
    const res = await request(t.http).post('/api/admin/categories').set('Authorization', editor.auth).send({ name: '  ', bogus: 1 }).expect(422);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['bogus', 'name']);
    const orphan = await request(t.http)
      .post('/api/admin/categories')
      .set('Authorization', editor.auth)
      .send({ name: 'Orphan', parentId: '00000000-0000-4000-8000-000000000000' })
      .expect(422);
    expect(orphan.body.errors[0].field).toBe('parentId');
  });

  it('refuses to move a section inside itself', async () => {
    const top = await createCategory(t, editor, { name: 'Top' });
    const child = await createCategory(t, editor, { name: 'Child', parentId: top.id });
    const res = await request(t.http)
      .patch(`/api/admin/categories/${top.id}`)
      .set('Authorization', editor.auth)
      .send({ parentId: child.id })
      .expect(422);
    expect(res.body.errors).toEqual([{ field: 'parentId', message: 'a category cannot be moved inside itself' }]);
  });

  it('needs category.manage to change sections; writers may list them to file stories under', async () => {
    await request(t.http).post('/api/admin/categories').set('Authorization', contributor.auth).send({ name: 'Nope' }).expect(403);
    await request(t.http).get('/api/admin/categories').set('Authorization', contributor.auth).expect(200);
  });

  it('serves the public tree, nested and ordered, cacheable', async () => {
    const asia = await createCategory(t, editor, { name: '亚洲', position: 2 });
    await createCategory(t, editor, { name: '东南亚', parentId: asia.id, position: 1 });
    await createCategory(t, editor, { name: '东亚', parentId: asia.id, position: 0 });
    const res = await request(t.http).get('/api/content/categories').expect(200);
    const node = res.body.items.find((c: { slug: string }) => c.slug === 'ya-zhou');
    expect(node.children.map((c: { name: string }) => c.name)).toEqual(['东亚', '东南亚']);
    expect(node).not.toHaveProperty('id');
    expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300, stale-if-error=86400');
    await request(t.http).get('/api/content/categories').set('If-None-Match', res.headers.etag).expect(304);
  });

  describe('deleting', () => {
    it('refuses a section with stories (409 articleCount) until they are moved, then moves them with a revision each', async () => {
      const from = await createCategory(t, editor, { name: '旧栏目' });
      const to = await createCategory(t, editor, { name: '新栏目' });
      const draft = await createStory(t, editor, { categoryId: from.id });
      const live = await actOk(t, editor, await createStory(t, editor, { headline: '已发布的稿件', categoryId: from.id }), 'publish');

      const events = t.app.get(EventRecorder);
      events.clear();
      const refused = await request(t.http).delete(`/api/admin/categories/${from.id}`).set('Authorization', editor.auth).expect(409);
      expect(refused.body).toMatchObject({ type: '/problems/category-in-use', articleCount: 2 });

      await request(t.http).delete(`/api/admin/categories/${from.id}?moveTo=${to.id}`).set('Authorization', editor.auth).expect(204);
      const moved = await request(t.http).get(`/api/admin/articles/${draft.id}`).set('Authorization', editor.auth).expect(200);
      expect(moved.body).toMatchObject({ categoryId: to.id, currentRevision: draft.currentRevision + 1, version: draft.version + 1 });
      const revision = await request(t.http)
        .get(`/api/admin/articles/${draft.id}/revisions/${moved.body.currentRevision}`)
        .set('Authorization', editor.auth)
        .expect(200);
      expect(revision.body.snapshot.categoryId).toBe(to.id);
      const publicStory = await request(t.http).get(`/api/content/articles/${live.slug}`).expect(200);
      expect(publicStory.body.category).toEqual({ name: '新栏目', slug: to.slug });
      expect((await auditOf(t, from.id)).map((e) => e.action)).toEqual(['category.create', 'category.delete']);
      // Derived data (the search index, caches, webhooks) hears of the bulk refiling like of any other save.
      const storyEvents = events.committed.flatMap((e) => (e.type.startsWith('story.') && 'articleId' in e ? [[e.type, e.articleId]] : []));
      expect(storyEvents.sort()).toEqual(
        [
          ['story.published', live.id],
          ['story.revised', draft.id],
          ['story.revised', live.id],
        ].sort(),
      );
      expect(events.committed).toContainEqual(expect.objectContaining({ type: 'section.merged', categoryId: from.id, into: to.id }));
      expect(events.committed).toContainEqual({ type: 'section.changed', categoryId: from.id, change: 'deleted' });
    });

    it('refuses a section with sub-sections', async () => {
      const parent = await createCategory(t, editor, { name: 'Parent' });
      await createCategory(t, editor, { name: 'Kid', parentId: parent.id });
      const res = await request(t.http).delete(`/api/admin/categories/${parent.id}`).set('Authorization', editor.auth).expect(409);
      expect(res.body.childCount).toBe(1);
    });

    it('deletes an empty section', async () => {
      const empty = await createCategory(t, editor, { name: 'Empty' });
      await request(t.http).delete(`/api/admin/categories/${empty.id}`).set('Authorization', editor.auth).expect(204);
      await request(t.http).get(`/api/admin/categories/${empty.id}`).set('Authorization', editor.auth).expect(404);
    });
  });

  it('findOrCreateByName creates a section once, even for concurrent imports', async () => {
    const categories = t.app.get(CategoriesService);
    const created = await Promise.all(
      Array.from({ length: 4 }, () => t.dataSource.transaction((manager) => categories.findOrCreateByName('财经', manager))),
    );
    expect(new Set(created.map((c) => c.id)).size).toBe(1);
    expect(created[0].slug).toBe('cai-jing');
    const business = await t.dataSource.transaction((manager) => categories.findOrCreateByName('Business', manager));
    const again = await t.dataSource.transaction((manager) => categories.findOrCreateByName(' business ', manager));
    expect(again.id).toBe(business.id);
  });
});
