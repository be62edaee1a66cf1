// The audit log of identity events: who did what to which user or role, when, in which request.
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { createUser, type TestUser } from '../support/users.js';

interface Entry {
  id: string;
  at: string;
  actor: { id: string; email: string | null } | null;
  action: string;
  entity: string;
  entityId: string | null;
  summary: Record<string, unknown>;
  requestId: string | null;
}

describe('audit: GET /api/admin/audit', () => {
  let t: TestApp;
  let admin: TestUser;
  let createdUserId: string;
  let createRequestId: string;
  const read = async (query: Record<string, string | number>) =>
    (await request(t.http).get('/api/admin/audit').query(query).set('Authorization', admin.auth).expect(200)).body as {
      items: Entry[];
      nextCursor: string | null;
    };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t, ['admin']);
    const created = await request(t.http)
      .post('/api/admin/users')
      .set('Authorization', admin.auth)
      .set('x-request-id', 'audit-test-create-user')
      .send({ email: 'ong.siewlan@newsroom.test', displayName: '王秀兰', password: 'kopi-o kosong, no sugar', roles: ['contributor'] })
      .expect(201);
    createdUserId = created.body.id as string;
    createRequestId = created.headers['x-request-id'];
    await request(t.http)
      .patch(`/api/admin/users/${createdUserId}`)
      .set('Authorization', admin.auth)
      .send({ roles: ['author'], password: 'a brand new passphrase' })
      .expect(200);
    await request(t.http)
      .post('/api/admin/roles')
      .set('Authorization', admin.auth)
      .send({ name: 'photo-desk', permissions: ['media.upload', 'media.edit'] })
      .expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('records a user creation with actor, target, time and request id, without the password', async () => {
    const { items } = await read({ action: 'user.create', entityId: createdUserId });
    expect(items).toHaveLength(1);
    const entry = items[0];
    expect(entry).toMatchObject({
      actor: { id: admin.id, email: admin.email },
      entity: 'user',
      entityId: createdUserId,
      requestId: createRequestId,
      summary: { email: 'ong.siewlan@newsroom.test', displayName: '王秀兰', roles: ['contributor'] },
    });
    expect(createRequestId).toBe('audit-test-create-user');
    expect(Math.abs(Date.parse(entry.at) - Date.now())).toBeLessThan(10 * 60_000);
    expect(JSON.stringify(entry)).not.toMatch(/kopi|passwordHash/);
  });

  it('records what a user update changed, noting a password reset without the password', async () => {
    const { items } = await read({ action: 'user.update', entityId: createdUserId });
    expect(items[0].summary).toEqual({ roles: { from: ['contributor'], to: ['author'] }, passwordReset: true });
    expect(JSON.stringify(items)).not.toContain('brand new passphrase');
  });

  it('records role changes', async () => {
    const { items } = await read({ entity: 'role' });
    expect(items.map((e) => e.action)).toContain('role.create');
    expect(items.find((e) => e.action === 'role.create')!.summary).toEqual({ name: 'photo-desk', permissions: ['media.edit', 'media.upload'] });
  });

  it('filters by actor and lists newest first, page by page', async () => {
    const all = await read({ actorId: admin.id, limit: 100 });
    expect(all.items.length).toBeGreaterThanOrEqual(3);
    expect(all.items.every((e) => e.actor?.id === admin.id)).toBe(true);
    const ids = all.items.map((e) => BigInt(e.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(ids);

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Entry[]; nextCursor: string | null } = await read({ actorId: admin.id, limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.items.map((e) => e.id));
  });

  it('answers 422 to bad filters and limits', async () => {
    const bad = (query: Record<string, string | number>) =>
      request(t.http).get('/api/admin/audit').query(query).set('Authorization', admin.auth).expect(422);
    await bad({ limit: 101 });
    await bad({ limit: 0 });
    await bad({ actorId: 'someone' });
    await bad({ cursor: 'not-a-cursor' });
    await bad({ cursor: Buffer.from(JSON.stringify({ id: '1; DROP TABLE audit_entry' })).toString('base64url') });
    await bad({ verb: 'x' });
  });

  it('is closed to users without audit.read', async () => {
    const editor = await createUser(t, ['editor']);
    await request(t.http).get('/api/admin/audit').set('Authorization', editor.auth).expect(403);
  });
});
