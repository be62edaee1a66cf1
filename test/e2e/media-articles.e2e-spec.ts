// Photos in stories, seen from the media side: per-use overrides against the photo's defaults in
// the content API, public renditions only while a published story shows the photo, and no deleting
// a photo a story uses. Goes through the articles admin API as an editor would.
import { rm } from 'node:fs/promises';
import request from 'supertest';
import { filesUnder, makeTempDir, photo, withMetadata } from '../fixtures/media/images.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { createUser, type TestUser } from '../support/users.js';

interface Photo {
  caption: string | null;
  credit: string | null;
  altText: string | null;
  width: number | null;
  height: number | null;
  renditions: Array<{ name: string; format: string; url: string }>;
}

const binary = (res: request.Response, callback: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('media: photos in stories', () => {
  let t: TestApp;
  let mediaDir: string;
  let editor: TestUser;
  let reuters: { id: string };
  let starPhoto: { id: string };

  beforeAll(async () => {
    mediaDir = await makeTempDir('masthead-media-articles-');
    t = await createTestApp({ MEDIA_DIR: mediaDir });
    editor = await createUser(t, ['editor']);
    const wire = await withMetadata(await photo(1600, 1200), 'jpeg', [
      '-IPTC:CodedCharacterSet=UTF8',
      '-IPTC:Caption-Abstract=美国国务卿布林肯(左)与俄罗斯外长拉夫罗夫',
      '-IPTC:Credit=路透社',
    ]);
    reuters = (await request(t.http).post('/api/admin/media').set('Authorization', editor.auth).attach('file', wire, 'wire.jpg').expect(201)).body;
    starPhoto = (
      await request(t.http)
        .post('/api/admin/media')
        .set('Authorization', editor.auth)
        .attach('file', await photo(800, 600), 'kl.jpg')
        .field('caption', '吉隆坡街景')
        .field('credit', '星洲日报')
        .expect(201)
    ).body;
  });
  afterAll(async () => {
    await t.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  const createStory = async (headline: string, fields: Record<string, unknown>) =>
    (
      await request(t.http)
        .post('/api/admin/articles')
        .set('Authorization', editor.auth)
        .send({ headline, language: 'zh-Hans', ...fields })
        .expect(201)
    ).body as {
      id: string;
      slug: string;
      version: number;
    };
  const publish = (story: { id: string; version: number }) =>
    request(t.http)
      .post(`/api/admin/articles/${story.id}/publish`)
      .set('Authorization', editor.auth)
      .set('If-Match', `"${story.version}"`)
      .send({})
      .expect(200);
  const publicRendition = (id: string, name: string) => request(t.http).get(`/media/${id}/${name}`);

  it('gives each use the story’s own caption where it has one and the photo’s defaults elsewhere', async () => {
    const story = await createStory('布林肯与拉夫罗夫在日内瓦会面', {
      featuredImage: { mediaId: reuters.id, caption: '布林肯（右）与拉夫罗夫在日内瓦会面。', credit: '俄罗斯外交部/路透社' },
      body: [
        { type: 'paragraph', text: '(日内瓦22日讯)美国国务卿布林肯与俄罗斯外长拉夫罗夫周五会面。' },
        { type: 'image', mediaId: reuters.id },
        { type: 'image', mediaId: starPhoto.id, altText: '街上的行人' },
      ],
    });
    await publish(story);
    const res = await request(t.http).get(`/api/content/articles/${story.slug}`).expect(200);
    const featured = res.body.featuredImage as Photo;
    expect(featured).toMatchObject({ caption: '布林肯（右）与拉夫罗夫在日内瓦会面。', credit: '俄罗斯外交部/路透社', width: 1600, height: 1200 });
    expect(featured.renditions.map((r) => r.url)).toContain(`/media/${reuters.id}/medium.webp`);
    const images = (res.body.body as Array<Photo & { type: string }>).filter((b) => b.type === 'image');
    expect(images[0]).toMatchObject({ caption: '美国国务卿布林肯(左)与俄罗斯外长拉夫罗夫', credit: '路透社' });
    expect(images[1]).toMatchObject({ caption: '吉隆坡街景', credit: '星洲日报', altText: '街上的行人', width: 800, height: 600 });
  });

  it('serves renditions of a published photo publicly, cacheably, with ETag and 304', async () => {
    const res = await publicRendition(reuters.id, 'medium.webp').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect((res.body as Buffer).length).toBeGreaterThan(100);
    await publicRendition(reuters.id, 'medium.webp').set('If-None-Match', res.headers.etag).expect(304);
    await publicRendition(reuters.id, 'large.jpeg').expect(200).expect('content-type', 'image/jpeg');
    await publicRendition(reuters.id, 'huge.webp').expect(404);
    await publicRendition(reuters.id, '..%2F..%2Foriginals').expect(404);
  });

  it('answers 404 for photos only drafts use, as for photos that do not exist', async () => {
    const draftOnly = (
      await request(t.http)
        .post('/api/admin/media')
        .set('Authorization', editor.auth)
        .attach('file', await photo(400, 300), 'embargo.jpg')
        .field('credit', '路透社')
        .expect(201)
    ).body as { id: string };
    await createStory('禁发稿件', { featuredImage: { mediaId: draftOnly.id } });
    await publicRendition(draftOnly.id, 'medium.webp').expect(404);
    await publicRendition('00000000-0000-4000-8000-000000000000', 'medium.webp').expect(404);
    await publicRendition('not-an-id', 'medium.webp').expect(404);
    // Staff can still preview it.
    await request(t.http).get(`/api/admin/media/${draftOnly.id}/renditions/medium.webp`).set('Authorization', editor.auth).expect(200);
  });

  it('stops serving a photo publicly once its only story is unpublished', async () => {
    const own = (
      await request(t.http)
        .post('/api/admin/media')
        .set('Authorization', editor.auth)
        .attach('file', await photo(400, 300), 'p.jpg')
        .field('credit', '法新社')
        .expect(201)
    ).body as { id: string };
    const story = await createStory('短暂发布', { featuredImage: { mediaId: own.id } });
    const published = (await publish(story)).body as { version: number };
    await publicRendition(own.id, 'thumb.webp').expect(200);
    await request(t.http)
      .post(`/api/admin/articles/${story.id}/unpublish`)
      .set('Authorization', editor.auth)
      .set('If-Match', `"${published.version}"`)
      .send({})
      .expect(200);
    await publicRendition(own.id, 'thumb.webp').expect(404);
  });

  it('refuses to delete a photo a story uses, naming the stories, and keeps its files', async () => {
    const res = await request(t.http).delete(`/api/admin/media/${starPhoto.id}`).set('Authorization', editor.auth).expect(409);
    expect(res.body).toMatchObject({ type: '/problems/media-in-use', status: 409 });
    expect(res.body.usedBy).toEqual([
      expect.objectContaining({ headline: '布林肯与拉夫罗夫在日内瓦会面', status: 'published', articleId: expect.any(String) }),
    ]);
    await request(t.http).get(`/api/admin/media/${starPhoto.id}`).set('Authorization', editor.auth).expect(200);
    expect((await filesUnder(mediaDir)).filter((f) => f.includes(starPhoto.id))).toHaveLength(7);
  });

  it('answers 422 to a story naming a photo the library does not have', async () => {
    const res = await request(t.http)
      .post('/api/admin/articles')
      .set('Authorization', editor.auth)
      .send({ headline: '无图', featuredImage: { mediaId: '00000000-0000-4000-8000-000000000000' } })
      .expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'featuredImage.mediaId' })]);
  });
});
