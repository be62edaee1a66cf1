// `npm run search:reindex` (dist/src/cli/search-reindex.js) against a test database: stories the
// index missed become searchable, stale entries go, and a dictionary change takes effect.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SearchIndexService } from '../../src/search/search-index.service.js';
import { SearchQueryService } from '../../src/search/search-query.service.js';
import { SearchRepository } from '../../src/search/search.repository.js';
import { getTokenizer } from '../../src/search/tokenizer.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { actOk, createStory, paragraphs } from '../support/stories.js';
import { createUser } from '../support/users.js';

const run = promisify(execFile);

describe('search:reindex', () => {
  let t: TestApp;
  let directory: string;

  const reindex = (env: Record<string, string> = {}) =>
    run(process.execPath, ['dist/src/cli/search-reindex.js', '--batch-size=1'], {
      // No JWT_SECRET: a command-line tool issues no tokens and must not need it.
      env: { PATH: process.env.PATH, DATABASE_URL: t.config.databaseUrl, LOG_LEVEL: 'silent', ...env },
    });
  const publicHits = async (q: string, queries = t.app.get(SearchQueryService)) => (await queries.searchPublished({ q })).items.map((h) => h.headline);
  const entries = async () => Number((await t.dataSource.query(`SELECT count(*) AS n FROM search_document`))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    directory = mkdtempSync(join(tmpdir(), 'masthead-reindex-'));
  });

  afterAll(async () => {
    await t.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('indexes stories the index missed, drops stale entries, and reports progress', async () => {
    const editor = await createUser(t, ['editor']);
    await actOk(t, editor, await createStory(t, editor, { headline: '槟城升旗山缆车恢复运作', body: paragraphs('缆车今日恢复运作。') }), 'publish');
    // A story written straight to the tables (as before search existed): not indexed.
    const id = randomUUID();
    await t.dataSource.query(`INSERT INTO article (id, slug, status, headline, language, published_at) VALUES ($1, 'old-story', 'published', '沙巴神山登山步道重开', 'zh-Hans', now())`, [id]);
    await t.dataSource.query(
      `INSERT INTO published_article (article_id, slug, headline, language, body, published_at, updated_at) VALUES ($1, 'old-story', '沙巴神山登山步道重开', 'zh-Hans', $2::jsonb, now(), now())`,
      [id, JSON.stringify(paragraphs('登山步道今日重开。'))],
    );
    // A public entry for a story that is only a draft: stale.
    const draft = await createStory(t, editor, { headline: '草稿不应公开', body: paragraphs('草稿内容。') });
    await t.dataSource.transaction((m) => t.app.get(SearchIndexService).indexPublished(m, { articleId: draft.id, publishedAt: new Date(), headline: '草稿不应公开', body: [] }));
    expect(await publicHits('沙巴神山')).toEqual([]);
    expect(await entries()).toBe(4); // two working copies and one live version indexed, one stale entry

    const { stderr } = await reindex();

    expect(await publicHits('沙巴神山')).toEqual(['沙巴神山登山步道重开']);
    expect(await publicHits('缆车')).toEqual(['槟城升旗山缆车恢复运作']);
    expect(await publicHits('草稿')).toEqual([]);
    expect(await entries()).toBe(5); // three working copies, two live versions, no stale entry
    expect(stderr).toMatch(/published: 1\/2 \(50%\)/u);
    expect(stderr).toMatch(/done in .* 3 working copies, 2 published, 1 stale entries removed, indexes rebuilt/u);
  });

  it('applies an editor dictionary change once the index is rebuilt', async () => {
    const dictionary = join(directory, 'desk.dict.txt');
    writeFileSync(dictionary, '雙溪毛糯 30000 ns\n', 'utf8');
    const editor = await createUser(t, ['editor']);
    // In the body only: the headline fallback would find a headline without any dictionary.
    await actOk(t, editor, await createStory(t, editor, { headline: '医院扩建工程动工', body: paragraphs('双溪毛糯医院的扩建工程今日动工。') }), 'publish');
    // Queries segmented with the new dictionary keep the place name whole; the old index split it.
    const withDictionary = new SearchQueryService(t.app.get(SearchRepository), getTokenizer([dictionary]));
    expect(await publicHits('双溪毛糯', withDictionary)).toEqual([]);

    await reindex({ SEARCH_DICTIONARY_PATHS: dictionary });

    expect(await publicHits('双溪毛糯', withDictionary)).toEqual(['医院扩建工程动工']);
    expect(await publicHits('雙溪毛糯', withDictionary)).toEqual(['医院扩建工程动工']);
  });

  it('refuses a bad batch size', async () => {
    await expect(run(process.execPath, ['dist/src/cli/search-reindex.js', '--batch-size=0'], { env: { PATH: process.env.PATH, DATABASE_URL: t.config.databaseUrl } })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--batch-size must be a whole number'),
    });
  });
});
