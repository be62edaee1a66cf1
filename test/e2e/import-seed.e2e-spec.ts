// Initial content: on the first start of an empty installation the seed pages are imported, their
// stories published for readers and their teasers left as drafts for editors.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { InitialContentService } from '../../src/importer/initial-content.service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase } from '../support/databases.js';
import { eventually, spawnServer, startAppOn } from '../support/shared-db.js';
import { createUser } from '../support/users.js';

const articleCount = async (t: TestApp): Promise<number> =>
  (await t.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM article`))[0].n;

describe('initial content from seeds/', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ SEED_ON_EMPTY_DATABASE: 'true' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('publishes the seed story for readers with its dateline, photo caption and credit, subheading and clean body', async () => {
    const run = await t.app.get(InitialContentService).importSeedsIfEmpty();
    expect(run?.summary).toMatchObject({ created: 1, duplicates: 0, failed: 0 });

    const list = await request(t.http).get('/api/content/articles').expect(200);
    expect(list.body.items).toHaveLength(1);
    const [summary] = list.body.items;
    expect(summary).toMatchObject({
      headline: '美国国务卿布林肯与俄罗斯外长拉夫罗夫当地时间周五在瑞士日内瓦会面',
      dateline: '日内瓦22日讯',
      language: 'zh-Hans',
      category: { name: '国际' },
      featuredImage: { caption: '美国国务卿布林肯(左)与俄罗斯外长拉夫罗夫当地时间周五在日内瓦会面。', credit: '俄罗斯外交部/路透社' },
    });

    const story = (await request(t.http).get(`/api/content/articles/${summary.slug}`).expect(200)).body;
    expect(story.body).toContainEqual({ type: 'subheading', text: '美方下周书面回复俄要求' });
    expect(story.body[0]).toEqual({ type: 'paragraph', text: expect.stringMatching(/^美国国务卿布林肯与俄罗斯外长拉夫罗夫/) });
    const bodyText = JSON.stringify(story.body);
    for (const furniture of ['阅读全文', '热门新闻', '日内瓦22日讯', '女子长期美甲']) expect(bodyText).not.toContain(furniture);
    expect(story.body.at(-1).text).toMatch(/^另一方面,北约周五拒绝了俄罗斯/);
  });

  it('leaves the 16 teasers as drafts for editors, each in its section', async () => {
    const editor = await createUser(t, ['editor']);
    const drafts = await request(t.http).get('/api/admin/articles?status=draft&limit=50').set('Authorization', editor.auth).expect(200);
    expect(drafts.body.items).toHaveLength(16);
    for (const draft of drafts.body.items) {
      expect(draft).toMatchObject({ category: { name: '国际' }, source: { filename: '000_01a6cdf8dd098583.txt' } });
    }
    const headlines = drafts.body.items.map((d: { headline: string }) => d.headline);
    expect(headlines).toEqual(expect.arrayContaining(['伊党:我们更适合领导国盟 民政:慕尤丁当之无愧', '英女王行宫聘兼职管家 仅开出最低时薪']));
    const tagged = drafts.body.items.find((d: { headline: string }) => d.headline.startsWith('伊党'));
    expect(tagged.tags).toEqual(['东方头条']);
    const published = await request(t.http).get('/api/admin/articles?status=published').set('Authorization', editor.auth).expect(200);
    expect(published.body.items).toHaveLength(1);
    expect(published.body.items[0].featuredImage).toMatchObject({ placeholder: true, credit: '俄罗斯外交部/路透社' });
  });

  it('does nothing on later starts', async () => {
    const before = await articleCount(t);
    expect(await t.app.get(InitialContentService).importSeedsIfEmpty()).toBeNull();
    expect(await articleCount(t)).toBe(before);
  });
});

describe('initial content: when it is imported', () => {
  it('is imported once when several processes start together on an empty database', async () => {
    const db = await createTestDatabase();
    const apps = [await startAppOn(db.url, { SEED_ON_EMPTY_DATABASE: 'true' }), await startAppOn(db.url, { SEED_ON_EMPTY_DATABASE: 'true' })];
    try {
      const runs = await Promise.all([...apps, apps[0]].map((app) => app.app.get(InitialContentService).importSeedsIfEmpty()));
      expect(runs.filter((run) => run !== null)).toHaveLength(1);
      expect(await articleCount(apps[0])).toBe(17);
    } finally {
      for (const app of apps) await app.close();
      await db.drop();
    }
  });

  it('is not imported with SEED_ON_EMPTY_DATABASE=false', async () => {
    const t = await createTestApp({ SEED_ON_EMPTY_DATABASE: 'false' });
    try {
      expect(await t.app.get(InitialContentService).importSeedsIfEmpty()).toBeNull();
      expect(await articleCount(t)).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('keeps a seed story whose photo has no credit as a draft, with a warning, when credits are required', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'masthead-seeds-'));
    await writeFile(
      join(dir, '001-uncredited.txt'),
      '女足再创佳绩\n\n国家女子足球队队员赛后合影。\n\n(吉隆坡22日讯)国家女子足球队周六以三比一击败对手。\n',
    );
    const t = await createTestApp({ SEED_ON_EMPTY_DATABASE: 'true', SEED_DIR: dir, REQUIRE_PHOTO_CREDIT: 'true' });
    try {
      const run = await t.app.get(InitialContentService).importSeedsIfEmpty();
      expect(run?.pages).toEqual([expect.objectContaining({ outcome: 'created', status: 'draft' })]);
      expect(JSON.stringify(run?.pages[0])).toContain('kept as a draft instead of being published');
      await request(t.http)
        .get('/api/content/articles')
        .expect(200)
        .expect((res) => expect(res.body.items).toEqual([]));
    } finally {
      await t.close();
      await rm(dir, { recursive: true });
    }
  });

  it('happens when the server (dist/src/main.js) first starts on an empty database', async () => {
    const db = await createTestDatabase();
    const server = await spawnServer(db.url, { SEED_ON_EMPTY_DATABASE: 'true' });
    try {
      const items = await eventually(async () => {
        const res = await fetch(`http://127.0.0.1:${server.port}/api/content/articles`);
        const body = (await res.json()) as { items: Array<{ dateline: string }> };
        // The report is logged once the seed is committed, just after readers can see it.
        return body.items.length > 0 && server.output.join('').includes('initial content:') ? body.items : undefined;
      }, 30_000);
      expect(items).toEqual([expect.objectContaining({ dateline: '日内瓦22日讯' })]);
      expect(server.output.join('')).toContain('initial content: import: 1 created');
    } finally {
      await server.stop();
      await db.drop();
    }
  });
});
