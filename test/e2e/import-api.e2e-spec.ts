// POST /api/admin/imports: a page of text in, a draft story and teaser drafts out; dry runs, repeats
// and bad input change nothing.
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { auditOf } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';

const SEED_PAGE = readFileSync('seeds/000_01a6cdf8dd098583.txt', 'utf8');

/** A sports page naming its section, with a byline, an uncredited lead photo and a credited one in the body. */
const SPORTS_PAGE = [
  '体育',
  '女足绿茵场上再创佳绩',
  '■李明报导',
  '国家女子足球队队员赛后合影。',
  '(吉隆坡22日讯)国家女子足球队周六以三比一击败对手,晋级决赛。',
  '教练赛后表示,球员表现出色。',
  '球员在更衣室庆祝胜利。(李明摄)',
  '队长说,全队会以最佳状态迎接决赛。',
  '(完)',
  '热门新闻',
  '阅读全文',
  '英女王行宫聘兼职管家 仅开出最低时薪',
  '国际',
  '英女王伊丽莎白二世在苏格兰爱丁堡的荷里路德宫正在找兼职管家...',
  '阅读全文',
  '羽球名将再夺冠',
  '体育',
  '羽球名将周日在决赛中直落二击败对手...',
].join('\n\n');

/** Another page whose trending box repeats one of SPORTS_PAGE's teasers. */
const SECOND_PAGE = [
  '国家队主帅续约两年',
  '(吉隆坡23日讯)国家足球总会周一宣布,国家队主帅续约两年。',
  '总会表示,主帅带领球队取得佳绩。',
  '热门新闻',
  '阅读全文',
  '英女王行宫聘兼职管家 仅开出最低时薪',
  '国际',
  '英女王伊丽莎白二世在苏格兰爱丁堡的荷里路德宫正在找兼职管家...',
].join('\n\n');

interface Counts {
  articles: number;
  media: number;
  categories: number;
  imports: number;
  audit: number;
}

