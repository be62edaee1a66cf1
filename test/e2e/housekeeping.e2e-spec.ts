// Housekeeping against PostgreSQL: refresh tokens long past expiry, ended login counters and orphaned
// media files are purged, everything still usable stays, and sweeps in several processes never
// repeat or block each other.
import { randomUUID } from 'node:crypto';
import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { hashRefreshToken } from '../../src/auth/refresh-token.js';
import { HOUSEKEEPING_LOCK } from '../../src/housekeeping/housekeeping.repository.js';
import { LOGIN_ATTEMPT_MARGIN_SECONDS } from '../../src/auth/auth-retention.service.js';
import { HousekeepingService, PURGE_BATCH_SIZE } from '../../src/housekeeping/housekeeping.service.js';
import { filesUnder, makeTempDir } from '../fixtures/media/images.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { eventually, startAppOn } from '../support/shared-db.js';
import { createUser, login, type Session, type TestUser } from '../support/users.js';

const WINDOW_SECONDS = 900;

describe('housekeeping', () => {
  let t: TestApp;
  let housekeeping: HousekeepingService;
  let editor: TestUser;
  let mediaDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    mediaDir = await makeTempDir('masthead-housekeeping-');
    env = { LOGIN_WINDOW_SECONDS: String(WINDOW_SECONDS), MEDIA_DIR: mediaDir, MEDIA_ORPHAN_SWEEP: 'all' };
    t = await createTestApp(env);
    housekeeping = t.app.get(HousekeepingService);
    editor = await createUser(t, ['editor']);
  });
  afterAll(async () => {
    await t.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  const refresh = (refreshToken: string) => request(t.http).post('/api/auth/refresh').send({ refreshToken });

  const familyOf = async (token: string): Promise<string> => {
    const rows = await t.dataSource.query<Array<{ family_id: string }>>('SELECT family_id FROM refresh_token WHERE token_hash = $1', [
      hashRefreshToken(token),
    ]);
    return rows[0].family_id;
  };

  const tokensInFamily = async (familyId: string): Promise<number> => {
    const rows = await t.dataSource.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM refresh_token WHERE family_id = $1', [familyId]);
    return rows[0].n;
  };

  const expireFamily = (familyId: string, agoDays: number) =>
    t.dataSource.query(`UPDATE refresh_token SET expires_at = now() - make_interval(days => $2) WHERE family_id = $1`, [familyId, agoDays]);

  /** Expired refresh tokens written straight into the table, for volumes the API would take minutes to make. */
  const insertExpiredTokens = (count: number) =>
    t.dataSource.query(
      `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at, revoked_at)
       SELECT $1, gen_random_uuid(), md5(random()::text || i), now() - interval '30 days', now() - interval '60 days'
       FROM generate_series(1, $2) AS i`,
      [editor.id, count],
    );

  const expiredTokensLeft = async (): Promise<number> => {
    const rows = await t.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM refresh_token WHERE expires_at < now() - interval '7 days'`,
    );
    return rows[0].n;
  };

  it('purges refresh tokens a week past expiry and keeps every token still within reach', async () => {
    // A session refreshed once, then left: both of its tokens expired 8 days ago.
    const abandoned = await login(t, editor.email, editor.password);
    const abandonedNext = ((await refresh(abandoned.refreshToken).expect(200)).body as Session).refreshToken;
    const abandonedFamily = await familyOf(abandoned.refreshToken);
    await expireFamily(abandonedFamily, 8);
    // Expired yesterday: kept, so presenting it still counts as reuse for a week.
    const lapsed = await login(t, editor.email, editor.password);
    const lapsedFamily = await familyOf(lapsed.refreshToken);
    await expireFamily(lapsedFamily, 1);
    // A live session whose first token was rotated (revoked, not expired): both kept.
    const live = await login(t, editor.email, editor.password);
    const liveNext = ((await refresh(live.refreshToken).expect(200)).body as Session).refreshToken;
    const liveFamily = await familyOf(live.refreshToken);

    expect((await housekeeping.sweep()).refreshTokens).toBe(2);

    expect(await tokensInFamily(abandonedFamily)).toBe(0);
    expect(await tokensInFamily(lapsedFamily)).toBe(1);
    expect(await tokensInFamily(liveFamily)).toBe(2);
    expect((await housekeeping.sweep()).refreshTokens).toBe(0);

    // Purged tokens, rotated or not, are unknown tokens now: 401 problem+json, never a 500.
    for (const purged of [abandoned.refreshToken, abandonedNext]) {
      const res = await refresh(purged).expect(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 401 });
    }
    await request(t.http).post('/api/auth/logout').send({ refreshToken: abandonedNext }).expect(204);

    // The live session still refreshes, and reuse detection still works within its family.
    const liveLatest = ((await refresh(liveNext).expect(200)).body as Session).refreshToken;
    await refresh(live.refreshToken).expect(401);
    await refresh(liveLatest).expect(401);
  });

  it('purges login counters whose window ended over an hour ago, and no others', async () => {
    const fail = (email: string) => request(t.http).post('/api/auth/login').send({ email, password: 'not the password at all' }).expect(401);
    await fail('long-ago@newsroom.test');
    await fail('just-ended@newsroom.test');
    await fail('current@newsroom.test');
    const age = (email: string, seconds: number) =>
      t.dataSource.query(`UPDATE login_attempt SET window_started_at = now() - make_interval(secs => $2) WHERE key = $1`, [
        `account:${email}`,
        seconds,
      ]);
    await age('long-ago@newsroom.test', WINDOW_SECONDS + LOGIN_ATTEMPT_MARGIN_SECONDS + 60);
    await age('just-ended@newsroom.test', WINDOW_SECONDS + 60);

    expect((await housekeeping.sweep()).loginAttempts).toBe(1);

    const keys = (await t.dataSource.query<Array<{ key: string }>>('SELECT key FROM login_attempt ORDER BY key')).map((r) => r.key);
    expect(keys).not.toContain('account:long-ago@newsroom.test');
    expect(keys).toEqual(expect.arrayContaining(['account:just-ended@newsroom.test', 'account:current@newsroom.test']));
    expect(keys.some((k) => k.startsWith('ip:'))).toBe(true);
  });

  it('works off a backlog larger than one batch in a single sweep', async () => {
    // Logged in first: a successful login clears ended login windows itself.
    const session = await login(t, editor.email, editor.password);
    const backlog = PURGE_BATCH_SIZE * 2 + 345;
    await insertExpiredTokens(backlog);
    await t.dataSource.query(
      `INSERT INTO login_attempt (key, failures, window_started_at)
       SELECT 'ip:192.0.2.' || i, 3, now() - interval '1 day' FROM generate_series(1, $1) AS i`,
      [PURGE_BATCH_SIZE + 1],
    );

    expect(await housekeeping.sweep()).toEqual({ refreshTokens: backlog, loginAttempts: PURGE_BATCH_SIZE + 1, webhookDeliveries: 0, mediaFiles: 0 });
    expect(await expiredTokensLeft()).toBe(0);
    await refresh(session.refreshToken).expect(200);
  });

  it('does nothing while another process holds the housekeeping lock', async () => {
    await insertExpiredTokens(10);
    const other = t.dataSource.createQueryRunner();
    await other.connect();
    try {
      await other.startTransaction();
      await other.query('SELECT pg_advisory_xact_lock($1)', [HOUSEKEEPING_LOCK]);
      expect(await housekeeping.sweep()).toEqual({ refreshTokens: 0, loginAttempts: 0, webhookDeliveries: 0, mediaFiles: 0 });
      expect(await expiredTokensLeft()).toBe(10);
      await other.commitTransaction();
    } finally {
      await other.release();
    }
    expect((await housekeeping.sweep()).refreshTokens).toBe(10);
  });

  it('splits the work of two processes sweeping at once: every row deleted once, neither waits forever', async () => {
    const second = await startAppOn(t.config.databaseUrl, env);
    try {
      const backlog = PURGE_BATCH_SIZE * 3 + 10;
      await insertExpiredTokens(backlog);
      const results = await Promise.all([housekeeping.sweep(), second.app.get(HousekeepingService).sweep()]);
      expect(results[0].refreshTokens + results[1].refreshTokens).toBe(backlog);
      expect(await expiredTokensLeft()).toBe(0);
    } finally {
      await second.close();
    }
  });

  it('sweeps by itself every HOUSEKEEPING_INTERVAL_MS', async () => {
    const timed = await startAppOn(t.config.databaseUrl, { ...env, HOUSEKEEPING_INTERVAL_MS: '1000' });
    try {
      await insertExpiredTokens(5);
      await eventually(async () => ((await expiredTokensLeft()) === 0 ? true : undefined), 10_000);
    } finally {
      await timed.close();
    }
  });

  it('removes media files no asset refers to once they are an hour old', async () => {
    const old = `originals/${randomUUID()}/0123456789ab`;
    const recent = `originals/${randomUUID()}/ba9876543210`;
    for (const [key, ageMs] of [[old, 2 * 3_600_000], [recent, 60_000]] as const) {
      await mkdir(join(mediaDir, key, '..'), { recursive: true });
      await writeFile(join(mediaDir, key), 'orphan');
      const at = new Date(Date.now() - ageMs);
      await utimes(join(mediaDir, key), at, at);
    }
    expect((await housekeeping.sweep()).mediaFiles).toBe(1);
    expect(await filesUnder(mediaDir)).toEqual([recent]);
  });
});
