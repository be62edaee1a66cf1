import request from 'supertest';
import { MediaAsset } from '../../src/media/media-asset.entity.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { actOk, createCategory, createPhoto, createStory, editOk, paragraphs, type StoryResponse } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';

describe('content API (public)', () => {
  let t: TestApp;
  let editor: TestUser;
  let world: { id: string; slug: string };
  let asia: { id: string; slug: string };
  let photoId: string;
  const published: StoryResponse[] = [];
  const hidden: Record<string, StoryResponse> = {};

  const publish = async (body: Record<string, unknown>) => {
    const story = await actOk(t, editor, await createStory(t, editor, body), 'publish');
    published.push(story);
    return story;
  };

  beforeAll(async () => {
    t = await createTestApp();
    editor = await createUser(t, ['editor'], { displayName: '陈兆良' });
    world = await createCategory(t, editor, { name: '国际' });
    asia = await createCategory(t, editor, { name: '亚洲', parentId: world.id });
    photoId = (await createPhoto(t, { caption: '资料图', credit: '路透社' })).id;
    await publish({
      headline: '美方下周书面回复俄要求',
      categoryId: world.id,
      tags: ['美国', '俄罗斯'],
      featuredImage: { mediaId: photoId, caption: '布林肯在记者会上。' },
      body: [...paragraphs('美国国务卿布林肯表示，美方将以书面形式回复。'), { type: 'image', mediaId: photoId }],
    });
    await publish({ headline: '东盟峰会在金边开幕', categoryId: asia.id, tags: ['东盟'] });
    await publish({ headline: '女足再创佳绩', tags: ['体育'] });
    hidden.draft = await createStory(t, editor, { headline: 'Draft only', categoryId: world.id });
    hidden.scheduled = await actOk(t, editor, await createStory(t, editor, { headline: 'Scheduled later', categoryId: world.id }), 'schedule', {
      publishAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    hidden.unpublished = await actOk(
      t,
      editor,
      await actOk(t, editor, await createStory(t, editor, { headline: 'Unpublished one' }), 'publish'),
      'unpublish',
    );
    hidden.archived = await actOk(t, editor, await createStory(t, editor, { headline: 'Archived one' }), 'archive');
    hidden.deleted = await actOk(t, editor, await createStory(t, editor, { headline: 'Deleted one' }), 'publish');
    await request(t.http).delete(`/api/admin/articles/${hidden.deleted.id}`).set('Authorization', editor.auth).expect(204);
  });
  afterAll(async () => {
    await t.close();
  });

  const headlines = (res: request.Response) => res.body.items.map((a: { headline: string }) => a.headline);

  it('lists only published stories, newest first, without authentication', async () => {
    const res = await request(t.http).get('/api/content/articles').expect(200);
    expect(headlines(res)).toEqual(['女足再创佳绩', '东盟峰会在金边开幕', '美方下周书面回复俄要求']);
    expect(res.body.nextCursor).toBeNull();
  });

  it('never serves drafts, scheduled, unpublished, archived or deleted stories by slug', async () => {
    for (const story of Object.values(hidden)) await request(t.http).get(`/api/content/articles/${story.slug}`).expect(404);
  });

  it('filters by section (sub-sections included) and by tag', async () => {
    expect(headlines(await request(t.http).get(`/api/content/articles?category=${world.slug}`).expect(200))).toEqual([
      '东盟峰会在金边开幕',
      '美方下周书面回复俄要求',
    ]);
    expect(headlines(await request(t.http).get(`/api/content/articles?category=${asia.slug}`).expect(200))).toEqual(['东盟峰会在金边开幕']);
    expect(
      headlines(
        await request(t.http)
          .get(`/api/content/articles?tag=${encodeURIComponent('俄罗斯')}`)
          .expect(200),
      ),
    ).toEqual(['美方下周书面回复俄要求']);
    await request(t.http).get('/api/content/articles?category=no-such-section').expect(404);
  });

  it('pages with a keyset cursor: no overlap, nothing skipped', async () => {
    for (let i = 0; i < 4; i += 1) await publish({ headline: `Page story ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await request(t.http)
        .get(`/api/content/articles?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...headlines(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...published].reverse().map((s) => s.headline));
    await request(t.http).get('/api/content/articles?limit=101').expect(422);
    await request(t.http).get('/api/content/articles?cursor=bm9wZQ').expect(422);
  });

  it("serves the reader's view: effective captions and credits, section, authors' names, no internal fields", async () => {
    const res = await request(t.http).get(`/api/content/articles/${published[0].slug}`).expect(200);
    expect(res.body).toMatchObject({
      headline: '美方下周书面回复俄要求',
      category: { name: '国际', slug: 'guo-ji' },
      authors: [{ displayName: '陈兆良' }],
      tags: ['美国', '俄罗斯'],
      excerpt: '美国国务卿布林肯表示，美方将以书面形式回复。',
      featuredImage: { caption: '布林肯在记者会上。', credit: '路透社', width: 1600, height: 1067 },
    });
    expect(res.body.featuredImage.renditions[0].url).toBe(`/media/${photoId}/medium.webp`);
    expect(res.body.body[1]).toMatchObject({ type: 'image', caption: '资料图', credit: '路透社' });
    for (const field of ['id', 'status', 'version', 'createdBy', 'allowedActions', 'currentRevision', 'source'])
      expect(res.body).not.toHaveProperty(field);
    expect(res.body.featuredImage).not.toHaveProperty('overrides');
    expect(res.body.authors[0]).not.toHaveProperty('id');
  });

  it('answers If-None-Match with 304 and sets Cache-Control; a republish changes the ETag and updatedAt', async () => {
    const story = published[2];
    const first = await request(t.http).get(`/api/content/articles/${story.slug}`).expect(200);
    expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300, stale-if-error=86400');
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    const revalidated = await request(t.http).get(`/api/content/articles/${story.slug}`).set('If-None-Match', first.headers.etag).expect(304);
    expect(revalidated.text).toBe('');
    const list = await request(t.http).get('/api/content/articles').expect(200);
    await request(t.http).get('/api/content/articles').set('If-None-Match', list.headers.etag).expect(304);

    const edited = await editOk(t, editor, story, { subheadline: '三比一击败对手' });
    // An unpublished edit changes nothing readers see, so caches stay valid.
    await request(t.http).get(`/api/content/articles/${story.slug}`).set('If-None-Match', first.headers.etag).expect(304);
    await actOk(t, editor, edited, 'publish');
    const after = await request(t.http).get(`/api/content/articles/${story.slug}`).set('If-None-Match', first.headers.etag).expect(200);
    expect(after.body.subheadline).toBe('三比一击败对手');
    expect(after.headers.etag).not.toBe(first.headers.etag);
    expect(after.body.updatedAt > first.body.updatedAt).toBe(true);
    expect(after.body.publishedAt).toBe(first.body.publishedAt);
    await request(t.http).get('/api/content/articles').set('If-None-Match', list.headers.etag).expect(200);
  });

  it("shows a photo's corrected credit in live stories as soon as the library changes it", async () => {
    const story = published[0];
    const before = await request(t.http).get(`/api/content/articles/${story.slug}`).expect(200);
    const photo = await t.dataSource.getRepository(MediaAsset).findOneByOrFail({ id: photoId });
    await request(t.http)
      .patch(`/api/admin/media/${photoId}`)
      .set('Authorization', editor.auth)
      .set('If-Match', `"${photo.version}"`)
      .send({ credit: '美联社' })
      .expect(200);
    const after = await request(t.http).get(`/api/content/articles/${story.slug}`).set('If-None-Match', before.headers.etag).expect(200);
    expect(after.body.featuredImage.credit).toBe('美联社');
    expect(after.body.body[1].credit).toBe('美联社');
  });
});

describe('content API cache configuration', () => {
  it('uses CONTENT_CACHE_CONTROL', async () => {
    const t = await createTestApp({ CONTENT_CACHE_CONTROL: 'public, max-age=5' });
    try {
      const res = await request(t.http).get('/api/content/articles').expect(200);
      expect(res.headers['cache-control']).toBe('public, max-age=5');
    } finally {
      await t.close();
    }
  });
});
