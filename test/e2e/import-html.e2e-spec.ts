// POST /api/admin/imports with {html}: the article found in a real page's HTML becomes a draft story with
// placeholder photos holding their captions and credits; bad or oversized HTML changes nothing; a page
// imported before answers `duplicate`, in a dry run too.
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { createUser, type TestUser } from '../support/users.js';

const HTML_PAGE = readFileSync('src/importer/parser/__fixtures__/kuala-lumpur-article.html', 'utf8');
const TEXT_PAGE = '国家队主帅续约两年\n\n(吉隆坡23日讯)国家足球总会周一宣布,国家队主帅续约两年。\n\n总会表示,主帅带领球队取得佳绩。';

describe('imports API: HTML pages', () => {
  let t: TestApp;
  let editor: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    editor = await createUser(t, ['editor']);
  });
  afterAll(async () => {
    await t.close();
  });

  const importPage = (body: Record<string, unknown>) => request(t.http).post('/api/admin/imports').set('Authorization', editor.auth).send(body);
  const articleCount = async () => (await t.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM article`))[0].n;

  it('a dry run reads headline, dateline, section, photos with credits and crossheads from the HTML, rates each field, and writes nothing', async () => {
    const before = await articleCount();
    const res = await importPage({ html: HTML_PAGE, url: 'https://example.com/news/1', dryRun: true }).expect(200);
    expect(res.body).toMatchObject({
      outcome: 'dry-run',
      category: '国内',
      parsed: {
        headline: '国会三读通过财政预算案',
        headlineDerived: false,
        dateline: '吉隆坡22日讯',
        language: 'zh-Hans',
        featuredImage: { caption: '财政部长在国会下议院提呈预算案。', credit: '陈兆良' },
      },
    });
    expect(res.body.parsed.body.map((block: { type: string }) => block.type)).toEqual([
      'paragraph',
      'paragraph',
      'subheading',
      'paragraph',
      'image',
      'paragraph',
    ]);
    expect(JSON.stringify(res.body.parsed)).not.toMatch(/hacked|steal|alert|color: red|登录/u);
    expect(res.body.parsed.confidence.headline).toBeGreaterThan(0.9);
    expect(res.body.parsed.guesses).toEqual([expect.objectContaining({ field: 'captions', code: 'caption-without-credit' })]);
    expect(await articleCount()).toBe(before);
  });

  it('imports the HTML as a draft whose photos are placeholders holding caption and credit; again, even as a dry run, it is a duplicate', async () => {
    const res = await importPage({ html: HTML_PAGE, filename: 'budget.html' }).expect(201);
    const story = (await request(t.http).get(`/api/admin/articles/${res.body.articleId}`).set('Authorization', editor.auth).expect(200)).body;
    expect(story).toMatchObject({
      status: 'draft',
      headline: '国会三读通过财政预算案',
      dateline: '吉隆坡22日讯',
      category: { name: '国内' },
      featuredImage: { caption: '财政部长在国会下议院提呈预算案。', credit: '陈兆良', placeholder: true },
    });
    expect(story.body).toContainEqual(
      expect.objectContaining({ type: 'image', caption: '议员在表决后离开议会厅。', credit: null, placeholder: true }),
    );
    const count = await articleCount();
    const again = await importPage({ html: HTML_PAGE, dryRun: true }).expect(200);
    expect(again.body).toMatchObject({ outcome: 'duplicate', articleId: res.body.articleId, status: 'draft' });
    expect(await articleCount()).toBe(count);
  });

  it('a dry run of a text page imported before answers duplicate, not dry-run', async () => {
    const first = await importPage({ text: TEXT_PAGE }).expect(201);
    const dry = await importPage({ text: TEXT_PAGE, dryRun: true }).expect(200);
    expect(dry.body).toMatchObject({ outcome: 'duplicate', articleId: first.body.articleId, contentHash: first.body.contentHash });
  });

  it('answers 422 to both or neither of text and html, 422 to HTML with too many elements, 413 to oversized HTML; nothing is written', async () => {
    const before = await articleCount();
    const both = await importPage({ text: TEXT_PAGE, html: HTML_PAGE }).expect(422);
    expect(both.body.errors).toEqual([{ field: 'html', message: 'Give exactly one of text or html.' }]);
    const neither = await importPage({ dryRun: true }).expect(422);
    expect(neither.body.errors).toEqual([{ field: 'text', message: 'Give exactly one of text or html.' }]);
    const complex = await importPage({ html: `<html><body>${'<span>x</span>'.repeat(31_000)}</body></html>`, dryRun: true }).expect(422);
    expect(complex.body.errors).toEqual([{ field: 'html', message: expect.stringMatching(/elements/u) }]);
    const large = await importPage({ html: `<html><body><p>${'新闻'.repeat(260_000)}</p></body></html>` }).expect(413);
    expect(large.headers['content-type']).toContain('application/problem+json');
    await importPage({ html: '<html><body><nav>首页</nav></body></html>' }).expect(422);
    await importPage({ html: HTML_PAGE, url: 'not a url' }).expect(422);
    expect(await articleCount()).toBe(before);
  });
});
