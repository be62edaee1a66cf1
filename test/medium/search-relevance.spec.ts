// Runs the relevance set (test/fixtures/search/relevance.json): stories indexed through
// SearchIndexService as the publish transaction does, queries answered by SearchQueryService.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parsePage } from '../../src/importer/parser/page-parser.js';
import { SearchIndexService } from '../../src/search/search-index.service.js';
import { SearchQueryService } from '../../src/search/search-query.service.js';
import type { SearchableBlock } from '../../src/search/search-text.js';
import { createTestContext, type TestContext } from '../support/app.js';

interface FixtureStory {
  key: string;
  seed?: string;
  publishedDaysAgo: number;
  language?: string;
  headline?: string;
  subheadline?: string;
  excerpt?: string;
  body?: SearchableBlock[];
}

interface FixtureQuery {
  q: string;
  why: string;
  mustFind: string[];
  mustNotFind: string[];
  first?: string;
}

interface Story {
  key: string;
  headline: string;
  subheadline: string | null;
  excerpt: string | null;
  language: string;
  body: SearchableBlock[];
  featuredImage: { caption: string } | null;
  publishedAt: Date;
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/search/relevance.json', import.meta.url), 'utf8')) as { stories: FixtureStory[]; queries: FixtureQuery[] };
const DAY = 86_400_000;

/** A seed page read the way the importer reads it. */
function storyOf(entry: FixtureStory): Story {
  const publishedAt = new Date(Date.now() - entry.publishedDaysAgo * DAY);
  if (entry.seed) {
    const page = parsePage(readFileSync(new URL(`../../${entry.seed}`, import.meta.url), 'utf8'));
    return {
      key: entry.key,
      headline: page.headline,
      subheadline: null,
      excerpt: page.excerpt,
      language: page.language,
      body: page.body,
      featuredImage: page.featuredImage ? { caption: page.featuredImage.caption } : null,
      publishedAt,
    };
  }
  return {
    key: entry.key,
    headline: entry.headline ?? '',
    subheadline: entry.subheadline ?? null,
    excerpt: entry.excerpt ?? null,
    language: entry.language ?? 'zh-Hans',
    body: entry.body ?? [],
    featuredImage: null,
    publishedAt,
  };
}

describe('search relevance set', () => {
  let t: TestContext;
  let queries: SearchQueryService;
  const keyOf = new Map<string, string>();

  /** The rows publishing writes (working copy, live version), then the index entry, in one transaction. */
  async function publish(story: Story): Promise<void> {
    const id = randomUUID();
    const slug = `story-${story.key}`;
    const body = JSON.stringify(story.body);
    const photo = story.featuredImage ? JSON.stringify({ mediaId: randomUUID(), ...story.featuredImage }) : null;
    await t.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO article (id, slug, status, headline, subheadline, language, body, excerpt, published_at)
         VALUES ($1, $2, 'published', $3, $4, $5, $6::jsonb, $7, $8)`,
        [id, slug, story.headline, story.subheadline, story.language, body, story.excerpt, story.publishedAt],
      );
      await manager.query(
        `INSERT INTO published_article (article_id, slug, headline, subheadline, language, body, excerpt, featured_image, published_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb, $9, $9)`,
        [id, slug, story.headline, story.subheadline, story.language, body, story.excerpt, photo, story.publishedAt],
      );
      await t.app.get(SearchIndexService).indexPublished(manager, { articleId: id, ...story });
    });
    keyOf.set(id, story.key);
  }

  beforeAll(async () => {
    t = await createTestContext();
    queries = t.app.get(SearchQueryService);
    for (const entry of fixture.stories) await publish(storyOf(entry));
  });

  afterAll(async () => {
    await t.close();
  });

  it('holds the seed story, at least a dozen stories and twenty queries', () => {
    expect(fixture.stories.some((s) => s.seed)).toBe(true);
    expect(fixture.stories.length).toBeGreaterThanOrEqual(12);
    expect(fixture.queries.length).toBeGreaterThanOrEqual(20);
    const keys = new Set(fixture.stories.map((s) => s.key));
    for (const q of fixture.queries) for (const key of [...q.mustFind, ...q.mustNotFind, q.first ?? keys.values().next().value]) expect(keys).toContain(key);
  });

  it.each(fixture.queries.map((q) => [q.q, q] as const))('%s', async (_, query) => {
    const page = await queries.searchPublished({ q: query.q, limit: 100 });
    const found = page.items.map((hit) => keyOf.get(hit.articleId));
    expect({ why: query.why, found: found.filter((k) => query.mustFind.includes(k ?? '')).sort() }).toEqual({ why: query.why, found: [...query.mustFind].sort() });
    expect({ why: query.why, unwanted: found.filter((k) => query.mustNotFind.includes(k ?? '')) }).toEqual({ why: query.why, unwanted: [] });
    if (query.first) expect(found[0]).toBe(query.first);
    // Every wanted hit shows the reader where the words are.
    for (const hit of page.items.filter((h) => query.mustFind.includes(keyOf.get(h.articleId) ?? ''))) {
      expect(`${hit.headlineHighlighted} ${hit.snippet}`).toContain('<mark>');
    }
  });
});
