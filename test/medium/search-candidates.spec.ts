// Broad queries rank the newest CANDIDATE_LIMIT matches, found through the time windows; pages
// over them agree with each other. Stories are written straight to the tables and indexed through
// SearchIndexService, spread over three years.
import { randomUUID } from 'node:crypto';
import { SearchIndexService } from '../../src/search/search-index.service.js';
import { CANDIDATE_LIMIT } from '../../src/search/search-query.js';
import { SearchQueryService } from '../../src/search/search-query.service.js';
import { createTestContext, type TestContext } from '../support/app.js';

const DAY = 86_400_000;

describe('search candidates', () => {
  let t: TestContext;
  let queries: SearchQueryService;
  /** Story ids by age in days; every story mentions 榴莲 in its body. */
  const byAge = new Map<number, string>();
  let headlineStory: string;

  async function publish(manager: TestContext['dataSource']['manager'], ageDays: number, headline: string, body: string): Promise<string> {
    const id = randomUUID();
    const publishedAt = new Date(Date.now() - ageDays * DAY);
    const blocks = [{ type: 'paragraph', text: body }];
    await manager.query(`INSERT INTO article (id, slug, status, headline, language, body, published_at) VALUES ($1, $2, 'published', $3, 'zh-Hans', $4::jsonb, $5)`, [id, `s-${id}`, headline, JSON.stringify(blocks), publishedAt]);
    await manager.query(
      `INSERT INTO published_article (article_id, slug, headline, language, body, published_at, updated_at) VALUES ($1, $2, $3, 'zh-Hans', $4::jsonb, $5, $5)`,
      [id, `s-${id}`, headline, JSON.stringify(blocks), publishedAt],
    );
    await t.app.get(SearchIndexService).indexPublished(manager, { articleId: id, publishedAt, headline, body: blocks });
    return id;
  }

  beforeAll(async () => {
    t = await createTestContext();
    queries = t.app.get(SearchQueryService);
    await t.dataSource.transaction(async (manager) => {
      // One story every four days for three years: 274 matches, more than CANDIDATE_LIMIT.
      // Every tenth also names a variety, spread over all three years.
      for (let age = 0; age < 3 * 365; age += 4) {
        byAge.set(age, await publish(manager, age, `农业新闻第${age}期`, `今年榴莲丰收，果农表示价格稳定。${age % 40 === 0 ? '猫山王供不应求。' : ''}`));
      }
      // A headline match among the newest.
      headlineStory = await publish(manager, 30, '榴莲出口创新高', '出口商表示榴莲需求强劲。');
      // A story without the word.
      await publish(manager, 1, '天气预报', '明天有雨。');
    });
  });

  afterAll(async () => {
    await t.close();
  });

  async function allPages(q: string, limit: number): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await queries.searchPublished({ q, limit, cursor });
      ids.push(...page.items.map((hit) => hit.articleId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  }

  it('ranks exactly the newest matches when a word is common, best first', async () => {
    const ids = await allPages('榴莲', 40);
    expect(ids).toHaveLength(CANDIDATE_LIMIT);
    expect(new Set(ids).size).toBe(CANDIDATE_LIMIT);
    // The newest CANDIDATE_LIMIT matches: the headline story and the newest 199 of the others.
    const newest = [...byAge.entries()].sort(([a], [b]) => a - b).slice(0, CANDIDATE_LIMIT - 1).map(([, id]) => id);
    expect(new Set(ids)).toEqual(new Set([headlineStory, ...newest]));
    expect(ids[0]).toBe(headlineStory);
  });

  it('ranks every match, however old, when a query has fewer than the limit', async () => {
    expect(await allPages('出口商', 20)).toEqual([headlineStory]);
    const varieties = [...byAge.entries()].filter(([age]) => age % 40 === 0).map(([, id]) => id);
    expect(new Set(await allPages('猫山王', 7))).toEqual(new Set(varieties));
    expect(varieties.length).toBeGreaterThan(25);
  });

  it('returns the same first page whatever the page size it is cut from', async () => {
    const first = (await queries.searchPublished({ q: '榴莲', limit: 10 })).items.map((h) => h.articleId);
    const wider = (await queries.searchPublished({ q: '榴莲', limit: 30 })).items.map((h) => h.articleId);
    expect(wider.slice(0, 10)).toEqual(first);
  });
});
