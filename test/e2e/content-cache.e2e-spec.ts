// The public response cache across two app instances sharing one database (as behind a load
// balancer): a change committed through one is never served stale by the other.
import request from 'supertest';
import type { TestApp } from '../support/app.js';
import { createSharedDatabase, settled, startAppOn } from '../support/shared-db.js';
import { actOk, createCategory, createStory, editOk, paragraphs } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';

describe('content response cache with two app instances', () => {
  let db: Awaited<ReturnType<typeof createSharedDatabase>>;
  let writer: TestApp;
  let reader: TestApp;
  let editor: TestUser;

  beforeAll(async () => {
    db = await createSharedDatabase();
    writer = await startAppOn(db.url, { SCHEDULER_ENABLED: 'false' });
    reader = await startAppOn(db.url, { SCHEDULER_ENABLED: 'false' });
    editor = await createUser(writer, ['editor']);
  });
  afterAll(async () => {
    await reader.close();
    await writer.close();
    await db.drop();
  });

  const headlines = async () => ((await request(reader.http).get('/api/content/articles?limit=5')).body.items as Array<{ headline: string }>).map((i) => i.headline);

  it('shows a story published through the other instance, then its republished edit, then drops it when unpublished', async () => {
    expect(await headlines()).toEqual([]);
    expect(await headlines()).toEqual([]); // now cached in the reader

    let story = await createStory(writer, editor, { headline: '国盟改选在即', body: paragraphs('国盟将在下月举行改选。') });
    story = await actOk(writer, editor, story, 'publish');
    expect(await settled(headlines, (h) => h.length === 1)).toEqual(['国盟改选在即']);

    story = await editOk(writer, editor, story, { headline: '国盟改选延后' });
    expect(await headlines()).toEqual(['国盟改选在即']); // an unpublished edit is not news to readers
    story = await actOk(writer, editor, story, 'publish');
    expect(await settled(headlines, (h) => h[0] === '国盟改选延后')).toEqual(['国盟改选延后']);

    const bySlug = await request(reader.http).get(`/api/content/articles/${story.slug}`).expect(200);
    expect(bySlug.body.headline).toBe('国盟改选延后');
    const revalidated = await request(reader.http).get(`/api/content/articles/${story.slug}`).set('If-None-Match', bySlug.headers.etag).expect(304);
    expect(revalidated.text).toBe('');

    await actOk(writer, editor, story, 'unpublish');
    expect(await settled(headlines, (h) => h.length === 0)).toEqual([]);
    await request(reader.http).get(`/api/content/articles/${story.slug}`).expect(404);
  });

  it('shows a new section in the public tree at once', async () => {
    const names = async () => ((await request(reader.http).get('/api/content/categories')).body.items as Array<{ name: string }>).map((c) => c.name);
    const before = await names();
    await createCategory(writer, editor, { name: '体育' });
    expect(await settled(names, (n) => n.length === before.length + 1)).toContain('体育');
  });
});
