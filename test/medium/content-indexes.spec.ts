// Repository test: the content API's queries (and the scheduler's) are answered from indexes, checked
// with EXPLAIN on a table big enough that PostgreSQL would rather scan it otherwise.
import { ArticlesRepository } from '../../src/articles/articles.repository.js';
import { ContentRepository, type SqlQuery } from '../../src/content/content.repository.js';
import { createTestContext, type TestContext } from '../support/app.js';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

describe('content queries use their indexes', () => {
  let t: TestContext;
  let content: ContentRepository;
  let categoryId: string;

  const explain = async ({ sql, params }: SqlQuery): Promise<PlanNode[]> => {
    const [row] = await t.dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
    return nodes((row['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0].Plan);
  };
  const indexesUsed = (plan: PlanNode[]) => plan.flatMap((n) => (n['Index Name'] ? [n['Index Name']] : []));
  const scans = (plan: PlanNode[], table: string) => plan.filter((n) => n['Relation Name'] === table).map((n) => n['Node Type']);

  beforeAll(async () => {
    t = await createTestContext({ env: { SCHEDULER_ENABLED: 'false' } });
    content = t.app.get(ContentRepository);
    await t.dataSource.query(`INSERT INTO category (name, slug) SELECT 'Section ' || g, 'section-' || g FROM generate_series(1, 40) g`);
    categoryId = (await t.dataSource.query(`SELECT id FROM category WHERE slug = 'section-7'`))[0].id;
    // 20,000 live stories across 40 sections, one in 500 tagged 'rare'; plus 20,000 drafts, 40 of them scheduled.
    await t.dataSource.query(`
      INSERT INTO article (slug, status, headline, language, category_id, published_at, live_updated_at, scheduled_at)
      SELECT 'story-' || g, CASE WHEN g <= 20000 THEN 'published' WHEN g % 500 = 0 THEN 'scheduled' ELSE 'draft' END,
             'Story ' || g, 'en', (SELECT id FROM category WHERE slug = 'section-' || (g % 40 + 1)),
             CASE WHEN g <= 20000 THEN now() - g * interval '1 minute' END, now(),
             CASE WHEN g > 20000 AND g % 500 = 0 THEN now() + g * interval '1 second' END
      FROM generate_series(1, 40000) g`);
    await t.dataSource.query(`
      INSERT INTO published_article (article_id, slug, headline, language, body, category_id, tags, authors, published_at, updated_at)
      SELECT id, slug, headline, language, '[]', category_id,
             CASE WHEN substring(slug from 7)::int % 500 = 0 THEN ARRAY['rare', 'common'] ELSE ARRAY['common'] END, '[]', published_at, now()
      FROM article WHERE status = 'published'`);
    await t.dataSource.query('ANALYZE');
  });
  afterAll(async () => {
    await t.close();
  });

  it('newest stories: the (published_at DESC, article_id DESC) index, no sort, no scan', async () => {
    const plan = await explain(content.buildListQuery({ limit: 21 }));
    expect(indexesUsed(plan)).toContain('idx_published_article_recent');
    expect(scans(plan, 'published_article')).not.toContain('Seq Scan');
    expect(plan.map((n) => n['Node Type'])).not.toContain('Sort');
  });

  it('a later page (keyset cursor) still starts inside the same index', async () => {
    const plan = await explain(
      content.buildListQuery({
        limit: 21,
        after: { publishedAt: new Date(Date.now() - 86_400_000).toISOString(), articleId: '00000000-0000-4000-8000-000000000000' },
      }),
    );
    expect(indexesUsed(plan)).toContain('idx_published_article_recent');
    expect(scans(plan, 'published_article')).not.toContain('Seq Scan');
  });

  it('a section: the (category_id, published_at DESC) index, one section or several', async () => {
    const one = await explain(content.buildListQuery({ limit: 21, categoryIds: [categoryId] }));
    expect(indexesUsed(one)).toContain('idx_published_article_category_recent');
    const subtree = await explain(content.buildListQuery({ limit: 21, categoryIds: [categoryId, categoryId.replace(/.$/, '0')] }));
    expect(indexesUsed(subtree)).toContain('idx_published_article_category_recent');
    expect(scans(subtree, 'published_article')).not.toContain('Seq Scan');
  });

  it('a tag: the GIN index on tags', async () => {
    const plan = await explain(content.buildListQuery({ limit: 21, tag: 'rare' }));
    expect(indexesUsed(plan)).toContain('idx_published_article_tags');
    expect(scans(plan, 'published_article')).not.toContain('Seq Scan');
  });

  it('a story by slug: the unique slug index', async () => {
    const plan = await explain(content.buildBySlugQuery('story-123'));
    expect(indexesUsed(plan)).toContain('uq_published_article_slug');
    expect(scans(plan, 'published_article')).not.toContain('Seq Scan');
  });

  it("the scheduler's due query: the partial index on scheduled stories", async () => {
    const sql = ArticlesRepository.DUE_SCHEDULED_SQL;
    const plan = await explain({ sql, params: [] });
    expect(indexesUsed(plan)).toEqual(['idx_article_due']);
  });

  it('the admin list by status reads an index, not the whole table', async () => {
    const plan = await explain({ sql: `SELECT id FROM article WHERE status = 'published' ORDER BY updated_at DESC, id DESC LIMIT 21`, params: [] });
    expect(indexesUsed(plan).length).toBeGreaterThan(0);
    expect(scans(plan, 'article')).not.toContain('Seq Scan');
  });
});
