import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { actOk, auditOf, createCategory, createPhoto, createStory, edit, editOk, paragraphs, type StoryResponse } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';

describe('articles: admin CRUD', () => {
  let t: TestApp;
  let editor: TestUser;
  let contributor: TestUser;
  let otherContributor: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    editor = await createUser(t, ['editor'], { displayName: '陈兆良' });
    contributor = await createUser(t, ['contributor'], { displayName: '李明' });
    otherContributor = await createUser(t, ['contributor']);
  });
  afterAll(async () => {
    await t.close();
  });

  const fields = (res: request.Response) => (res.body.errors as Array<{ field: string }>).map((e) => e.field);

  describe('creating', () => {
    it('creates a draft with a pinyin slug, version 1 as ETag, revision 1 and the creator as author', async () => {
      const res = await request(t.http)
        .post('/api/admin/articles')
        .set('Authorization', contributor.auth)
        .send({ headline: ' 美方下周书面回复俄要求 ', body: paragraphs('美国国务卿布林肯表示，美方将在下周以书面形式回复俄方的要求。', '第二段。') })
        .expect(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers.location).toBe(`/api/admin/articles/${res.body.id}`);
      expect(res.body).toMatchObject({
        slug: 'mei-fang-xia-zhou-shu-mian-hui-fu-e-yao-qiu',
        status: 'draft',
        version: 1,
        headline: '美方下周书面回复俄要求',
        language: 'zh-Hans',
        currentRevision: 1,
        publishedRevision: null,
        publishedAt: null,
        authors: [{ id: contributor.id, displayName: '李明' }],
        createdBy: { id: contributor.id, displayName: '李明' },
        excerpt: '美国国务卿布林肯表示，美方将在下周以书面形式回复俄方的要求。 第二段。',
        excerptDerived: true,
        allowedActions: ['submit'],
        source: null,
      });
      expect((await auditOf(t, res.body.id)).map((e) => e.action)).toEqual(['article.create']);
    });

    it('adds a suffix when the slug is taken, and uses article-<id> when the headline has no letters', async () => {
      const first = await createStory(t, editor, { headline: 'Same headline' });
      const second = await createStory(t, editor, { headline: 'Same headline' });
      expect([first.slug, second.slug]).toEqual(['same-headline', 'same-headline-2']);
      const symbols = await createStory(t, editor, { headline: '！？' });
      expect(symbols.slug).toBe(`article-${symbols.id.slice(0, 8)}`);
    });

    it('never lets a client set status, version, publishedAt or the creator', async () => {
      const res = await request(t.http)
        .post('/api/admin/articles')
        .set('Authorization', editor.auth)
        .send({
          headline: 'x',
          status: 'published',
          version: 7,
          publishedAt: '2020-01-01T00:00:00Z',
          createdBy: contributor.id,
          createdById: contributor.id,
        })
        .expect(422);
      expect(fields(res).sort()).toEqual(['createdBy', 'createdById', 'publishedAt', 'status', 'version']);
    });

    it('answers 422 for an empty headline and one over 200 characters', async () => {
      const empty = await request(t.http).post('/api/admin/articles').set('Authorization', editor.auth).send({ headline: '   ' }).expect(422);
      expect(empty.body.errors).toEqual([{ field: 'headline', message: 'headline must not be empty' }]);
      const long = await request(t.http)
        .post('/api/admin/articles')
        .set('Authorization', editor.auth)
        .send({ headline: '长'.repeat(201) })
        .expect(422);
      expect(fields(long)).toEqual(['headline']);
      await request(t.http)
        .post('/api/admin/articles')
        .set('Authorization', editor.auth)
        .send({ headline: '长'.repeat(200) })
        .expect(201);
    });

    it('names the block with an unknown type, a missing type, bad fields or no object at all', async () => {
      const res = await request(t.http)
        .post('/api/admin/articles')
        .set('Authorization', editor.auth)
        .send({
          headline: 'Blocks',
          body: [
            { type: 'paragraph', text: 'ok' },
            { type: 'video', url: 'x' },
            { text: 'no type' },
            { type: 'list', items: [] },
            null,
            { type: 'quote', text: '' },
          ],
        })
        .expect(422);
      expect(fields(res)).toEqual(expect.arrayContaining(['body.1.type', 'body.2.type', 'body.3.items', 'body.4', 'body.5.text']));
      expect(fields(res)).not.toContain('body.0.text');
      expect(res.body.errors.find((e: { field: string }) => e.field === 'body.1.type').message).toBe(
        'type must be one of paragraph, subheading, image, quote, list',
      );
    });

    it('refuses a body over 500 blocks or 200,000 characters', async () => {
      const many = await request(t.http)
        .post('/api/admin/articles')
        .set('Authorization', editor.auth)
        .send({ headline: 'Long', body: paragraphs(...Array.from({ length: 501 }, () => '段')) })
        .expect(422);
      expect(fields(many)).toContain('body');
      const huge = await request(t.http)
        .post('/api/admin/articles')
        .set('Authorization', editor.auth)
        .send({ headline: 'Huge', body: paragraphs(...Array.from({ length: 11 }, () => '字'.repeat(19_000))) })
        .expect(422);
      expect(huge.body.errors).toEqual([{ field: 'body', message: 'body must have at most 200000 characters of text (has 209000)' }]);
    });

    it('answers 422 with the field path for photos, sections and authors that do not exist', async () => {
      const photo = await createPhoto(t);
      const missing = '00000000-0000-4000-8000-000000000001';
      const res = await request(t.http)
        .post('/api/admin/articles')
        .set('Authorization', editor.auth)
        .send({
          headline: 'Refs',
          featuredImage: { mediaId: missing },
          body: [...paragraphs('a', 'b', 'c'), { type: 'image', mediaId: missing }, { type: 'image', mediaId: photo.id }],
          categoryId: missing,
          authors: [editor.id, missing],
        })
        .expect(422);
      expect(fields(res).sort()).toEqual(['authors.1', 'body.3.mediaId', 'categoryId', 'featuredImage.mediaId']);
    });

    it('gives photos their effective caption and credit, with size and renditions', async () => {
      const photo = await createPhoto(t, { caption: '资料图', credit: '俄罗斯外交部', altText: '两人握手' });
      const story = await createStory(t, editor, {
        featuredImage: { mediaId: photo.id, caption: '布林肯（右）与拉夫罗夫握手。' },
        body: [...paragraphs('正文。'), { type: 'image', mediaId: photo.id, credit: '路透社' }],
      });
      expect(story.featuredImage).toMatchObject({
        mediaId: photo.id,
        caption: '布林肯（右）与拉夫罗夫握手。',
        credit: '俄罗斯外交部',
        altText: '两人握手',
        width: 1600,
        height: 1067,
        renditions: [{ name: 'medium', url: `/media/${photo.id}/medium.webp`, format: 'webp', width: 800, height: 533 }],
        overrides: { caption: '布林肯（右）与拉夫罗夫握手。', credit: null, altText: null },
        placeholder: false,
      });
      expect((story.body as unknown[])[1]).toMatchObject({ type: 'image', caption: '资料图', credit: '路透社' });
      const rows = await t.dataSource.query(`SELECT media_id, published FROM article_media WHERE article_id = $1`, [story.id]);
      expect(rows).toEqual([{ media_id: photo.id, published: false }]);
    });
  });

  describe('editing', () => {
    let story: StoryResponse;
    beforeEach(async () => {
      story = await createStory(t, contributor, { headline: '日内瓦会谈' });
    });

    it('requires If-Match (428) and a current version (412 with the current version)', async () => {
      const missing = await request(t.http)
        .patch(`/api/admin/articles/${story.id}`)
        .set('Authorization', contributor.auth)
        .send({ headline: 'x' })
        .expect(428);
      expect(missing.body.type).toBe('/problems/precondition-required');
      const stale = await edit(t, contributor, { id: story.id, version: story.version + 5 }, { headline: 'x' }).expect(412);
      expect(stale.body).toMatchObject({ status: 412, currentVersion: story.version });
    });

    it('makes a new revision and version for a change, and nothing for a save without changes', async () => {
      const same = await editOk(t, contributor, story, { headline: '日内瓦会谈', tags: [] });
      expect(same).toMatchObject({ version: story.version, currentRevision: story.currentRevision });
      const changed = await editOk(t, contributor, story, { subheadline: '美俄外长会面', tags: ['美国', ' 美国 ', '俄罗斯'] });
      expect(changed).toMatchObject({
        version: story.version + 1,
        currentRevision: story.currentRevision + 1,
        subheadline: '美俄外长会面',
        tags: ['美国', '俄罗斯'],
      });
      const res = await request(t.http).get(`/api/admin/articles/${story.id}`).set('Authorization', contributor.auth).expect(200);
      expect(res.headers.etag).toBe(`"${changed.version}"`);
    });

    it('lets the slug follow the headline until first publication, then keeps it unless sent', async () => {
      const renamed = await editOk(t, contributor, story, { headline: '日内瓦峰会' });
      expect(renamed.slug).toBe('ri-nei-wa-feng-hui');
      const published = await actOk(t, editor, renamed, 'publish');
      const after = await editOk(t, editor, published, { headline: '日内瓦峰会结束' });
      expect(after.slug).toBe('ri-nei-wa-feng-hui');
      const explicit = await editOk(t, editor, after, { slug: 'Geneva Summit Ends' });
      expect(explicit.slug).toBe('geneva-summit-ends');
    });

    it('keeps a slug an editor chose, even before publication', async () => {
      const chosen = await editOk(t, contributor, story, { slug: 'geneva-talks' });
      const renamed = await editOk(t, contributor, chosen, { headline: '完全不同的标题' });
      expect(renamed.slug).toBe('geneva-talks');
    });

    it("answers 404 for another writer's story and lets an editor edit any", async () => {
      await request(t.http).get(`/api/admin/articles/${story.id}`).set('Authorization', otherContributor.auth).expect(404);
      await edit(t, otherContributor, story, { headline: 'hijack' }).expect(404);
      await editOk(t, editor, story, { byline: '■本报综合报道' });
      await request(t.http).get('/api/admin/articles/not-a-uuid').set('Authorization', editor.auth).expect(404);
    });

    it('lets a credited author edit, and clears optional fields with null', async () => {
      const credited = await editOk(t, contributor, story, { authors: [contributor.id, otherContributor.id], dateline: '(日内瓦22日讯)' });
      const cleared = await editOk(t, otherContributor, credited, { dateline: null });
      expect(cleared.dateline).toBeNull();
      const nullHeadline = await edit(t, otherContributor, cleared, { headline: null }).expect(422);
      expect([...new Set(fields(nullHeadline))]).toEqual(['headline']);
    });
  });

  describe('listing', () => {
    let world: { id: string };
    beforeAll(async () => {
      world = await createCategory(t, editor, { name: 'List World' });
      await createStory(t, contributor, { headline: 'Listing alpha 100%', categoryId: world.id });
      await createStory(t, otherContributor, { headline: 'Listing beta', categoryId: world.id });
      await actOk(t, editor, await createStory(t, editor, { headline: 'Listing gamma' }), 'submit');
    });

    it('filters by status, category and author, alone and with a search', async () => {
      const get = (query: string) => request(t.http).get(`/api/admin/articles?${query}`).set('Authorization', editor.auth).expect(200);
      const headlines = (res: request.Response) => res.body.items.map((a: { headline: string }) => a.headline);
      expect(headlines(await get(`categoryId=${world.id}`))).toEqual(['Listing beta', 'Listing alpha 100%']);
      expect(headlines(await get('status=in_review&q=listing'))).toEqual(['Listing gamma']);
      expect(headlines(await get(`authorId=${otherContributor.id}&q=LISTING`))).toEqual(['Listing beta']);
      expect(headlines(await get(`q=${encodeURIComponent('100%')}`))).toEqual(['Listing alpha 100%']);
      expect(headlines(await get(`q=${encodeURIComponent('budget')}`))).toEqual([]);
    });

    it('shows a writer without article.edit.any only their own stories', async () => {
      const res = await request(t.http).get('/api/admin/articles?q=Listing').set('Authorization', otherContributor.auth).expect(200);
      expect(res.body.items.map((a: { headline: string }) => a.headline)).toEqual(['Listing beta']);
    });

    it('pages with a cursor without overlap and refuses a limit over 100', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: request.Response = await request(t.http)
          .get(`/api/admin/articles?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .set('Authorization', editor.auth)
          .expect(200);
        seen.push(...res.body.items.map((a: { id: string }) => a.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      const all = await request(t.http).get('/api/admin/articles?limit=100').set('Authorization', editor.auth).expect(200);
      expect(seen).toEqual(all.body.items.map((a: { id: string }) => a.id));
      await request(t.http).get('/api/admin/articles?limit=101').set('Authorization', editor.auth).expect(422);
      await request(t.http).get('/api/admin/articles?cursor=garbage').set('Authorization', editor.auth).expect(422);
    });
  });

  describe('deleting', () => {
    it('needs article.delete', async () => {
      const story = await createStory(t, contributor);
      await request(t.http).delete(`/api/admin/articles/${story.id}`).set('Authorization', contributor.auth).expect(403);
    });

    it('soft-deletes: gone from admin and public, audited, photos released, slug free again', async () => {
      const photo = await createPhoto(t);
      const story = await actOk(
        t,
        editor,
        await createStory(t, editor, { headline: 'Deleted story', featuredImage: { mediaId: photo.id } }),
        'publish',
      );
      await request(t.http).get(`/api/content/articles/${story.slug}`).expect(200);
      await request(t.http).delete(`/api/admin/articles/${story.id}`).set('Authorization', editor.auth).set('If-Match', '"1"').expect(412);
      await request(t.http).delete(`/api/admin/articles/${story.id}`).set('Authorization', editor.auth).expect(204);
      await request(t.http).get(`/api/admin/articles/${story.id}`).set('Authorization', editor.auth).expect(404);
      await request(t.http).get(`/api/content/articles/${story.slug}`).expect(404);
      expect((await auditOf(t, story.id)).map((e) => e.action)).toEqual(['article.create', 'article.publish', 'article.delete']);
      expect(await t.dataSource.query(`SELECT 1 FROM article_media WHERE article_id = $1`, [story.id])).toEqual([]);
      const reuse = await createStory(t, editor, { headline: 'Deleted story' });
      expect(reuse.slug).toBe('deleted-story');
    });
  });

  it('documents the body blocks in /docs', async () => {
    const doc = await request(t.http).get('/docs/openapi.json').expect(200);
    expect(Object.keys(doc.body.components.schemas)).toEqual(
      expect.arrayContaining(['ParagraphBlockDto', 'ImageBlockDto', 'CreateArticleDto', 'ArticleResponseDto']),
    );
    expect(doc.body.paths['/api/admin/articles/{id}/publish'].post['x-required-permissions']).toEqual(['article.publish']);
  });
});
