import request from 'supertest';
import type { TestApp } from '../support/app.js';
import { createSharedDatabase, eventually, startAppOn } from '../support/shared-db.js';
import { actOk, auditOf, createPhoto, createStory } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';

describe('scheduled publishing', () => {
  let db: { url: string; drop(): Promise<void> };
  let quiet: TestApp; // no scheduler: what it schedules waits for `poller`
  let poller: TestApp | undefined;
  let author: TestUser;

  beforeAll(async () => {
    db = await createSharedDatabase();
    quiet = await startAppOn(db.url, { SCHEDULER_ENABLED: 'false' });
    author = await createUser(quiet, ['author']);
  });
  afterAll(async () => {
    await poller?.close();
    await quiet.close();
    await db.drop();
  });

  const isLive = (slug: string) => async () => {
    const res = await request(quiet.http).get(`/api/content/articles/${slug}`);
    return res.status === 200 ? (res.body as { publishedAt: string }) : undefined;
  };
  const statusOf = async (id: string): Promise<string> => (await quiet.dataSource.query(`SELECT status FROM article WHERE id = $1`, [id]))[0].status;

  it('catches up after downtime: a story that fell due while no process ran is published at start', async () => {
    const story = await actOk(quiet, author, await createStory(quiet, author, { headline: 'Due during downtime' }), 'schedule', {
      publishAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await quiet.dataSource.query(`UPDATE article SET scheduled_at = now() - interval '10 minutes' WHERE id = $1`, [story.id]);
    expect(await statusOf(story.id)).toBe('scheduled');
    await request(quiet.http).get(`/api/content/articles/${story.slug}`).expect(404);

    poller = await startAppOn(db.url);
    await eventually(isLive(story.slug));
    const audit = (await auditOf(quiet, story.id)).filter((e) => e.action === 'article.publish');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: null, summary: { scheduled: true, from: 'scheduled' } });
    const revisions = await request(quiet.http).get(`/api/admin/articles/${story.id}/revisions`).set('Authorization', author.auth).expect(200);
    expect(revisions.body.items[0]).toMatchObject({ reason: 'publish', author: null });
  });

  it('publishes a scheduled story at its time, not before', async () => {
    const publishAt = new Date(Date.now() + 2_000).toISOString();
    const story = await actOk(quiet, author, await createStory(quiet, author, { headline: 'Scheduled two seconds ahead' }), 'schedule', {
      publishAt,
    });
    const live = await eventually(isLive(story.slug), 10_000);
    expect(Date.parse(live.publishedAt)).toBeGreaterThanOrEqual(Date.parse(publishAt));
    const admin = await request(quiet.http).get(`/api/admin/articles/${story.id}`).set('Authorization', author.auth).expect(200);
    expect(admin.body).toMatchObject({ status: 'published', scheduledAt: null, publishedRevision: admin.body.currentRevision });
  });

  it('unscheduling cancels the publication', async () => {
    const publishAt = new Date(Date.now() + 1_500).toISOString();
    const scheduled = await actOk(quiet, author, await createStory(quiet, author, { headline: 'Cancelled' }), 'schedule', { publishAt });
    await actOk(quiet, author, scheduled, 'unschedule');
    // Well past the time and several polls later, it is still a draft.
    await new Promise((r) => setTimeout(r, 3_500));
    expect(await statusOf(scheduled.id)).toBe('draft');
    await request(quiet.http).get(`/api/content/articles/${scheduled.slug}`).expect(404);
  });

  it('sends a story back to draft, with the reason, when it can no longer be published at its time', async () => {
    const photo = await createPhoto(quiet, { credit: '路透社' });
    const story = await actOk(
      quiet,
      author,
      await createStory(quiet, author, { headline: 'Credit lost', featuredImage: { mediaId: photo.id } }),
      'schedule',
      {
        publishAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
    );
    await quiet.dataSource.query(`UPDATE media_asset SET credit = NULL WHERE id = $1`, [photo.id]);
    await quiet.dataSource.query(`UPDATE article SET scheduled_at = now() WHERE id = $1`, [story.id]);
    await eventually(async () => ((await statusOf(story.id)) === 'draft' ? true : undefined));
    const admin = await request(quiet.http).get(`/api/admin/articles/${story.id}`).set('Authorization', author.auth).expect(200);
    expect(admin.body.reviewNote.note).toContain('credit');
    const failed = (await auditOf(quiet, story.id)).find((e) => e.action === 'article.schedule_failed');
    expect(failed?.summary).toMatchObject({ photosMissingCredit: [{ mediaId: photo.id, field: 'featuredImage' }] });
  });
});
