// The seed story delivered to partners and readers elsewhere: ninjs validated against IPTC's schema,
// traditional-Chinese variants with protected terms kept, SEO fields and JSON-LD, corrections
// everywhere, preview links and their revocation, and photos an embargo keeps private.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import request from 'supertest';
import { PreviewTokens } from '../../src/distribution/previews/preview-tokens.js';
import { InitialContentService } from '../../src/importer/initial-content.service.js';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../support/app.js';
import { settled } from '../support/shared-db.js';
import { actOk, createPhoto, createStory, edit, editOk, paragraphs, type StoryResponse } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';

const SITE = 'https://news.example';

const ajv = new Ajv2020({ strict: false, allErrors: true });
// ajv-formats is CommonJS: its default export arrives as the module object.
(formats as unknown as { default: (ajv: Ajv2020) => void }).default(ajv);
// The schema refers to GeoJSON's for places[].geoJSON; Masthead emits no places.
ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
const ninjsSchema = ajv.compile(JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/ninjs/ninjs-schema_3.3.json'), 'utf8')) as object);

function expectValidNinjs(document: unknown): void {
  const valid = ninjsSchema(document);
  expect(ninjsSchema.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

describe('stories beyond the JSON content API', () => {
  let t: TestApp;
  let editor: TestUser;
  let seed: { slug: string; id: string };

  const get = (path: string) => request(t.http).get(path);
  const adminStory = async (id: string) => (await request(t.http).get(`/api/admin/articles/${id}`).set('Authorization', editor.auth).expect(200)).body as StoryResponse;

  beforeAll(async () => {
    // An extra dictionary of protected terms, as a newsroom adds with VARIANT_PROTECTED_TERMS_PATHS.
    const dir = mkdtempSync(join(tmpdir(), 'masthead-terms-'));
    writeFileSync(join(dir, 'names.txt'), '# names this desk keeps as written\n拉夫罗夫\n');
    t = await createTestApp({ SEED_ON_EMPTY_DATABASE: 'true', PUBLIC_SITE_URL: SITE, PUBLICATION_NAME: '东方日报', VARIANT_PROTECTED_TERMS_PATHS: join(dir, 'names.txt') });
    await t.app.get(InitialContentService).importSeedsIfEmpty();
    editor = await createUser(t, ['editor'], { displayName: '陈兆良' });
    const [row] = await t.dataSource.query<Array<{ id: string; slug: string }>>(`SELECT article_id AS id, slug FROM published_article`);
    seed = row;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('script variants', () => {
    it('renders the seed story in traditional characters, protected terms as written, with its own ETag and Content-Language', async () => {
      const original = await get(`/api/content/articles/${seed.slug}`).expect(200);
      const res = await get(`/api/content/articles/${seed.slug}?variant=zh-Hant`).expect(200);
      expect(res.headers['content-language']).toBe('zh-Hant');
      expect(res.headers.etag).not.toBe(original.headers.etag);
      const story = res.body;
      expect(story.language).toBe('zh-Hant');
      // 拉夫罗夫 is protected by the extra dictionary: everything around it is converted.
      expect(story.headline).toBe('美國國務卿布林肯與俄羅斯外長拉夫罗夫當地時間週五在瑞士日內瓦會面');
      expect(story.dateline).toBe('日內瓦22日訊');
      expect(story.featuredImage).toMatchObject({ caption: '美國國務卿布林肯(左)與俄羅斯外長拉夫罗夫當地時間週五在日內瓦會面。', credit: '俄羅斯外交部/路透社' });
      expect(story.category).toMatchObject({ name: '國際' });
      expect(story.body).toContainEqual({ type: 'subheading', text: '美方下週書面回覆俄要求' });
      // 普京 is in the shipped dictionary: even Taiwan's phrasing (普丁) leaves it as written.
      const taiwan = (await get(`/api/content/articles/${seed.slug}?variant=zh-TW`).expect(200)).body;
      expect(JSON.stringify(taiwan.body)).toContain('普京');
      await get(`/api/content/articles/${seed.slug}?variant=zh-Hant`).set('If-None-Match', res.headers.etag).expect(304);
    });

    it('converts lists, search hits and the section tree, and answers 422 for an unknown variant', async () => {
      const list = await get('/api/content/articles?variant=zh-HK').expect(200);
      expect(list.headers['content-language']).toBe('zh-HK');
      expect(list.body.items[0].headline).toMatch(/^美國國務卿布林肯與俄羅斯外長/);
      const hits = (await get(`/api/content/search?q=${encodeURIComponent('北约')}&variant=zh-Hant`).expect(200)).body;
      expect(hits.items[0].snippet).toContain('<mark>北約</mark>');
      const tree = (await get('/api/content/categories?variant=zh-Hant').expect(200)).body;
      expect(tree.items.map((c: { name: string }) => c.name)).toContain('國際');
      for (const path of ['/api/content/articles?variant=fr', `/api/content/articles/${seed.slug}?variant=zh`, '/api/content/categories?variant=zh-CN', '/api/content/search?q=x&variant=hant'])
        expect((await get(path)).status).toBe(422);
    });
  });

  describe('ninjs', () => {
    it('answers ninjs 3.3 for Accept: application/ninjs+json and ?format=ninjs, valid against IPTC schema', async () => {
      const byAccept = await get(`/api/content/articles/${seed.slug}`).set('Accept', 'application/ninjs+json').expect(200);
      expect(byAccept.headers['content-type']).toBe('application/ninjs+json; charset=utf-8');
      expect(byAccept.headers.vary).toContain('Accept');
      const document = JSON.parse(byAccept.text);
      expectValidNinjs(document);
      expect(document).toMatchObject({
        type: 'text',
        language: 'zh-Hans',
        headlines: [{ role: 'main', value: '美国国务卿布林肯与俄罗斯外长拉夫罗夫当地时间周五在瑞士日内瓦会面' }],
        located: '日内瓦22日讯',
        subjects: [{ name: '国际', rel: 'section' }],
        standard: { name: 'ninjs', version: '3.3' },
      });
      expect(document.bodies[0]).toMatchObject({ contentType: 'text/html', value: expect.stringContaining('<h2>美方下周书面回复俄要求</h2>') });
      expect(document.associations[0]).toMatchObject({
        name: 'featureimage',
        type: 'picture',
        descriptions: [
          { role: 'caption', value: '美国国务卿布林肯(左)与俄罗斯外长拉夫罗夫当地时间周五在日内瓦会面。' },
          { role: 'credit', value: '俄罗斯外交部/路透社' },
        ],
      });
      const byQuery = await get(`/api/content/articles/${seed.slug}?format=ninjs`).expect(200);
      expect(JSON.parse(byQuery.text)).toEqual(document);
      // The JSON answer for the same URL is a different representation with its own validator.
      const json = await get(`/api/content/articles/${seed.slug}`).expect(200);
      expect(json.headers['content-type']).toMatch(/^application\/json/);
      expect(json.headers.etag).not.toBe(byAccept.headers.etag);
    });

    it('escapes what writers typed in the HTML body, validates for a story with photos in its body, and converts with ?variant', async () => {
      const photo = await createPhoto(t, { caption: '会场外的示威者', credit: '美联社' });
      const story = await actOk(
        t,
        editor,
        await createStory(t, editor, {
          headline: '示威者聚集在会场外',
          byline: '■本报驻日内瓦记者',
          tags: ['示威'],
          body: [{ type: 'paragraph', text: '<script>alert("x")</script> 示威者高喊口号。' }, { type: 'image', mediaId: photo.id }, { type: 'list', items: ['一', '二'] }],
        }),
        'publish',
      );
      const document = JSON.parse((await get(`/api/content/articles/${story.slug}?format=ninjs&variant=zh-Hant`).expect(200)).text);
      expectValidNinjs(document);
      expect(document.bodies[0].value).toContain('&lt;script&gt;alert("x")&lt;/script&gt; 示威者高喊口號。');
      expect(document.bodies[0].value).not.toContain('<script>');
      expect(document.by).toBe('■本報駐日內瓦記者');
      expect(document.associations[0].descriptions).toEqual([
        { role: 'caption', value: '會場外的示威者' },
        { role: 'credit', value: '美聯社' },
      ]);
      await get(`/api/content/articles/${story.slug}?format=xml`).expect(422);
    });
  });

  describe('SEO fields and JSON-LD', () => {
    it('derive from the headline, excerpt, reader URL and featured photo, with a ready NewsArticle', async () => {
      const photo = await createPhoto(t, { caption: '布林肯（左）与拉夫罗夫会面。', credit: '俄罗斯外交部/路透社' });
      const current = await adminStory(seed.id);
      await actOk(t, editor, await editOk(t, editor, current, { featuredImage: { mediaId: photo.id } }), 'publish');
      const story = (
        await settled(
          () => get(`/api/content/articles/${seed.slug}`),
          (r) => r.body.featuredImage?.renditions?.length > 0,
        )
      ).body;
      expect(story.seoTitle).toBe(story.headline);
      expect(story.seoDescription).toBe(story.excerpt);
      expect(story.canonicalUrl).toBe(`${SITE}/${story.category.slug}/${seed.slug}`);
      expect(story.socialImage).toEqual(story.featuredImage);
      expect(story.jsonLd).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: story.headline,
        datePublished: story.publishedAt,
        dateModified: story.updatedAt,
        author: [{ '@type': 'NewsMediaOrganization', name: '东方日报' }],
        publisher: { '@type': 'NewsMediaOrganization', name: '东方日报', url: SITE },
        mainEntityOfPage: { '@id': story.canonicalUrl },
      });
      expect(story.jsonLd.image[0]).toMatchObject({ '@type': 'ImageObject', creditText: '俄罗斯外交部/路透社', url: expect.stringMatching(/^https:\/\/news\.example\/media\//) });
    });

    it('are editable in the admin API, kept in revisions, and public once published', async () => {
      const social = await createPhoto(t, { caption: '社交卡片图', credit: '本报摄' });
      const draft = await createStory(t, editor, { headline: '马来西亚总理安华访华', excerpt: '安华此行将签署多项协议。' });
      const edited = await editOk(t, editor, draft, {
        seoTitle: '安华访华：签署多项协议',
        seoDescription: '马来西亚总理安华今日抵达北京。',
        canonicalUrl: 'https://partner.example/world/anwar-visit',
        socialImage: social.id,
      });
      expect(edited).toMatchObject({ seoTitle: '安华访华：签署多项协议', canonicalUrl: 'https://partner.example/world/anwar-visit', socialImage: social.id });
      const diff = (await request(t.http).get(`/api/admin/articles/${draft.id}/diff?from=1&to=2`).set('Authorization', editor.auth).expect(200)).body;
      expect(diff.changes.map((c: { field: string }) => c.field)).toEqual(['seoTitle', 'seoDescription', 'canonicalUrl', 'socialImage']);
      await actOk(t, editor, edited, 'publish');
      const story = (await get(`/api/content/articles/${draft.slug}`).expect(200)).body;
      expect(story).toMatchObject({
        seoTitle: '安华访华：签署多项协议',
        seoDescription: '马来西亚总理安华今日抵达北京。',
        canonicalUrl: 'https://partner.example/world/anwar-visit',
        socialImage: { caption: '社交卡片图', credit: '本报摄' },
        jsonLd: { headline: '安华访华：签署多项协议', description: '马来西亚总理安华今日抵达北京。', author: [{ '@type': 'Person', name: '陈兆良' }] },
      });
      expect(story.jsonLd.image[0]).toMatchObject({ caption: '社交卡片图', creditText: '本报摄' });

      const refused = await edit(t, editor, await adminStory(draft.id), { canonicalUrl: 'javascript:alert(1)', socialImage: '00000000-0000-4000-8000-000000000000' });
      expect(refused.status).toBe(422);
      expect(refused.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['canonicalUrl']);
      const unknownPhoto = await edit(t, editor, await adminStory(draft.id), { socialImage: '00000000-0000-4000-8000-000000000000' });
      expect(unknownPhoto.status).toBe(422);
      expect(unknownPhoto.body.errors).toEqual([{ field: 'socialImage', message: 'no photo with this id in the media library' }]);
    });
  });

  describe('corrections', () => {
    it('show at once in the content API, feeds and ninjs, and in the revision history, without publishing pending edits', async () => {
      const story = await actOk(t, editor, await createStory(t, editor, { headline: '日内瓦会谈历时两小时', body: paragraphs('会谈历时两小时。') }), 'publish');
      const pending = await editOk(t, editor, story, { headline: '尚未发布的新标题' });
      const res = await request(t.http)
        .post(`/api/admin/articles/${story.id}/corrections`)
        .set('Authorization', editor.auth)
        .send({ text: '更正：本文早前误指会谈历时两小时，实为一个半小时。' })
        .expect(201);
      expect(res.headers.location).toBe(`/api/admin/articles/${story.id}/revisions/${pending.currentRevision + 1}`);
      expect(res.headers.etag).toBe(`"${pending.version + 1}"`);
      expect(res.body.corrections).toEqual([{ text: '更正：本文早前误指会谈历时两小时，实为一个半小时。', at: expect.any(String) }]);
      expect(res.body.headline).toBe('尚未发布的新标题');

      const live = await settled(
        () => get(`/api/content/articles/${story.slug}`),
        (r) => r.body.corrections?.length === 1,
      );
      expect(live.body.corrections).toEqual(res.body.corrections);
      expect(live.body.headline).toBe('日内瓦会谈历时两小时');
      expect((await get('/feeds/rss.xml').expect(200)).text).toContain('更正：本文早前误指会谈历时两小时');
      const ninjs = JSON.parse((await get(`/api/content/articles/${story.slug}?format=ninjs`).expect(200)).text);
      expectValidNinjs(ninjs);
      expect(ninjs.descriptions).toContainEqual({ role: 'correction', value: expect.stringContaining('实为一个半小时') });

      const revisions = (await request(t.http).get(`/api/admin/articles/${story.id}/revisions`).set('Authorization', editor.auth).expect(200)).body;
      expect(revisions.items[0]).toMatchObject({ reason: 'correction', note: '更正：本文早前误指会谈历时两小时，实为一个半小时。' });

      // Publishing the pending edit later keeps the correction; restoring an old revision never takes it back.
      await actOk(t, editor, await adminStory(story.id), 'publish');
      await request(t.http).post(`/api/admin/articles/${story.id}/revisions/1/restore`).set('Authorization', editor.auth).set('If-Match', `"${(await adminStory(story.id)).version}"`).expect(200);
      expect((await adminStory(story.id)).corrections).toHaveLength(1);
      const republished = await settled(
        () => get(`/api/content/articles/${story.slug}`),
        (r) => r.body.headline === '尚未发布的新标题',
      );
      expect(republished.body.corrections).toHaveLength(1);
    });

    it('are for published stories only (409), need article.publish (403) and the right to touch the story (404)', async () => {
      const draft = await createStory(t, editor, { headline: '草稿无需更正' });
      const post = (user: TestUser, id: string, body: Record<string, unknown>) =>
        request(t.http).post(`/api/admin/articles/${id}/corrections`).set('Authorization', user.auth).send(body);
      expect((await post(editor, draft.id, { text: '更正' })).status).toBe(409);
      const contributor = await createUser(t, ['contributor']);
      const own = await createStory(t, contributor, { headline: '特约稿' });
      expect((await post(contributor, own.id, { text: '更正' })).status).toBe(403);
      const author = await createUser(t, ['author']);
      expect((await post(author, seed.id, { text: '更正' })).status).toBe(404);
      expect((await post(editor, seed.id, { text: '  ' })).status).toBe(422);
      expect((await post(editor, seed.id, { text: '更正', at: 'x' })).status).toBe(422);
    });
  });

  describe('preview links', () => {
    it("serve a draft's working copy, private and unindexed, until revoked", async () => {
      const author = await createUser(t, ['author']);
      const draft = await createStory(t, author, { headline: '独家：内阁改组名单', body: paragraphs('消息人士透露……') });
      const other = await createUser(t, ['author']);
      await request(t.http).post(`/api/admin/articles/${draft.id}/preview`).set('Authorization', other.auth).send({}).expect(404);

      const granted = await request(t.http).post(`/api/admin/articles/${draft.id}/preview`).set('Authorization', author.auth).send({}).expect(201);
      const { token, expiresAt } = granted.body as { token: string; expiresAt: string };
      expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(3590_000);
      expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(3600_000);

      const preview = await get(`/api/content/preview/${token}`).expect(200);
      expect(preview.headers['cache-control']).toBe('private, no-store');
      expect(preview.headers['x-robots-tag']).toBe('noindex');
      expect(preview.body).toMatchObject({ headline: '独家：内阁改组名单', status: 'draft', preview: true, body: [{ type: 'paragraph', text: '消息人士透露……' }] });
      await get(`/api/content/articles/${draft.slug}`).expect(404);

      // Edits show in the preview at once.
      await editOk(t, author, draft, { headline: '独家：内阁改组最新名单' });
      expect((await get(`/api/content/preview/${token}`).expect(200)).body.headline).toBe('独家：内阁改组最新名单');

      await request(t.http).delete(`/api/admin/articles/${draft.id}/preview`).set('Authorization', author.auth).expect(204);
      const gone = await get(`/api/content/preview/${token}`).expect(404);
      expect(gone.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('refuse forged tokens (404), say when a genuine one expired (410), and bound the lifetime (422)', async () => {
      const draft = await createStory(t, editor, { headline: '预览有效期' });
      const granted = await request(t.http)
        .post(`/api/admin/articles/${draft.id}/preview`)
        .set('Authorization', editor.auth)
        .send({ expiresInSeconds: 600 })
        .expect(201);
      const [grantId, , signature] = (granted.body.token as string).split('.');
      await get(`/api/content/preview/${grantId}.${Math.floor(Date.now() / 1000) + 9999}.${signature}`).expect(404);
      await get('/api/content/preview/not-a-token').expect(404);
      const expired = new PreviewTokens(TEST_JWT_SECRET).sign(grantId, new Date(Date.now() - 1000));
      expect((await get(`/api/content/preview/${expired}`).expect(410)).body).toMatchObject({ status: 410 });
      for (const expiresInSeconds of [30, 8 * 86400, 'soon'])
        await request(t.http).post(`/api/admin/articles/${draft.id}/preview`).set('Authorization', editor.auth).send({ expiresInSeconds }).expect(422);
    });
  });

  describe('photo embargo', () => {
    it('keeps a photo an embargoed story uses off /media and out of other stories, until the embargo is lifted', async () => {
      const photo = await createPhoto(t, { caption: '独家照片', credit: '路透社' });
      const published = await actOk(t, editor, await createStory(t, editor, { headline: '已发布的报道', featuredImage: { mediaId: photo.id } }), 'publish');
      const rendition = `/media/${photo.id}/medium.webp`;
      // The file is not on disk in this test: the 404 of a public photo would say "stored file".
      const publicAnswer = (await get(rendition)).body.detail as string;
      expect(publicAnswer).toMatch(/stored file/);

      const embargoed = await createStory(t, editor, {
        headline: '禁发稿使用同一张照片',
        featuredImage: { mediaId: photo.id },
        embargoUntil: new Date(Date.now() + 3_600_000).toISOString(),
      });
      expect((await get(rendition)).body.detail).toMatch(/^Rendition/);
      const hidden = await settled(
        () => get(`/api/content/articles/${published.slug}`),
        (r) => r.body.featuredImage === null,
      );
      expect(hidden.body.featuredImage).toBeNull();
      expect(hidden.body.jsonLd.image).toEqual([]);
      expect((await get('/feeds/rss.xml')).text).not.toContain(photo.id);
      expect(JSON.stringify((await get(`/api/content/articles/${published.slug}?format=ninjs`)).body)).not.toContain(photo.id);

      const lifted = await edit(t, editor, embargoed, { embargoUntil: null });
      expect(lifted.status).toBe(200);
      const shown = await settled(
        () => get(`/api/content/articles/${published.slug}`),
        (r) => r.body.featuredImage !== null,
      );
      expect(shown.body.featuredImage).toMatchObject({ caption: '独家照片', credit: '路透社' });
      expect((await get(rendition)).body.detail).toMatch(/stored file/);
      expect(hidden.headers.etag).not.toBe(shown.headers.etag);
    });
  });
});

