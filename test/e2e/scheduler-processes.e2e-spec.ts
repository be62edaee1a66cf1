// Two real server processes against one database, both polling: every scheduled story is published
// exactly once. Needs the compiled server (`npm run build`), as `npm test` does first.
import request from 'supertest';
import type { TestApp } from '../support/app.js';
import { createSharedDatabase, eventually, spawnServer, startAppOn, type ServerProcess } from '../support/shared-db.js';
import { act, createStory, type StoryResponse } from '../support/stories.js';
import { createUser } from '../support/users.js';

const STORIES = 8;

describe('scheduled publishing with two processes', () => {
  let db: { url: string; drop(): Promise<void> };
  let quiet: TestApp;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    db = await createSharedDatabase();
    quiet = await startAppOn(db.url, { SCHEDULER_ENABLED: 'false' });
    servers.push(
      ...(await Promise.all([spawnServer(db.url, { SCHEDULER_INTERVAL_MS: '100' }), spawnServer(db.url, { SCHEDULER_INTERVAL_MS: '100' })])),
    );
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await quiet.close();
    await db.drop();
  });

  it('publishes each of several stories due at the same moment exactly once', async () => {
    const author = await createUser(quiet, ['author']);
    const drafts: StoryResponse[] = [];
    for (let i = 0; i < STORIES; i += 1) drafts.push(await createStory(quiet, author, { headline: `Simultaneous story ${i}` }));
    // Far enough ahead that scheduling them all finishes first, even on a loaded machine.
    const publishAt = new Date(Date.now() + 6_000).toISOString();
    const stories: StoryResponse[] = [];
    for (const [i, story] of drafts.entries()) {
      // Scheduled through the two servers in turn: any process takes any write.
      const server = servers[i % 2];
      const res = await request(`http://127.0.0.1:${server.port}`)
        .post(`/api/admin/articles/${story.id}/schedule`)
        .set('Authorization', author.auth)
        .set('If-Match', `"${story.version}"`)
        .send({ publishAt })
        .expect(200);
      stories.push(res.body as StoryResponse);
    }

    await eventually(async () => {
      const rows: Array<{ n: string }> = await quiet.dataSource.query(
        `SELECT count(*) AS n FROM published_article WHERE article_id = ANY($1::uuid[])`,
        [stories.map((s) => s.id)],
      );
      return Number(rows[0].n) === STORIES ? true : undefined;
    }, 20_000);
    // A few more polls by both processes: nothing may fire a second time.
    await new Promise((r) => setTimeout(r, 1_000));

    const publishes: Array<{ entity_id: string; n: string }> = await quiet.dataSource.query(
      `SELECT entity_id, count(*) AS n FROM audit_entry WHERE action = 'article.publish' AND entity_id = ANY($1) GROUP BY entity_id`,
      [stories.map((s) => s.id)],
    );
    expect(publishes.map((p) => Number(p.n))).toEqual(Array.from({ length: STORIES }, () => 1));
    const revisions: Array<{ article_id: string; n: string }> = await quiet.dataSource.query(
      `SELECT article_id, count(*) AS n FROM article_revision WHERE reason = 'publish' AND article_id = ANY($1::uuid[]) GROUP BY article_id`,
      [stories.map((s) => s.id)],
    );
    expect(revisions.map((r) => Number(r.n))).toEqual(Array.from({ length: STORIES }, () => 1));
    for (const story of stories) {
      const res = await act(quiet, author, story, 'schedule', { publishAt: new Date(Date.now() + 60_000).toISOString() });
      expect(res.status).toBe(412); // published since, so the version moved on
    }
    expect(servers.every((s) => s.process.exitCode === null)).toBe(true);
  });
});
