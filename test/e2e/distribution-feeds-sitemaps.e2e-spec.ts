// Feeds, sitemaps and robots.txt end to end: what aggregators and search engines read, parsed with a
// feed parser and validated against the sitemaps.org and Google News schemas.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { settled } from '../support/shared-db.js';
import { actOk, createCategory, createPhoto, createStory, editOk, paragraphs, type StoryResponse } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';

/** What fast-xml-parser makes of a feed or sitemap: nested objects with no static shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type XmlNode = Record<string, any>;

const SITE = 'https://news.example';
const API = 'https://cms.news.example';
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'entry', 'url', 'sitemap'].includes(name) });
const schemas = join(process.cwd(), 'test/fixtures/sitemaps');
const scratch = mkdtempSync(join(tmpdir(), 'masthead-sitemaps-'));

/** xmllint's verdict on `xml` against `schema` (throws with its message when invalid). */
function validate(xml: string, schema: string): void {
  const file = join(scratch, `${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  execFileSync('xmllint', ['--noout', '--schema', join(schemas, schema), file], { stdio: 'pipe' });
}

describe('feeds and sitemaps', () => {
  let t: TestApp;
  let editor: TestUser;
  let world: { id: string; slug: string };
  let asia: { id: string; slug: string };
  let sport: { id: string; slug: string };
  let lead: StoryResponse;
  let regional: StoryResponse;

  const publish = async (body: Record<string, unknown>) => actOk(t, editor, await createStory(t, editor, body), 'publish');
  const get = (path: string) => request(t.http).get(path);

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_SITE_URL: SITE, PUBLIC_API_URL: API, PUBLICATION_NAME: '东方日报', ARTICLE_PATH_TEMPLATE: '/{section}/{slug}' });
    editor = await createUser(t, ['editor'], { displayName: '陈兆良' });
    world = await createCategory(t, editor, { name: '国际' });
    asia = await createCategory(t, editor, { name: '亚洲', parentId: world.id });
    sport = await createCategory(t, editor, { name: '体育' });
    const photo = await createPhoto(t, { caption: '布林肯（左）与拉夫罗夫在日内瓦会面。', credit: '俄罗斯外交部/路透社' });
    lead = await publish({
      headline: '布林肯与拉夫罗夫日内瓦会面',
      categoryId: world.id,
      featuredImage: { mediaId: photo.id },
      body: paragraphs('美国国务卿布林肯与俄罗斯外长拉夫罗夫周五在日内瓦会面。'),
    });
    regional = await publish({ headline: '东盟外长会议在吉隆坡开幕', categoryId: asia.id });
    await publish({ headline: '大马羽球队夺冠', categoryId: sport.id });
    // Stories readers cannot see: a draft, a scheduled one, an unpublished one and an embargoed one.
    await createStory(t, editor, { headline: '草稿不应出现', categoryId: world.id });
    await actOk(t, editor, await createStory(t, editor, { headline: '定时稿不应出现', categoryId: world.id }), 'schedule', {
      publishAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await actOk(t, editor, await publish({ headline: '撤下稿不应出现', categoryId: world.id }), 'unpublish');
    await createStory(t, editor, { headline: '禁发稿不应出现', categoryId: world.id, embargoUntil: new Date(Date.now() + 86_400_000).toISOString() });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('feeds', () => {
    it('RSS 2.0 carries the published stories, newest first, with the featured photo as Media RSS', async () => {
      const res = await get('/feeds/rss.xml').expect(200);
      expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300, stale-if-error=86400');
      expect(res.text).toContain('xmlns:media="http://search.yahoo.com/mrss/"');
      const channel = parser.parse(res.text).rss.channel;
      expect(channel.title).toBe('东方日报');
      const items = channel.item as Array<XmlNode>;
      expect(items.map((i) => i.title)).toEqual(['大马羽球队夺冠', '东盟外长会议在吉隆坡开幕', '布林肯与拉夫罗夫日内瓦会面']);
      const item = items[2];
      expect(item.link).toBe(`${SITE}/${world.slug}/${lead.slug}`);
      expect(item['media:content']).toMatchObject({
        '@_url': expect.stringMatching(new RegExp(`^${API}/media/[0-9a-f-]+/medium\\.webp$`)),
        '@_medium': 'image',
        'media:description': { '#text': '布林肯（左）与拉夫罗夫在日内瓦会面。' },
        'media:credit': '俄罗斯外交部/路透社',
      });
      expect(item['content:encoded']).toContain('<p>美国国务卿布林肯与俄罗斯外长拉夫罗夫周五在日内瓦会面。</p>');
    });

    it('Atom and JSON Feed 1.1 carry the same stories, photo caption and credit included', async () => {
      const atom = await get('/feeds/atom.xml').expect(200);
      expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      const entries = parser.parse(atom.text).feed.entry as Array<XmlNode>;
      expect(entries).toHaveLength(3);
      expect(entries[2]['media:content']['media:credit']).toBe('俄罗斯外交部/路透社');

      const json = await get('/feeds/feed.json').expect(200);
      expect(json.headers['content-type']).toBe('application/feed+json; charset=utf-8');
      const feed = JSON.parse(json.text);
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.feed_url).toBe(`${API}/feeds/feed.json`);
      expect(feed.items[2]).toMatchObject({
        url: `${SITE}/${world.slug}/${lead.slug}`,
        title: '布林肯与拉夫罗夫日内瓦会面',
        image: expect.stringContaining(`${API}/media/`),
        _media: { caption: '布林肯（左）与拉夫罗夫在日内瓦会面。', credit: '俄罗斯外交部/路透社' },
        authors: [{ name: '陈兆良' }],
      });
    });

    it("a section's feeds include its sub-sections; an unknown section answers 404", async () => {
      const titles = (path: string) => get(path).then((r) => (parser.parse(r.text).rss.channel.item ?? []).map((i: { title: string }) => i.title));
      expect(await titles(`/feeds/sections/${world.slug}/rss.xml`)).toEqual(['东盟外长会议在吉隆坡开幕', '布林肯与拉夫罗夫日内瓦会面']);
      expect(await titles(`/feeds/sections/${asia.slug}/rss.xml`)).toEqual(['东盟外长会议在吉隆坡开幕']);
      const json = JSON.parse((await get(`/feeds/sections/${sport.slug}/feed.json`).expect(200)).text);
      expect(json.items.map((i: { title: string }) => i.title)).toEqual(['大马羽球队夺冠']);
      expect(json.title).toBe('东方日报 · 体育');
      await get('/feeds/sections/no-such-section/atom.xml').expect(404);
    });

    it('revalidates with ETag (304), and a change is in the next answer', async () => {
      const first = await get('/feeds/rss.xml').expect(200);
      await get('/feeds/rss.xml').set('If-None-Match', first.headers.etag).expect(304);
      const current = (await request(t.http).get(`/api/admin/articles/${regional.id}`).set('Authorization', editor.auth)).body as StoryResponse;
      await actOk(t, editor, await editOk(t, editor, current, { headline: '东盟外长会议在吉隆坡隆重开幕' }), 'publish');
      const after = await settled(
        () => get('/feeds/rss.xml'),
        (r) => r.text.includes('隆重开幕'),
      );
      expect(after.headers.etag).not.toBe(first.headers.etag);
      await get('/feeds/rss.xml').set('If-None-Match', first.headers.etag).expect(200);
    });

    it('lists no draft, scheduled, unpublished or embargoed story in any feed', async () => {
      for (const path of ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/feed.json', `/feeds/sections/${world.slug}/rss.xml`]) {
        const text = (await get(path).expect(200)).text;
        for (const hidden of ['草稿不应出现', '定时稿不应出现', '撤下稿不应出现', '禁发稿不应出现']) expect(text).not.toContain(hidden);
      }
    });

    it('converts to a script variant and refuses an unknown one', async () => {
      const res = await get('/feeds/rss.xml?variant=zh-Hant').expect(200);
      expect(res.headers['content-language']).toBe('zh-Hant');
      const items = parser.parse(res.text).rss.channel.item as Array<XmlNode>;
      expect(items.at(-1)?.title).toBe('布林肯與拉夫羅夫日內瓦會面');
      expect(items.at(-1)?.['media:content']['media:credit']).toBe('俄羅斯外交部/路透社');
      await get('/feeds/rss.xml?variant=zh-XX').expect(422);
    });
  });

  describe('sitemaps', () => {
    it('the index lists the Google News sitemap and each month, with lastmod, and validates', async () => {
      const res = await get('/sitemap.xml').expect(200);
      expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
      validate(res.text, 'siteindex.xsd');
      const month = new Date().toISOString().slice(0, 7);
      const sitemaps = parser.parse(res.text).sitemapindex.sitemap as Array<{ loc: string; lastmod: string }>;
      expect(sitemaps.map((s) => s.loc)).toEqual([`${API}/sitemaps/news.xml`, `${API}/sitemaps/${month}.xml`]);
      expect(Date.parse(sitemaps[1].lastmod)).toBeGreaterThan(Date.now() - 600_000);
    });

    it("a month's sitemap lists that month's published stories on the reader site, and validates", async () => {
      const month = new Date().toISOString().slice(0, 7);
      const res = await get(`/sitemaps/${month}.xml`).expect(200);
      validate(res.text, 'sitemap.xsd');
      const urls = (parser.parse(res.text).urlset.url as Array<{ loc: string }>).map((u) => u.loc);
      expect(urls).toHaveLength(3);
      expect(urls).toContain(`${SITE}/${world.slug}/${lead.slug}`);
      await get('/sitemaps/1999-01.xml').expect(404);
      await get(`/sitemaps/${month}-2.xml`).expect(404);
      await get('/sitemaps/not-a-month.xml').expect(404);
    });

    it('the Google News sitemap names the publication, language, date and title, and validates', async () => {
      const res = await get('/sitemaps/news.xml').expect(200);
      validate(res.text, 'news-urlset.xsd');
      const urls = parser.parse(res.text).urlset.url as Array<XmlNode>;
      expect(urls).toHaveLength(3);
      const lead = urls.find((u) => u['news:news']['news:title'] === '布林肯与拉夫罗夫日内瓦会面');
      expect(lead?.['news:news']).toMatchObject({
        'news:publication': { 'news:name': '东方日报', 'news:language': 'zh-cn' },
        'news:publication_date': expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
    });

    it('leaves stories first published over 48 hours ago out of the Google News sitemap', async () => {
      const old = await publish({ headline: '两天前的旧闻', categoryId: sport.id });
      await t.dataSource.query(`UPDATE published_article SET published_at = now() - interval '49 hours' WHERE article_id = $1`, [old.id]);
      // A section change empties the response caches, as any change readers see does.
      await createCategory(t, editor, { name: '财经' });
      const res = await settled(
        () => get('/sitemaps/news.xml'),
        (r) => r.text.includes('</urlset>') && !r.text.includes('两天前的旧闻'),
      );
      expect(res.text).not.toContain('两天前的旧闻');
    });

    it('lists no draft, scheduled, unpublished or embargoed story in any sitemap', async () => {
      const month = new Date().toISOString().slice(0, 7);
      const news = (await get('/sitemaps/news.xml').expect(200)).text;
      const monthly = (await get(`/sitemaps/${month}.xml`).expect(200)).text;
      const hidden = await t.dataSource.query<Array<{ slug: string }>>(`SELECT slug FROM article WHERE status <> 'published'`);
      expect(hidden).toHaveLength(4);
      for (const { slug } of hidden) {
        expect(news).not.toContain(slug);
        expect(monthly).not.toContain(slug);
      }
    });

    it('robots.txt names both sitemaps and keeps crawlers off previews and the admin side', async () => {
      const res = await get('/robots.txt').expect(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.text).toContain(`Sitemap: ${API}/sitemap.xml\nSitemap: ${API}/sitemaps/news.xml`);
      expect(res.text).toContain('Disallow: /api/content/preview/');
      expect(res.text).toContain('Disallow: /api/admin/');
    });
  });
});
