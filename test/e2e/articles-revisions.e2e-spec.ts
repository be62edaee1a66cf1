import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { actOk, auditOf, createStory, editOk, paragraphs, type StoryResponse } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';

describe('articles: revisions, diff and restore', () => {
  let t: TestApp;
  let editor: TestUser;
  let contributor: TestUser;
  let story: StoryResponse;
  let latest: StoryResponse;

  beforeAll(async () => {
    t = await createTestApp();
    editor = await createUser(t, ['editor'], { displayName: '陈兆良' });
    contributor = await createUser(t, ['contributor']);
    story = await createStory(t, editor, {
      headline: '布林肯与拉夫罗夫在日内瓦会面',
      body: paragraphs('美国国务卿布林肯与俄罗斯外长拉夫罗夫当地时间周五在瑞士日内瓦会面。'),
      tags: ['美国'],
    });
    const second = await editOk(t, editor, story, {
      headline: '布林肯与拉夫罗夫在日内瓦再次会面',
      body: paragraphs('美国国务卿布林肯与俄罗斯外长拉夫罗夫当地时间周六在瑞士日内瓦会面。'),
      note: '改正日期',
    });
    latest = await editOk(t, editor, second, { tags: ['美国', '俄罗斯'] });
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (path: string, user = editor) => request(t.http).get(`/api/admin/articles/${story.id}${path}`).set('Authorization', user.auth);

  it('lists revisions newest first with reason, author, note and time', async () => {
    const res = await get('/revisions').expect(200);
    expect(res.body.items.map((r: { number: number; reason: string }) => [r.number, r.reason])).toEqual([
      [3, 'save'],
      [2, 'save'],
      [1, 'create'],
    ]);
    expect(res.body.items[1]).toMatchObject({
      note: '改正日期',
      author: { id: editor.id, displayName: '陈兆良' },
      headline: '布林肯与拉夫罗夫在日内瓦再次会面',
    });
    expect(Date.parse(res.body.items[0].createdAt)).not.toBeNaN();
    const page = await get('/revisions?limit=2').expect(200);
    const rest = await get(`/revisions?limit=2&cursor=${page.body.nextCursor}`).expect(200);
    expect(rest.body.items.map((r: { number: number }) => r.number)).toEqual([1]);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('returns one revision with its full snapshot, and 404 for one that does not exist', async () => {
    const res = await get('/revisions/1').expect(200);
    expect(res.body.snapshot).toMatchObject({ headline: '布林肯与拉夫罗夫在日内瓦会面', tags: ['美国'], authors: [editor.id] });
    await get('/revisions/99').expect(404);
    await get('/revisions/abc').expect(404);
    await get('/revisions/99999999999').expect(404);
  });

  it('diffs two revisions field by field, character by character in Chinese', async () => {
    const res = await get('/diff?from=1&to=2').expect(200);
    expect(res.body.from).toBe(1);
    expect(res.body.to).toBe(2);
    const headline = res.body.changes.find((c: { field: string }) => c.field === 'headline');
    expect(headline.changes).toEqual([{ value: '布林肯与拉夫罗夫在日内瓦' }, { value: '再次', added: true }, { value: '会面' }]);
    const text = res.body.changes.find((c: { field: string }) => c.field === 'body[0].text');
    expect(text.changes.filter((c: { removed?: boolean }) => c.removed)).toEqual([{ value: '五', removed: true }]);
    expect(text.changes.filter((c: { added?: boolean }) => c.added)).toEqual([{ value: '六', added: true }]);
  });

  it('diffs the current revision against the one before by default', async () => {
    const res = await get('/diff').expect(200);
    expect(res.body).toMatchObject({ from: 2, to: 3 });
    expect(res.body.changes.map((c: { field: string }) => c.field)).toEqual(['tags']);
    await get('/diff?from=1&to=42').expect(404);
    await get('/diff?from=0').expect(422);
  });

  it('restores an old revision as a new one, leaving history untouched', async () => {
    const missing = await request(t.http).post(`/api/admin/articles/${story.id}/revisions/1/restore`).set('Authorization', editor.auth).expect(428);
    expect(missing.body.status).toBe(428);
    const res = await request(t.http)
      .post(`/api/admin/articles/${story.id}/revisions/1/restore`)
      .set('Authorization', editor.auth)
      .set('If-Match', `"${latest.version}"`)
      .expect(200);
    expect(res.headers.etag).toBe(`"${latest.version + 1}"`);
    expect(res.body).toMatchObject({ headline: '布林肯与拉夫罗夫在日内瓦会面', tags: ['美国'], currentRevision: 4, slug: story.slug });
    // Never published, so the automatic slug followed the headline away and back.
    expect(latest.slug).not.toBe(story.slug);
    const revisions = await get('/revisions').expect(200);
    expect(revisions.body.items.map((r: { reason: string }) => r.reason)).toEqual(['restore', 'save', 'save', 'create']);
    expect(revisions.body.items[0].note).toBe('Restored revision 1');
    expect((await get('/revisions/2').expect(200)).body.snapshot.headline).toBe('布林肯与拉夫罗夫在日内瓦再次会面');
    const diff = await get('/diff?from=1&to=4').expect(200);
    expect(diff.body.changes).toEqual([]);
    expect((await auditOf(t, story.id)).map((e) => e.action)).toContain('article.restore');
  });

  it('restoring keeps the live version and its URL until the next publish', async () => {
    const live = await actOk(t, editor, await createStory(t, editor, { headline: 'Version one' }), 'publish');
    const two = await editOk(t, editor, live, { headline: 'Version two', slug: 'version-two' });
    const republished = await actOk(t, editor, two, 'publish');
    const restored = await request(t.http)
      .post(`/api/admin/articles/${live.id}/revisions/1/restore`)
      .set('Authorization', editor.auth)
      .set('If-Match', `"${republished.version}"`)
      .expect(200);
    expect(restored.body).toMatchObject({
      headline: 'Version one',
      status: 'published',
      publishedRevision: republished.publishedRevision,
      slug: 'version-two',
    });
    // The URL of a published story does not move back with the restored content.
    expect((await request(t.http).get('/api/content/articles/version-two').expect(200)).body.headline).toBe('Version two');
    await request(t.http).get(`/api/content/articles/${live.slug}`).expect(404);
  });

  it("hides another writer's revisions (404)", async () => {
    await get('/revisions', contributor).expect(404);
    await get('/diff', contributor).expect(404);
  });
});