describe('imports API', () => {
  let t: TestApp;
  let editor: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    editor = await createUser(t, ['editor'], { displayName: '陈编辑' });
    admin = await createUser(t, ['admin']);
  });
  afterAll(async () => {
    await t.close();
  });

  const importPage = (user: TestUser, body: Record<string, unknown>) =>
    request(t.http).post('/api/admin/imports').set('Authorization', user.auth).send(body);
  const getArticle = (id: string) => request(t.http).get(`/api/admin/articles/${id}`).set('Authorization', editor.auth).expect(200);
  const counts = async (): Promise<Counts> => {
    const [row] = await t.dataSource.query<Counts[]>(
      `SELECT (SELECT count(*) FROM article)::int AS articles, (SELECT count(*) FROM media_asset)::int AS media,
              (SELECT count(*) FROM category)::int AS categories, (SELECT count(*) FROM import_record)::int AS imports,
              (SELECT count(*) FROM audit_entry)::int AS audit`,
    );
    return row;
  };

  const storiesHeadlined = async (headline: string): Promise<number> =>
    (await t.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM article WHERE headline = $1`, [headline]))[0].n;

  it('a dry run answers the parse result and where the story would go, and writes nothing', async () => {
    const before = await counts();
    const res = await importPage(editor, { text: SEED_PAGE, filename: 'seeds/000_01a6cdf8dd098583.txt', dryRun: true }).expect(200);
    expect(res.body).toMatchObject({
      filename: '000_01a6cdf8dd098583.txt',
      outcome: 'dry-run',
      articleId: null,
      status: null,
      category: '国际',
      teaserArticleIds: [],
      parsed: {
        dateline: '日内瓦22日讯',
        headlineDerived: true,
        featuredImage: { caption: '美国国务卿布林肯(左)与俄罗斯外长拉夫罗夫当地时间周五在日内瓦会面。', credit: '俄罗斯外交部/路透社' },
      },
    });
    expect(res.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.parsed.teasers).toHaveLength(16);
    expect(res.body.warnings.some((w: string) => w.includes('made from the lead'))).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('imports a page as a draft story with its section, byline, dateline and photos, plus a draft per teaser', async () => {
    const res = await importPage(editor, { text: SPORTS_PAGE, filename: 'sports-2024-11-22.txt' }).expect(201);
    expect(res.body).toMatchObject({ outcome: 'created', status: 'draft', category: '体育', teasersSkipped: 0, warnings: [] });
    expect(res.headers.location).toBe(`/api/admin/articles/${res.body.articleId}`);
    expect(res.body.teaserArticleIds).toHaveLength(2);

    const story = (await getArticle(res.body.articleId)).body;
    expect(story).toMatchObject({
      status: 'draft',
      headline: '女足绿茵场上再创佳绩',
      dateline: '吉隆坡22日讯',
      byline: '李明报导',
      language: 'zh-Hans',
      excerpt: '国家女子足球队周六以三比一击败对手,晋级决赛。',
      category: { name: '体育' },
      authors: [{ id: editor.id, displayName: '陈编辑' }],
      createdBy: { id: editor.id },
      source: { filename: 'sports-2024-11-22.txt', contentHash: res.body.contentHash },
      featuredImage: { caption: '国家女子足球队队员赛后合影。', credit: null, placeholder: true, overrides: { caption: null, credit: null } },
    });
    expect(story.body).toEqual([
      { type: 'paragraph', text: '国家女子足球队周六以三比一击败对手,晋级决赛。' },
      { type: 'paragraph', text: '教练赛后表示,球员表现出色。' },
      expect.objectContaining({ type: 'image', caption: '球员在更衣室庆祝胜利。', credit: '李明', placeholder: true }),
      { type: 'paragraph', text: '队长说,全队会以最佳状态迎接决赛。' },
    ]);
    const revisions = await request(t.http).get(`/api/admin/articles/${story.id}/revisions`).set('Authorization', editor.auth).expect(200);
    expect(revisions.body.items.map((r: { reason: string }) => r.reason)).toEqual(['import']);
    await request(t.http).get(`/api/content/articles/${story.slug}`).expect(404);

    const teasers = await Promise.all(res.body.teaserArticleIds.map(async (id: string) => (await getArticle(id)).body));
    expect(teasers).toEqual([
      expect.objectContaining({
        status: 'draft',
        headline: '英女王行宫聘兼职管家 仅开出最低时薪',
        category: expect.objectContaining({ name: '国际' }),
        excerpt: '英女王伊丽莎白二世在苏格兰爱丁堡的荷里路德宫正在找兼职管家...',
        body: [{ type: 'paragraph', text: '英女王伊丽莎白二世在苏格兰爱丁堡的荷里路德宫正在找兼职管家...' }],
      }),
      expect.objectContaining({ headline: '羽球名将再夺冠', category: expect.objectContaining({ name: '体育' }) }),
    ]);

    const audit = await auditOf(t, res.body.contentHash);
    expect(audit).toEqual([expect.objectContaining({ action: 'import.page', actor_id: editor.id })]);
  });

  it('importing the same page again changes nothing and says so, whatever its line endings', async () => {
    const first = await importPage(editor, { text: SECOND_PAGE }).expect(201);
    const before = await counts();
    const again = await importPage(admin, { text: SECOND_PAGE.replace(/\n/g, '\r\n'), filename: 'copy.txt' }).expect(200);
    expect(again.body).toMatchObject({
      outcome: 'duplicate',
      contentHash: first.body.contentHash,
      articleId: first.body.articleId,
      status: 'draft',
      teaserArticleIds: first.body.teaserArticleIds,
    });
    expect(await counts()).toEqual(before);
  });

  it('skips a teaser that repeats a story already in the system (the same trending box on another page)', async () => {
    const page = SECOND_PAGE.replace('国家队主帅续约两年', '国家队主帅宣布退休').replace('续约两年。', '宣布退休。');
    const res = await importPage(editor, { text: page }).expect(201);
    expect(res.body).toMatchObject({ teaserArticleIds: [], teasersSkipped: 1 });
    expect(await storiesHeadlined('英女王行宫聘兼职管家 仅开出最低时薪')).toBe(1);
  });

  it('creates a page once when two editors import it at the same moment', async () => {
    const page = SECOND_PAGE.replace('国家队主帅续约两年', '国家队助教加盟').replace('续约两年。', '助教加盟。');
    const answers = await Promise.all([importPage(editor, { text: page }), importPage(admin, { text: page })]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(answers.map((r) => r.body.outcome).sort()).toEqual(['created', 'duplicate']);
    expect(answers[0].body.articleId).toBe(answers[1].body.articleId);
    expect(await storiesHeadlined('国家队助教加盟')).toBe(1);
  });

  it('answers 422 to what is not a page, naming the text, and writes nothing', async () => {
    const before = await counts();
    const refused = async (body: Record<string, unknown>, field: string, message: RegExp) => {
      const res = await importPage(editor, body).expect(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors).toEqual(expect.arrayContaining([{ field, message: expect.stringMatching(message) }]));
    };
    await refused({ text: '' }, 'text', /empty/);
    await refused({ text: ' \n\r\n\t ' }, 'text', /whitespace/);
    await refused({ text: 'PNG\u0000\u0000IHDR\u0000binary' }, 'text', /binary|NUL/);
    await refused({ text: '\ufffd\ufffdJFIF\ufffd\ufffd' + SPORTS_PAGE }, 'text', /wrong encoding|binary/);
    await refused({ text: '热门新闻\n\n阅读全文\n\n英女王行宫聘兼职管家 仅开出最低时薪' }, 'text', /no headline and no story/);
    await refused({ text: 'a'.repeat(1_000_001) }, 'text', /at most 1000000 bytes/);
    await refused({ text: 42 }, 'text', /string/);
    await refused({ text: SPORTS_PAGE, publishAt: '2030-01-01' }, 'publishAt', /should not exist/);
    expect(await counts()).toEqual(before);
  });

  it('is for editors and administrators: contributors and authors get 403, nobody without a token', async () => {
    for (const role of ['contributor', 'author']) {
      const user = await createUser(t, [role]);
      const res = await importPage(user, { text: SPORTS_PAGE, dryRun: true }).expect(403);
      expect(res.body.detail).toContain('import.run');
    }
    await request(t.http).post('/api/admin/imports').send({ text: SPORTS_PAGE, dryRun: true }).expect(401);
    await importPage(admin, { text: SPORTS_PAGE, dryRun: true }).expect(200);
  });
});
