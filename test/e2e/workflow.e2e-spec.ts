import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { act, actOk, auditOf, createPhoto, createStory, editOk, paragraphs } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';

describe('workflow', () => {
  let t: TestApp;
  let contributor: TestUser;
  let author: TestUser;
  let otherAuthor: TestUser;
  let editor: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    contributor = await createUser(t, ['contributor'], { displayName: '李明' });
    author = await createUser(t, ['author'], { displayName: '王芳' });
    otherAuthor = await createUser(t, ['author']);
    editor = await createUser(t, ['editor'], { displayName: '陈兆良' });
  });
  afterAll(async () => {
    await t.close();
  });

  const publicStory = (slug: string) => request(t.http).get(`/api/content/articles/${slug}`);

  it('runs the editorial loop end to end: write, submit, request changes, resubmit, publish, edit, republish, unpublish', async () => {
    const draft = await createStory(t, contributor, { headline: '女足绿茵场上再创佳绩', body: paragraphs('国家女子足球队周六以三比一击败对手。') });
    const submitted = await actOk(t, contributor, draft, 'submit');
    expect(submitted).toMatchObject({ status: 'in_review', allowedActions: [] });
    await publicStory(draft.slug).expect(404);

    const sentBack = await actOk(t, editor, submitted, 'request-changes', { note: '请补充比赛地点。' });
    expect(sentBack).toMatchObject({ status: 'draft', reviewNote: { note: '请补充比赛地点。', authorId: editor.id } });
    const seenByWriter = await request(t.http).get(`/api/admin/articles/${draft.id}`).set('Authorization', contributor.auth).expect(200);
    expect(seenByWriter.body.reviewNote.note).toBe('请补充比赛地点。');

    const fixed = await editOk(t, contributor, sentBack, { dateline: '(吉隆坡22日讯)' });
    const resubmitted = await actOk(t, contributor, fixed, 'submit', { note: '已补充' });
    expect(resubmitted.reviewNote).toBeNull();

    const published = await actOk(t, editor, resubmitted, 'publish');
    expect(published).toMatchObject({ status: 'published', publishedRevision: published.currentRevision, allowedActions: ['publish', 'unpublish'] });
    const live = await publicStory(draft.slug).expect(200);
    expect(live.body).toMatchObject({ headline: '女足绿茵场上再创佳绩', dateline: '(吉隆坡22日讯)', authors: [{ displayName: '李明' }] });
    const firstPublishedAt = live.body.publishedAt;

    // Edits change the working copy only; readers keep seeing the pinned revision.
    const edited = await editOk(t, editor, published, { headline: '女足再创佳绩' });
    expect(edited).toMatchObject({
      status: 'published',
      publishedRevision: published.publishedRevision,
      currentRevision: published.currentRevision + 1,
    });
    expect((await publicStory(draft.slug).expect(200)).body.headline).toBe('女足绿茵场上再创佳绩');

    const republished = await actOk(t, editor, edited, 'publish');
    expect(republished.publishedRevision).toBe(edited.currentRevision + 1);
    const relive = await publicStory(draft.slug).expect(200);
    expect(relive.body.headline).toBe('女足再创佳绩');
    expect(relive.body.publishedAt).toBe(firstPublishedAt);
    expect(relive.body.updatedAt > live.body.updatedAt).toBe(true);
    expect(republished.publishedAt).toBe(firstPublishedAt);

    const unpublished = await actOk(t, editor, republished, 'unpublish');
    expect(unpublished).toMatchObject({ status: 'unpublished', publishedRevision: null, publishedAt: firstPublishedAt });
    await publicStory(draft.slug).expect(404);

    const revisions = await request(t.http).get(`/api/admin/articles/${draft.id}/revisions`).set('Authorization', editor.auth).expect(200);
    expect(revisions.body.items.map((r: { reason: string }) => r.reason)).toEqual([
      'publish',
      'save',
      'publish',
      'submit',
      'save',
      'submit',
      'create',
    ]);
    const audit = await auditOf(t, draft.id);
    expect(audit.map((e) => e.action)).toEqual([
      'article.create',
      'article.submit',
      'article.request_changes',
      'article.submit',
      'article.publish',
      'article.publish',
      'article.unpublish',
    ]);
    expect(audit[2]).toMatchObject({ actor_id: editor.id, summary: { from: 'in_review', to: 'draft', note: '请补充比赛地点。' } });
  });

  it('answers 403 for an action the user lacks the permission for', async () => {
    const story = await createStory(t, contributor);
    const res = await act(t, contributor, story, 'publish').expect(403);
    expect(res.body.type).toBe('/problems/forbidden');
    await act(t, contributor, story, 'archive').expect(403);
  });

  it('answers 409 with allowedActions when the state does not allow the action', async () => {
    const story = await actOk(t, editor, await createStory(t, editor), 'publish');
    const res = await act(t, editor, story, 'submit').expect(409);
    expect(res.body).toMatchObject({ status: 409, articleStatus: 'published', allowedActions: ['publish', 'unpublish'] });
    const archive = await act(t, editor, story, 'archive').expect(409);
    expect(archive.body.allowedActions).toEqual(['publish', 'unpublish']);
  });

  it('lets an author publish their own stories only; others are 404', async () => {
    const own = await createStory(t, author);
    expect(own.allowedActions).toEqual(['submit', 'publish', 'schedule']);
    await actOk(t, author, own, 'publish');
    const someoneElses = await createStory(t, otherAuthor);
    await act(t, author, someoneElses, 'publish').expect(404);
    await act(t, author, { id: '00000000-0000-4000-8000-000000000000', version: 1 }, 'publish').expect(404);
  });

  it('requires If-Match on every action (428), current (412)', async () => {
    const story = await createStory(t, editor);
    const missing = await request(t.http).post(`/api/admin/articles/${story.id}/submit`).set('Authorization', editor.auth).send({}).expect(428);
    expect(missing.body.type).toBe('/problems/precondition-required');
    const stale = await act(t, editor, { id: story.id, version: story.version - 1 }, 'submit').expect(412);
    expect(stale.body.currentVersion).toBe(story.version);
  });

  it('archives any state but published, and an archived story takes no action', async () => {
    const archived = await actOk(t, editor, await createStory(t, editor), 'archive');
    expect(archived).toMatchObject({ status: 'archived', allowedActions: [] });
    const res = await act(t, editor, archived, 'publish').expect(409);
    expect(res.body.allowedActions).toEqual([]);
    const unpublished = await actOk(t, editor, await actOk(t, editor, await createStory(t, editor), 'publish'), 'unpublish');
    await actOk(t, editor, unpublished, 'archive');
  });

  it('request-changes needs a note', async () => {
    const story = await actOk(t, contributor, await createStory(t, contributor), 'submit');
    const res = await act(t, editor, story, 'request-changes', {}).expect(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('note');
  });

  it('refuses to publish a photo without a credit line (409 photosMissingCredit), until one is given', async () => {
    const uncredited = await createPhoto(t, { credit: null });
    const story = await createStory(t, editor, {
      featuredImage: { mediaId: uncredited.id },
      body: [...paragraphs('正文。'), { type: 'image', mediaId: uncredited.id, credit: '本报摄' }],
    });
    const refused = await act(t, editor, story, 'publish').expect(409);
    expect(refused.body.photosMissingCredit).toEqual([{ mediaId: uncredited.id, field: 'featuredImage' }]);
    const credited = await editOk(t, editor, story, { featuredImage: { mediaId: uncredited.id, credit: '俄罗斯外交部' } });
    const published = await actOk(t, editor, credited, 'publish');
    const live = await publicStory(published.slug).expect(200);
    expect(live.body.featuredImage.credit).toBe('俄罗斯外交部');
    const rows = await t.dataSource.query(`SELECT published FROM article_media WHERE article_id = $1 ORDER BY published`, [story.id]);
    expect(rows).toEqual([{ published: false }, { published: true }]);
  });

  describe('scheduling', () => {
    it('lets an author schedule their own story in the future, and refuses the past with 422', async () => {
      const story = await createStory(t, author);
      const past = await act(t, author, story, 'schedule', { publishAt: new Date(Date.now() - 60_000).toISOString() }).expect(422);
      expect(past.body.errors).toEqual([{ field: 'publishAt', message: 'publishAt must be in the future' }]);
      await act(t, author, story, 'schedule', { publishAt: 'tomorrow' }).expect(422);
      const publishAt = new Date(Date.now() + 3_600_000).toISOString();
      const scheduled = await actOk(t, author, story, 'schedule', { publishAt });
      expect(scheduled).toMatchObject({ status: 'scheduled', scheduledAt: publishAt, allowedActions: ['publish', 'unschedule'] });
      const unscheduled = await actOk(t, author, scheduled, 'unschedule');
      expect(unscheduled).toMatchObject({ status: 'draft', scheduledAt: null });
      expect((await auditOf(t, story.id)).map((e) => e.action)).toEqual(['article.create', 'article.schedule', 'article.unschedule']);
    });

    it('does not let a contributor schedule', async () => {
      const story = await createStory(t, contributor);
      await act(t, contributor, story, 'schedule', { publishAt: new Date(Date.now() + 3_600_000).toISOString() }).expect(403);
    });
  });
});
