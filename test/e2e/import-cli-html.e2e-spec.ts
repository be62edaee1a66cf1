// The command line reads .html/.htm files as HTML pages: a dry run prints the parse result without a
// database, a real run creates the draft story with its placeholder photos.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { TEST_JWT_SECRET } from '../support/app.js';
import { createTestDatabase } from '../support/databases.js';

const HTML_FIXTURE = 'src/importer/parser/__fixtures__/kuala-lumpur-article.html';

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['dist/src/cli/import.js', ...args],
      { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', DATA_DIR: '.data/test-files', ...env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('import command line: HTML files', () => {
  let db: { url: string; drop(): Promise<void> };
  let scratch: string;
  let page: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    scratch = await mkdtemp(join(tmpdir(), 'masthead-import-html-'));
    page = join(scratch, 'budget.htm');
    await copyFile(HTML_FIXTURE, page);
  });
  afterAll(async () => {
    await db.drop();
    await rm(scratch, { recursive: true });
  });

  it('--dry-run --json parses an .htm file as HTML, with no database', async () => {
    const result = await runCli(['--dry-run', '--json', page], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', JWT_SECRET: TEST_JWT_SECRET });
    expect(result.code).toBe(0);
    const [report] = JSON.parse(result.stdout) as Array<{ outcome: string; parsed: Record<string, unknown> }>;
    expect(report).toMatchObject({
      outcome: 'dry-run',
      parsed: { headline: '国会三读通过财政预算案', dateline: '吉隆坡22日讯', featuredImage: { credit: '陈兆良' } },
    });
  });

  it('imports an .htm file as a draft story with placeholder photos', async () => {
    const result = await runCli([page], { DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('created "国会三读通过财政预算案"');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT (SELECT count(*) FROM media_asset WHERE status = 'placeholder')::int AS photos, (SELECT count(*) FROM article)::int AS articles`,
      );
      expect(rows[0]).toEqual({ photos: 2, articles: 1 });
    } finally {
      await client.end();
    }
  });
});
