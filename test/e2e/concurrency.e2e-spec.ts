import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { auditOf, createStory, type StoryResponse } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';

describe('concurrency: optimistic locking with If-Match', () => {
  let t: TestApp;
  let editor: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ SCHEDULER_ENABLED: 'false' });
    editor = await createUser(t, ['editor']);
  });
  afterAll(async () => {
    await t.close();
  });

  const revisionCount = async (story: StoryResponse) =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM article_revision WHERE article_id = $1`, [story.id]))[0].n);

  it('ten writers on one version: exactly one wins, nine get 412 with the new version, one new revision', async () => {
    const story = await createStory(t, editor);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        request(t.http)
          .patch(`/api/admin/articles/${story.id}`)
          .set('Authorization', editor.auth)
          .set('If-Match', `"${story.version}"`)
          .send({ headline: `Writer ${i} was here` }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 412, 412, 412, 412, 412, 412, 412, 412, 412]);
    const winner = responses.find((r) => r.status === 200)!;
    for (const loser of responses.filter((r) => r.status === 412)) expect(loser.body.currentVersion).toBe(story.version + 1);
    expect(await revisionCount(story)).toBe(2);
    const current = await request(t.http).get(`/api/admin/articles/${story.id}`).set('Authorization', editor.auth).expect(200);
    expect(current.body.headline).toBe(winner.body.headline);
    expect(current.headers.etag).toBe(`"${story.version + 1}"`);
  });

  it('ten concurrent publishes of one version: one publish, one revision, one audit entry', async () => {
    const story = await createStory(t, editor);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        request(t.http)
          .post(`/api/admin/articles/${story.id}/publish`)
          .set('Authorization', editor.auth)
          .set('If-Match', `"${story.version}"`)
          .send({}),
      ),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 412)).toHaveLength(9);
    expect((await auditOf(t, story.id)).filter((e) => e.action === 'article.publish')).toHaveLength(1);
    expect(await revisionCount(story)).toBe(2);
  });

  it('accepts the weak and bare forms of If-Match and refuses garbage with 428', async () => {
    const story = await createStory(t, editor);
    await request(t.http)
      .patch(`/api/admin/articles/${story.id}`)
      .set('Authorization', editor.auth)
      .set('If-Match', `W/"${story.version}"`)
      .send({ byline: 'a' })
      .expect(200);
    await request(t.http)
      .patch(`/api/admin/articles/${story.id}`)
      .set('Authorization', editor.auth)
      .set('If-Match', String(story.version + 1))
      .send({ byline: 'b' })
      .expect(200);
    await request(t.http)
      .patch(`/api/admin/articles/${story.id}`)
      .set('Authorization', editor.auth)
      .set('If-Match', 'whatever')
      .send({ byline: 'c' })
      .expect(428);
  });

  it('a stale write changes nothing', async () => {
    const story = await createStory(t, editor, { headline: 'Original' });
    await request(t.http)
      .patch(`/api/admin/articles/${story.id}`)
      .set('Authorization', editor.auth)
      .set('If-Match', `"${story.version}"`)
      .send({ headline: 'First' })
      .expect(200);
    const stale = await request(t.http)
      .patch(`/api/admin/articles/${story.id}`)
      .set('Authorization', editor.auth)
      .set('If-Match', `"${story.version}"`)
      .send({ headline: 'Lost?' })
      .expect(412);
    const current = await request(t.http).get(`/api/admin/articles/${story.id}`).set('Authorization', editor.auth).expect(200);
    expect(current.body.headline).toBe('First');
    // The refusal names the version to retry with, as body field and as the validator a read sends.
    expect(stale.body.currentVersion).toBe(current.body.version);
    expect(stale.headers.etag).toBe(`"${current.body.version}"`);
    expect(stale.headers.etag).toBe(current.headers.etag);
  });
});
