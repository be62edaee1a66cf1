// The public search endpoint and the index's upkeep through the real write paths (create, edit,
// publish, unpublish, delete through the admin API), plus `q` on the admin story list.
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { settled } from '../support/shared-db.js';
import { actOk, createCategory, createStory, editOk, paragraphs, type StoryResponse } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';

interface Hit {
  slug: string;
  headline: string;
  headlineHighlighted: string;
  snippet: string;
  category: { name: string; slug: string } | null;
}

describe('search', () => {
  let t: TestApp;
  let editor: TestUser;
  let contributor: TestUser;
  let world: { id: string; slug: string };
  let asia: { id: string; slug: string };
  let sport: { id: string; slug: string };
  let geneva: StoryResponse;

  const publish = async (user: TestUser, body: Record<string, unknown>) => actOk(t, user, await createStory(t, user, body), 'publish');
  const search = (query: Record<string, string | number>) => request(t.http).get('/api/content/search').query(query);
  const slugsFor = async (q: string, extra: Record<string, string> = {}) => ((await search({ q, ...extra }).expect(200)).body.items as Hit[]).map((h) => h.slug);
  const adminSearch = (user: TestUser, query: Record<string, string | number>) =>
    request(t.http).get('/api/admin/articles').query(query).set('Authorization', user.auth);
  const adminIds = async (q: string, user: TestUser, filter: { status?: string } = {}) =>
    ((await adminSearch(user, { q, ...filter }).expect(200)).body.items as Array<{ id: string }>).map((a) => a.id);

  beforeAll(async () => {
    t = await createTestApp();
    editor = await createUser(t, ['editor']);
    contributor = await createUser(t, ['contributor']);
    world = await createCategory(t, editor, { name: '国际' });
    asia = await createCategory(t, editor, { name: '亚洲', parentId: world.id });
    sport = await createCategory(t, editor, { name: '体育' });
    geneva = await publish(editor, {
      headline: '布林肯与拉夫罗夫日内瓦会面',
      categoryId: world.id,
      body: paragraphs('俄方在会上重提北约停止东扩的要求。', '有读者留言<script>alert(1)</script>称北约应当克制。'),
    });
    await publish(editor, { headline: '拉夫羅夫訪問北京', categoryId: asia.id, body: paragraphs('俄羅斯外長拉夫羅夫與王毅舉行會談，討論國際局勢。') });
    await publish(editor, { headline: '李梓嘉夺得日本羽毛球公开赛冠军', categoryId: sport.id, body: paragraphs('大马羽球一哥李梓嘉在东京夺冠。') });
  });

  afterAll(async () => {
    await t.close();
  });

  it('finds published stories without authentication, with escaped, highlighted snippets and cache headers', async () => {
    const res = await search({ q: '北约' }).expect(200);
    expect(res.headers['cache-control']).toBe(t.config.contentCacheControl);
    expect(res.headers.etag).toMatch(/^"/u);
    const [hit] = res.body.items as Hit[];
    expect(res.body.items).toHaveLength(1);
    expect(hit).toMatchObject({ slug: geneva.slug, headline: '布林肯与拉夫罗夫日内瓦会面', category: { name: '国际', slug: world.slug } });
    expect(hit.snippet).toContain('<mark>北约</mark>');
    // snippet and headlineHighlighted are HTML; the other fields stay plain text, as in the content API.
    expect(hit.snippet).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(`${hit.snippet}${hit.headlineHighlighted}`).not.toMatch(/<(?!\/?mark>)/u);
    expect(hit).not.toHaveProperty('articleId');
    await search({ q: '北约' }).set('If-None-Match', res.headers.etag).expect(304);
  });

  it('finds traditional and simplified script with either', async () => {
    const both = ['布林肯与拉夫罗夫日内瓦会面', '拉夫羅夫訪問北京'].map((h) => expect.stringContaining(h.slice(0, 3)));
    for (const q of ['拉夫罗夫', '拉夫羅夫']) {
      const items = (await search({ q }).expect(200)).body.items as Hit[];
      expect(items.map((h) => h.headline)).toEqual(expect.arrayContaining(both));
    }
    const [hit] = (await search({ q: '国际' }).expect(200)).body.items as Hit[];
    expect(hit.snippet).toContain('<mark>國際</mark>');
  });

  it('filters by section, sub-sections included; an unknown section is 404', async () => {
    expect(await slugsFor('拉夫罗夫', { category: asia.slug })).toHaveLength(1);
    expect(await slugsFor('拉夫罗夫', { category: world.slug })).toHaveLength(2);
    expect(await slugsFor('拉夫罗夫', { category: sport.slug })).toEqual([]);
    await search({ q: '拉夫罗夫', category: 'no-such-section' }).expect(404);
  });

  it('keeps drafts out of the public index and in the admin one', async () => {
    const draft = await createStory(t, editor, { headline: '内阁改组名单出炉', body: paragraphs('首相宣布内阁改组。') });
    expect(await slugsFor('内阁改组')).toEqual([]);
    expect(await adminIds('内阁改组', editor)).toEqual([draft.id]);
  });

  it('serves the published snapshot publicly until the edit is published, cached pages included', async () => {
    const edited = await editOk(t, editor, geneva, { body: paragraphs('双方同意明年再举行峰会。') });
    expect(await slugsFor('明年 峰会')).toEqual([]);
    expect(await slugsFor('东扩')).toEqual([geneva.slug]);
    expect(await adminIds('明年 峰会', editor)).toEqual([geneva.id]);
    geneva = await actOk(t, editor, edited, 'publish');
    expect(await settled(() => slugsFor('明年 峰会'), (s) => s.length > 0)).toEqual([geneva.slug]);
    expect(await settled(() => slugsFor('东扩'), (s) => s.length === 0)).toEqual([]);
  });

  it('drops unpublished stories from public results and deleted ones from admin results', async () => {
    const story = await publish(editor, { headline: '选举委员会公布投票日期', body: paragraphs('选委会宣布投票日。') });
    const unpublished = await actOk(t, editor, story, 'unpublish');
    expect(await slugsFor('选举委员会')).toEqual([]);
    expect(await adminIds('选举委员会', editor)).toEqual([story.id]);
    expect(await adminIds('选举委员会', editor, { status: 'published' })).toEqual([]);
    expect(await adminIds('选举委员会', editor, { status: 'unpublished' })).toEqual([story.id]);
    await request(t.http).delete(`/api/admin/articles/${unpublished.id}`).set('Authorization', editor.auth).expect(204);
    expect(await adminIds('选举委员会', editor)).toEqual([]);
  });

  it('shows a contributor only the stories they created or are credited on', async () => {
    const own = await createStory(t, contributor, { headline: '榴莲季节到来', body: paragraphs('猫山王榴莲价格下跌。') });
    const others = await createStory(t, editor, { headline: '榴莲出口创新高', body: paragraphs('榴莲出口额增长。') });
    const credited = await createStory(t, editor, { headline: '榴莲园开放参观', authors: [contributor.id], body: paragraphs('榴莲园迎来游客。') });
    const mine = await adminIds('榴莲', contributor);
    expect(mine.sort()).toEqual([own.id, credited.id].sort());
    expect(await adminIds('榴莲', editor)).toEqual(expect.arrayContaining([own.id, others.id, credited.id]));
  });

  it('searches working copies in the admin list: traditional finds simplified, with the story and why it matched', async () => {
    const draft = await createStory(t, contributor, {
      headline: '国会下议院通过反跳槽法案',
      body: paragraphs('国会下议院今日以三分之二多数票通过修宪法案。'),
    });
    const res = await adminSearch(editor, { q: '國會 多數票' }).expect(200);
    expect(res.body.items).toHaveLength(1);
    const [item] = res.body.items;
    expect(item).toMatchObject({ id: draft.id, status: 'draft', headline: '国会下议院通过反跳槽法案', version: draft.version });
    expect(item.match.headlineHighlighted).toBe('<mark>国会</mark>下议院通过反跳槽法案');
    expect(item.match.snippet).toContain('<mark>多数票</mark>');
    expect(item.match.rank).toBeGreaterThan(0);
    // The list without q carries no match.
    const plain = await request(t.http).get('/api/admin/articles').set('Authorization', editor.auth).expect(200);
    expect(plain.body.items[0]).not.toHaveProperty('match');
  });

  it('refuses an empty or over-long admin query and a list cursor used for a search', async () => {
    const empty = await adminSearch(editor, { q: '  ' }).expect(422);
    expect(empty.headers['content-type']).toContain('application/problem+json');
    expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'q' })]);
    const long = await adminSearch(editor, { q: '新'.repeat(201) }).expect(422);
    expect(long.body.errors).toEqual([expect.objectContaining({ field: 'q' })]);
    const list = await request(t.http).get('/api/admin/articles?limit=1').set('Authorization', editor.auth).expect(200);
    expect(list.body.nextCursor).toEqual(expect.any(String));
    const mixed = await adminSearch(editor, { q: '榴莲', cursor: list.body.nextCursor as string }).expect(422);
    expect(mixed.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });

  it('pages an admin search with its cursor, filters still applied', async () => {
    for (let i = 0; i < 3; i += 1) await createStory(t, editor, { headline: `水灾灾情第${i + 1}报`, body: paragraphs('东海岸水灾灾民人数上升。') });
    await publish(editor, { headline: '水灾灾民获发援助金', body: paragraphs('政府向水灾灾民发放援助金。') });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await adminSearch(editor, { q: '水灾', status: 'draft', limit: 2, ...(cursor ? { cursor } : {}) }).expect(200);
      seen.push(...(res.body.items as Array<{ headline: string; status: string }>).map((a) => `${a.status}:${a.headline}`));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    expect(seen.sort()).toEqual(['draft:水灾灾情第1报', 'draft:水灾灾情第2报', 'draft:水灾灾情第3报']);
  });

  it('pages through results with a cursor: no overlap, nothing skipped', async () => {
    for (let i = 0; i < 5; i += 1) await publish(editor, { headline: `气候峰会第${i + 1}天`, body: paragraphs(`气候峰会进入第${i + 1}天。`) });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await search({ q: '气候峰会', limit: 2, ...(cursor ? { cursor } : {}) }).expect(200);
      seen.push(...(res.body.items as Hit[]).map((h) => h.slug));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    await search({ q: '气候峰会', cursor: 'not-a-cursor' }).expect(422);
  });

  it('falls back to headline substrings of three or more characters when the words find nothing', async () => {
    const [hit] = (await search({ q: '夫日内' }).expect(200)).body.items as Hit[];
    expect(hit.slug).toBe(geneva.slug);
    expect(hit.headlineHighlighted).toBe('布林肯与拉夫罗<mark>夫日内</mark>瓦会面');
    expect(await slugsFor('夫日')).toEqual([]);
  });

  it.each([
    ['missing', {}],
    ['empty', { q: '' }],
    ['blank', { q: '   ' }],
    ['punctuation only', { q: '，。！？' }],
    ['over 200 characters', { q: '北'.repeat(201) }],
    ['a bad limit', { q: '北约', limit: 0 }],
  ])('answers 422 with field errors for a query that is %s', async (_, query) => {
    const res = await search(query).expect(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/u);
    expect(res.body.errors[0].field).toMatch(/^(q|limit)$/u);
  });

  it('accepts exactly 200 characters', async () => {
    await search({ q: '北'.repeat(200) }).expect(200);
  });

  it('treats SQL and tsquery operators as text', async () => {
    expect(await slugsFor("'); DROP TABLE article; --")).toEqual([]);
    expect(await slugsFor("北约 & !东扩 | (x:*) '")).toEqual([]);
    expect(await slugsFor('拉夫罗夫 & 北京')).toHaveLength(1);
    await request(t.http).get('/api/content/articles').expect(200);
  });

  it('is documented as a public route with its errors', async () => {
    const doc = (await request(t.http).get('/docs/openapi.json').expect(200)).body;
    const operation = doc.paths['/api/content/search'].get;
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '404', '422']));
    expect(operation.security ?? []).toEqual([]);
  });
});
