// DATABASE_READ_URLS: the public content API reads from a streaming replica (a second PostgreSQL
// cluster made with pg_basebackup), reads from the primary while the replica has not replayed a
// change readers were told of, and keeps answering from the primary while the replica is down.
// Proof that a read came from the replica: replay is paused there, the primary alone is changed
// behind the app's back (no notification), and the API still shows what the replica holds.
import request from 'supertest';
import { ReadReplicas } from '../../src/database/read-replicas.js';
import { runMigrations } from '../../src/database/migrate.js';
import { startAppOn, type TestApp } from '../support/app.js';
import { removeClusters, startReplicatedPair, type Cluster } from '../support/replication.js';
import { eventually } from '../support/shared-db.js';
import { actOk, createStory, editOk, paragraphs, type StoryResponse } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';

let primary: Cluster;
let replica: Cluster;
let t: TestApp;
let editor: TestUser;

beforeAll(async () => {
  ({ primary, replica } = await startReplicatedPair());
  await runMigrations(primary.url);
  t = await startAppOn(primary.url, { DATABASE_READ_URLS: replica.url });
  editor = await createUser(t, ['editor']);
}, 60_000);

afterAll(async () => {
  await removeClusters();
  await t?.close();
}, 60_000);

const servingReplicas = () => t.app.get(ReadReplicas).status().serving;
const waitUntilServing = (count: number) => eventually(async () => (servingReplicas() === count ? true : undefined), 15_000, 20);

async function publish(headline: string, word: string): Promise<StoryResponse> {
  const story = await createStory(t, editor, { headline, body: paragraphs(`${word}：日内瓦会谈的最新消息。`) });
  return actOk(t, editor, story, 'publish');
}

async function pauseReplay(): Promise<void> {
  await replica.sql('SELECT pg_wal_replay_pause()');
  await eventually(async () =>
    (await replica.sql<{ state: string }>('SELECT pg_get_wal_replay_pause_state() AS state'))[0].state === 'paused' ? true : undefined,
  );
}

/** Changes a live headline on the primary only, as no editor can: the app hears nothing of it. */
const changeBehindTheAppsBack = (story: StoryResponse, headline: string) =>
  primary.sql('UPDATE published_article SET headline = $2 WHERE article_id = $1', [story.id, headline]);

const headlineOf = async (slug: string) => {
  const res = await request(t.http).get(`/api/content/articles/${encodeURIComponent(slug)}`);
  expect(res.status).toBe(200);
  return (res.body as { headline: string }).headline;
};

describe('a streaming read replica', () => {
  it('serves published stories, and until it has replayed a publish the primary serves them', async () => {
    const story = await publish('副本上的第一篇报道', '甲乙丙');
    await waitUntilServing(1);

    await pauseReplay();
    await changeBehindTheAppsBack(story, '只在主库上的标题');
    // The replica has not replayed the change: the API answers what the replica holds.
    expect(await headlineOf(story.slug)).toBe('副本上的第一篇报道');

    // A change readers are told of: while the (paused) replica lags behind it, reads go to the primary.
    await actOk(t, editor, await editOk(t, editor, story, { headline: '改过的标题' }), 'publish');
    const second = await publish('副本暂停时发表的报道', '丁戊己');
    expect(await headlineOf(story.slug)).toBe('改过的标题');
    expect(await headlineOf(second.slug)).toBe('副本暂停时发表的报道');
    expect(servingReplicas()).toBe(0);
    const search = await request(t.http).get('/api/content/search').query({ q: '丁戊己' });
    expect(search.status).toBe(200);
    expect((search.body as { items: Array<{ slug: string }> }).items.map((hit) => hit.slug)).toEqual([second.slug]);

    // Replay resumes: once the replica has caught up with the publish it serves again.
    await replica.sql('SELECT pg_wal_replay_resume()');
    await waitUntilServing(1);
  });

  it('answers from the primary while the replica is down, and reads from it again once it is back', async () => {
    const story = await publish('副本停机前发表的报道', '庚辛壬');
    await waitUntilServing(1);
    await replica.stop('immediate');

    expect(await headlineOf(story.slug)).toBe('副本停机前发表的报道');
    const list = await request(t.http).get('/api/content/articles').query({ limit: 3 });
    expect(list.status).toBe(200);
    expect((list.body as { items: Array<{ slug: string }> }).items[0].slug).toBe(story.slug);
    const search = await request(t.http).get('/api/content/search').query({ q: '庚辛壬' });
    expect(search.status).toBe(200);
    expect((search.body as { items: Array<{ slug: string }> }).items.map((hit) => hit.slug)).toEqual([story.slug]);
    const sitemap = await request(t.http).get('/sitemaps/news.xml');
    expect(sitemap.status).toBe(200);
    expect(sitemap.text).toContain(encodeURIComponent(story.slug));
    expect(servingReplicas()).toBe(0);

    await replica.start();
    await waitUntilServing(1);
    const later = await publish('副本恢复后发表的报道', '癸子丑');
    await waitUntilServing(1);
    await pauseReplay();
    await changeBehindTheAppsBack(later, '只在主库上的标题');
    expect(await headlineOf(later.slug)).toBe('副本恢复后发表的报道');
    await replica.sql('SELECT pg_wal_replay_resume()');
  });

  it('gives up on a replica that stops answering without closing its connections, and answers from the primary', async () => {
    const story = await publish('副本挂起前发表的报道', '寅卯辰');
    await waitUntilServing(1);
    await replica.freeze();
    try {
      // The replica's pooled connections are open but nothing answers on them: the read times out and
      // is answered from the primary; later reads go there straight away.
      expect(await headlineOf(story.slug)).toBe('副本挂起前发表的报道');
      expect(servingReplicas()).toBe(0);
      const list = await request(t.http).get('/api/content/articles').query({ limit: 4 });
      expect(list.status).toBe(200);
      expect((list.body as { items: Array<{ slug: string }> }).items[0].slug).toBe(story.slug);
    } finally {
      await replica.thaw();
    }
    await waitUntilServing(1);
  });

  // Last: the primary does not come back within this file.
  it('keeps serving published stories from the replica while the primary is down', async () => {
    const story = await publish('主库停机前发表的报道', '卯辰巳');
    await waitUntilServing(1);
    await primary.stop('immediate');
    expect(await headlineOf(story.slug)).toBe('主库停机前发表的报道');
    const list = await request(t.http).get('/api/content/articles').query({ limit: 5 });
    expect(list.status).toBe(200);
    expect((list.body as { items: Array<{ slug: string }> }).items[0].slug).toBe(story.slug);
    const search = await request(t.http).get('/api/content/search').query({ q: '卯辰巳' });
    expect(search.status).toBe(200);
    expect((search.body as { items: Array<{ slug: string }> }).items.map((hit) => hit.slug)).toEqual([story.slug]);
  });
});
