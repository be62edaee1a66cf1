// Embargo: a story is not public before its embargo time, whoever asks and however.
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { act, actOk, auditOf, createStory, edit, editOk, paragraphs } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe('articles: embargo', () => {
  let t: TestApp;
  let editor: TestUser;
  let contributor: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    editor = await createUser(t, ['editor']);
    contributor = await createUser(t, ['contributor']);
  });

  afterAll(async () => {
    await t.close();
  });

  const story = (user: TestUser, extra: Record<string, unknown> = {}) =>
    createStory(t, user, { headline: '央行公布第三季经济数据', body: paragraphs('国内生产总值按年增长5.3%。'), ...extra });

  it('refuses to publish an embargoed story, offers no publish action, and publishes once the embargo is lifted', async () => {
    const until = inMinutes(60);
    const draft = await story(editor, { embargoUntil: until });
    expect(draft.embargoUntil).toBe(until);
    expect(draft.allowedActions).not.toContain('publish');
    expect(draft.allowedActions).toContain('schedule');

    const refused = await act(t, editor, draft, 'publish').expect(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ type: '/problems/embargoed', embargoUntil: until });
    const content = await request(t.http).get(`/api/content/articles/${draft.slug}`);
    expect(content.status).toBe(404);

    const lifted = await editOk(t, editor, draft, { embargoUntil: null });
    expect(lifted).toMatchObject({ embargoUntil: null, version: draft.version + 1, currentRevision: draft.currentRevision });
    expect(lifted.allowedActions).toContain('publish');
    await actOk(t, editor, lifted, 'publish');
    await request(t.http).get(`/api/content/articles/${draft.slug}`).expect(200);
    const actions = (await auditOf(t, draft.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['article.embargo_lift', 'article.publish']));
  });

  it('lets the embargo pass by itself: publishing works after its time', async () => {
    const draft = await story(editor, { headline: '股市开盘报告', embargoUntil: new Date(Date.now() + 1500).toISOString() });
    await act(t, editor, draft, 'publish').expect(409);
    await new Promise((r) => setTimeout(r, 1600));
    const fetched = await request(t.http).get(`/api/admin/articles/${draft.id}`).set('Authorization', editor.auth).expect(200);
    expect(fetched.body.allowedActions).toContain('publish');
    await actOk(t, editor, draft, 'publish');
  });

  it('allows a schedule at or after the embargo, never before', async () => {
    const until = inMinutes(120);
    const draft = await story(editor, { headline: '财政预算案提呈', embargoUntil: until });
    const early = await act(t, editor, draft, 'schedule', { publishAt: inMinutes(60) }).expect(422);
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'publishAt', message: expect.stringContaining(until) })]);
    const scheduled = await actOk(t, editor, draft, 'schedule', { publishAt: until });
    expect(scheduled).toMatchObject({ status: 'scheduled', scheduledAt: until });

    // Pushing the embargo past the scheduled time would let the schedule break it.
    const later = await edit(t, editor, scheduled, { embargoUntil: inMinutes(180) }).expect(422);
    expect(later.body.errors).toEqual([expect.objectContaining({ field: 'embargoUntil' })]);
  });

  it('lets a writer set and extend an embargo on their story but not lift or shorten it', async () => {
    const draft = await story(contributor, { headline: '选区划分报告出炉' });
    const set = await editOk(t, contributor, draft, { embargoUntil: inMinutes(60) });
    const extended = await editOk(t, contributor, set, { embargoUntil: inMinutes(90) });
    const lift = await edit(t, contributor, extended, { embargoUntil: null }).expect(403);
    expect(lift.body).toMatchObject({ missingPermissions: ['article.publish'] });
    await edit(t, contributor, extended, { embargoUntil: inMinutes(30) }).expect(403);
    // Refused writes change nothing, not even the rest of the same request.
    await edit(t, contributor, extended, { embargoUntil: null, headline: '改过的标题' }).expect(403);
    const after = await request(t.http).get(`/api/admin/articles/${draft.id}`).set('Authorization', contributor.auth).expect(200);
    expect(after.body).toMatchObject({ headline: '选区划分报告出炉', embargoUntil: extended.embargoUntil, version: extended.version });
  });

  it('refuses an embargo in the past, a malformed one, and one on a story readers already see', async () => {
    const draft = await story(editor, { headline: '国会今日复会' });
    const past = await edit(t, editor, draft, { embargoUntil: inMinutes(-5) }).expect(422);
    expect(past.body.errors).toEqual([{ field: 'embargoUntil', message: 'embargoUntil must be in the future' }]);
    const malformed = await edit(t, editor, draft, { embargoUntil: 'tomorrow morning' }).expect(422);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'embargoUntil' })]);
    await request(t.http).post('/api/admin/articles').set('Authorization', editor.auth).send({ headline: '过去', embargoUntil: inMinutes(-1) }).expect(422);

    const published = await actOk(t, editor, draft, 'publish');
    const onPublic = await edit(t, editor, published, { embargoUntil: inMinutes(60) }).expect(409);
    expect(onPublic.body.type).toBe('/problems/already-public');
    const unchanged = await request(t.http).get(`/api/admin/articles/${draft.id}`).set('Authorization', editor.auth).expect(200);
    expect(unchanged.body).toMatchObject({ embargoUntil: null, version: published.version });
  });
});
