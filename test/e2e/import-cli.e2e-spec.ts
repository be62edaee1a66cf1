// The command line as operators run it (`npm run seed`, `npm run import -- …` call this compiled
// script): a real process against a test database, results on stdout, logs on stderr.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase } from '../support/databases.js';

const SEED_FILE = 'seeds/000_01a6cdf8dd098583.txt';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['dist/src/cli/import.js', ...args],
      { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', DATA_DIR: '.data/test-files', ...env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function countRows(url: string): Promise<{ articles: number; media: number; imports: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM article)::int AS articles, (SELECT count(*) FROM media_asset)::int AS media,
              (SELECT count(*) FROM import_record)::int AS imports`,
    );
    return rows[0] as { articles: number; media: number; imports: number };
  } finally {
    await client.end();
  }
}

describe('import command line', () => {
  let db: { url: string; drop(): Promise<void> };
  let env: Record<string, string>;
  let scratch: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // No JWT_SECRET: an import issues no tokens, so it must not need the server's secret.
    env = { DATABASE_URL: db.url };
    scratch = await mkdtemp(join(tmpdir(), 'masthead-import-cli-'));
  });
  afterAll(async () => {
    await db.drop();
    await rm(scratch, { recursive: true });
  });

  it('--seed imports the seed pages once; a second run creates nothing and reports the duplicate', async () => {
    const first = await runCli(['--seed'], env);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain('1 created, 0 skipped as duplicates');
    expect(await countRows(db.url)).toEqual({ articles: 17, media: 1, imports: 1 });

    const second = await runCli(['--seed', '--json'], env);
    expect(second.code).toBe(0);
    const pages = JSON.parse(second.stdout) as Array<{ outcome: string; filename: string }>;
    expect(pages).toEqual([expect.objectContaining({ outcome: 'duplicate', filename: '000_01a6cdf8dd098583.txt' })]);
    expect(second.stderr).toContain('0 created, 1 skipped as duplicates');
    expect(await countRows(db.url)).toEqual({ articles: 17, media: 1, imports: 1 });
  });

  it('--dry-run --json prints only the parse result, a JSON array with one object per file, and writes nothing', async () => {
    const before = await countRows(db.url);
    const other = join(scratch, 'sports.txt');
    await writeFile(other, '女足绿茵场上再创佳绩\r\n\r\n(吉隆坡22日讯)国家女子足球队周六以三比一击败对手。\r\n');
    const result = await runCli(['--dry-run', '--json', SEED_FILE, other], { ...env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(result.code).toBe(0);
    const pages = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(pages).toEqual([
      expect.objectContaining({
        filename: '000_01a6cdf8dd098583.txt',
        outcome: 'dry-run',
        category: '国际',
        parsed: expect.objectContaining({ dateline: '日内瓦22日讯', featuredImage: expect.objectContaining({ credit: '俄罗斯外交部/路透社' }) }),
      }),
      expect.objectContaining({ filename: 'sports.txt', outcome: 'dry-run', parsed: expect.objectContaining({ headline: '女足绿茵场上再创佳绩' }) }),
    ]);
    expect(result.stderr).toContain('2 parsed (dry run)');
    expect(await countRows(db.url)).toEqual(before);
  });

  it('imports files as drafts, and exits 1 naming a file that is not a text page while importing the others', async () => {
    const binary = join(scratch, 'photo.txt');
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const page = join(scratch, 'court.txt');
    await writeFile(page, '法官驳回上诉\n\n(吉隆坡25日讯)联邦法院今日驳回上诉。\n');
    const before = await countRows(db.url);
    const result = await runCli([binary, page], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${binary}: failed: The file is a PNG image, not a text page.`);
    expect(result.stdout).toContain('court.txt: created "法官驳回上诉" (draft)');
    expect(await countRows(db.url)).toEqual({ ...before, articles: before.articles + 1, imports: before.imports + 1 });
  });

  it('exits 2 with the usage on bad arguments', async () => {
    const noFiles = await runCli([], env);
    expect(noFiles.code).toBe(2);
    expect(noFiles.stderr).toContain('usage: npm run import');
    expect(noFiles.stdout).toBe('');
    expect((await runCli(['--publish-everything', SEED_FILE], env)).code).toBe(2);
  });
});
