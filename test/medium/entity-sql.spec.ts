// Repository test: a row read with plain SQL and hydrated is the entity a TypeORM find returns, and an
// update or upsert built from the metadata writes what TypeORM's would, for every kind of column a
// story, its live version or a photo has (uuid, arrays, jsonb, timestamps, nulls, a version): the
// locked read, the save and the publish every write makes see and store stories as TypeORM did.
import { Article } from '../../src/articles/article.entity.js';
import { ArticlesRepository } from '../../src/articles/articles.repository.js';
import { PublishedArticle } from '../../src/articles/published-article.entity.js';
import { hydrate, updateById, upsert } from '../../src/database/entity-sql.js';
import { MediaAsset } from '../../src/media/media-asset.entity.js';
import { createTestContext, type TestContext } from '../support/app.js';

describe('plain SQL for entities', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext({ env: { SCHEDULER_ENABLED: 'false' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('turns a story row into the Article a find returns', async () => {
    const [{ id }] = await t.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO article (slug, status, headline, language, body, featured_image, tags, author_ids, byline, excerpt, published_at, embargo_until, review_note, corrections)
       VALUES ('hydrate-me', 'draft', '布林肯与拉夫罗夫会面', 'zh-Hans', '[{"type":"paragraph","text":"日内瓦"}]', NULL, ARRAY['美国','俄罗斯'],
               ARRAY[gen_random_uuid()], NULL, '摘要', now() - interval '1 day', now() + interval '1 hour',
               '{"note":"请核实","authorId":null,"at":"2026-01-01T00:00:00.000Z"}', '[]')
       RETURNING id`,
    );
    const [row] = await t.dataSource.query<Array<Record<string, unknown>>>(`SELECT * FROM article WHERE id = $1`, [id]);
    const found = await t.dataSource.getRepository(Article).findOneByOrFail({ id });
    const hydrated = hydrate(t.dataSource, Article, row);
    expect(hydrated).toBeInstanceOf(Article);
    expect(hydrated).toEqual(found);
    expect(hydrated.publishedAt).toBeInstanceOf(Date);
    expect(hydrated.subheadline).toBeNull();
  });

  it('turns a photo row into the MediaAsset a find returns', async () => {
    const [{ id }] = await t.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO media_asset (kind, status, storage_key, mime, bytes, width, height, renditions, caption, credit, version)
       VALUES ('image', 'ready', 'originals/x', 'image/jpeg', 1234, 4000, 3000, '[{"name":"thumb","format":"webp","width":320,"height":320}]', '会谈现场', '路透社', 1)
       RETURNING id`,
    );
    const [row] = await t.dataSource.query<Array<Record<string, unknown>>>(`SELECT * FROM media_asset WHERE id = $1`, [id]);
    expect(hydrate(t.dataSource, MediaAsset, row)).toEqual(await t.dataSource.getRepository(MediaAsset).findOneByOrFail({ id }));
  });

  it('updateById writes what a TypeORM update writes, and the update date', async () => {
    const insert = `INSERT INTO article (slug, headline, language, updated_at) VALUES ($1, 'Old', 'en', now() - interval '1 day') RETURNING id`;
    const [{ id: mine }] = await t.dataSource.query<Array<{ id: string }>>(insert, ['updated-by-sql']);
    const [{ id: theirs }] = await t.dataSource.query<Array<{ id: string }>>(insert, ['updated-by-typeorm']);
    const changes = {
      headline: '布林肯与拉夫罗夫会面',
      body: [{ type: 'paragraph' as const, text: '日内瓦' }],
      tags: ['美国', "O'Brien"],
      authorIds: ['00000000-0000-4000-8000-000000000001'],
      embargoUntil: new Date('2031-01-01T00:00:00.000Z'),
      subheadline: null,
      excerpt: undefined,
      version: 7,
    };
    const { sql, parameters } = updateById(t.dataSource, Article, mine, changes);
    await t.dataSource.query(sql, parameters);
    await t.dataSource.getRepository(Article).update({ id: theirs }, changes);
    const [a, b] = await Promise.all([mine, theirs].map((id) => t.dataSource.getRepository(Article).findOneByOrFail({ id })));
    const comparable = ({ id: _id, slug: _slug, updatedAt: _updatedAt, createdAt: _createdAt, ...rest }: Article) => rest;
    expect(comparable(a)).toEqual(comparable(b));
    expect(a.version).toBe(7);
    expect(Date.now() - a.updatedAt.getTime()).toBeLessThan(60_000);
  });

  it("upsert inserts, then replaces, as TypeORM's upsert does", async () => {
    const insert = `INSERT INTO article (slug, headline, language) VALUES ($1, 'Story', 'zh-Hans') RETURNING id`;
    const [{ id: mine }] = await t.dataSource.query<Array<{ id: string }>>(insert, ['live-by-sql']);
    const [{ id: theirs }] = await t.dataSource.query<Array<{ id: string }>>(insert, ['live-by-typeorm']);
    const live = (articleId: string, headline: string) =>
      Object.assign(new PublishedArticle(), {
        articleId,
        slug: `${articleId}-slug`,
        headline,
        subheadline: null,
        dateline: '日内瓦',
        language: 'zh-Hans',
        body: [{ type: 'paragraph', text: '日内瓦' }],
        excerpt: null,
        featuredImage: null,
        categoryId: null,
        tags: ['美国'],
        authors: [{ id: '00000000-0000-4000-8000-000000000001', displayName: '陈兆良' }],
        byline: null,
        seoTitle: null,
        seoDescription: null,
        canonicalUrl: null,
        socialImage: null,
        corrections: [],
        publishedAt: new Date('2026-01-01T00:00:00.123Z'),
        updatedAt: new Date('2026-01-02T00:00:00.456Z'),
      });
    const read = async (id: string) => {
      const { articleId: _articleId, slug: _slug, ...rest } = await t.dataSource.getRepository(PublishedArticle).findOneByOrFail({ articleId: id });
      return rest;
    };
    for (const headline of ['布林肯与拉夫罗夫会面', '布林肯与拉夫罗夫再次会面']) {
      const { sql, parameters } = upsert(t.dataSource, PublishedArticle, live(mine, headline));
      await t.dataSource.query(sql, parameters);
      await t.dataSource.getRepository(PublishedArticle).upsert(live(theirs, headline), ['articleId']);
      expect(await read(mine)).toEqual(await read(theirs));
      expect((await read(mine)).headline).toBe(headline);
    }
  });

  it('the locked read finds live stories only', async () => {
    const repository = t.app.get(ArticlesRepository);
    const [{ id }] = await t.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO article (slug, headline, language, deleted_at) VALUES ('gone', 'Gone', 'en', now()) RETURNING id`,
    );
    await t.dataSource.transaction(async (manager) => {
      expect(await repository.lockActive(manager, id)).toBeNull();
      expect(await repository.lockActive(manager, '00000000-0000-4000-8000-000000000000')).toBeNull();
    });
  });
});
