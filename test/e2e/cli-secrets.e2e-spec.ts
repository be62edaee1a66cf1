// Only the server signs and checks access tokens, so only the server demands JWT_SECRET next to
// DATABASE_URL; the command-line tools (migrations here; import, seed and reindex in their own
// tests) run without it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createTestDatabase } from '../support/databases.js';

const run = promisify(execFile);

describe('JWT_SECRET with DATABASE_URL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  const env = () => ({ PATH: process.env.PATH ?? '', DATABASE_URL: db.url, LOG_LEVEL: 'silent', PORT: '0', DATA_DIR: '.data/test-files' });

  it('is not needed to run migrations', async () => {
    const { stderr } = await run(process.execPath, ['dist/src/cli/migration.js', 'run'], { env: env() });
    expect(stderr).toContain('no pending migrations');
  });

  it('is still required by the server, which says so and does not start', async () => {
    await expect(run(process.execPath, ['dist/src/main.js'], { env: env(), timeout: 60_000 })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/JWT_SECRET: is required when DATABASE_URL is set/),
    });
  });
});
