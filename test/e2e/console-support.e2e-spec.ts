// What the editors' console needs from the API beyond the stories, photos and users routes: story
// counts for the desk, the people a story can credit, the newsroom's time zone, the sections a writer
// files under, the audit log by date, and a photo's embedded caption and credit read before saving.
import { rm } from 'node:fs/promises';
import request from 'supertest';
import { MediaAsset } from '../../src/media/media-asset.entity.js';
import { filesUnder, makeTempDir, photo, withMetadata } from '../fixtures/media/images.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { actOk, createCategory, createStory } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';

describe('console support routes', () => {
  let t: TestApp;
  let mediaDir: string;
  let editor: TestUser;
  let writer: TestUser;
  let otherWriter: TestUser;
  let admin: TestUser;
  let world: { id: string };
  let sport: { id: string };

  beforeAll(async () => {
    mediaDir = await makeTempDir('masthead-console-support-');
    t = await createTestApp({ NEWSROOM_TIME_ZONE: 'Asia/Taipei', MEDIA_DIR: mediaDir });
    admin = await createUser(t, ['admin'], { displayName: '管理员' });
    editor = await createUser(t, ['editor'], { displayName: '林美玲' });
    writer = await createUser(t, ['contributor'], { displayName: '陈兆良' });
    otherWriter = await createUser(t, ['author'], { displayName: 'Jane Doe' });
    await createUser(t, ['contributor'], { displayName: '陈退休', active: false });
    await createUser(t, [], { displayName: '陈无角色' });
    world = await createCategory(t, editor, { name: '国际' });
    sport = await createCategory(t, editor, { name: '体育' });
  });
  afterAll(async () => {
    await t.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  describe('GET /api/admin/desk/counts', () => {
    beforeAll(async () => {
      const mine = await createStory(t, writer, { categoryId: world.id });
      await actOk(t, writer, mine, 'submit');
      await createStory(t, writer, { categoryId: sport.id });
      const theirs = await createStory(t, otherWriter, { categoryId: world.id });
      await actOk(t, otherWriter, theirs, 'publish');
      const gone = await createStory(t, editor, { categoryId: world.id });
      await request(t.http).delete(`/api/admin/articles/${gone.id}`).set('Authorization', editor.auth).expect(204);
    });

    const counts = (user: TestUser, query: Record<string, string> = {}) =>
      request(t.http).get('/api/admin/desk/counts').query(query).set('Authorization', user.auth);

    it('counts every story in each state for an editor, leaving deleted ones out', async () => {
      const res = await counts(editor).expect(200);
      expect(res.body).toEqual({ counts: { draft: 1, in_review: 1, scheduled: 0, published: 1, unpublished: 0, archived: 0 }, total: 3 });
    });

    it('counts only the stories a writer may open, as the story list shows them', async () => {
      const res = await counts(writer).expect(200);
      expect(res.body).toEqual({ counts: { draft: 1, in_review: 1, scheduled: 0, published: 0, unpublished: 0, archived: 0 }, total: 2 });
      const list = await request(t.http).get('/api/admin/articles').set('Authorization', writer.auth).expect(200);
      expect(list.body.items).toHaveLength(res.body.total);
    });

    it('filters by section and by author like the story list', async () => {
      expect((await counts(editor, { categoryId: world.id }).expect(200)).body.total).toBe(2);
      expect((await counts(editor, { authorId: otherWriter.id }).expect(200)).body.counts).toMatchObject({ published: 1, draft: 0 });
      const bad = await counts(editor, { categoryId: 'world' }).expect(422);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'categoryId' })]);
    });
  });

  describe('GET /api/admin/desk/people', () => {
    it('lists the active staff who write stories, by name, without their emails', async () => {
      const res = await request(t.http).get('/api/admin/desk/people').set('Authorization', writer.auth).expect(200);
      const names = (res.body.items as Array<{ displayName: string }>).map((p) => p.displayName);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : 1)));
      expect(names).toEqual(expect.arrayContaining(['陈兆良', 'Jane Doe', '林美玲', '管理员']));
      expect(names).not.toContain('陈退休'); // deactivated
      expect(names).not.toContain('陈无角色'); // cannot write
      expect(Object.keys(res.body.items[0] as object).sort()).toEqual(['displayName', 'id']);
      expect(res.body.nextCursor).toBeNull();
    });

    it('narrows by part of the name', async () => {
      const res = await request(t.http).get('/api/admin/desk/people').query({ q: '陈' }).set('Authorization', editor.auth).expect(200);
      expect(res.body.items).toEqual([{ id: writer.id, displayName: '陈兆良' }]);
      const none = await request(t.http).get('/api/admin/desk/people').query({ q: '%' }).set('Authorization', editor.auth).expect(200);
      expect(none.body.items).toEqual([]);
    });
  });

  it('GET /api/admin/newsroom gives any member of staff the time zone the newsroom works in', async () => {
    const res = await request(t.http).get('/api/admin/newsroom').set('Authorization', writer.auth).expect(200);
    expect(res.body).toEqual({ timeZone: 'Asia/Taipei', requirePhotoCredit: true });
    await request(t.http).get('/api/admin/newsroom').expect(401);
    await request(t.http)
      .get('/api/admin/newsroom')
      .set('Authorization', (await createUser(t, [])).auth)
      .expect(403);
  });

  it('GET /api/admin/categories lets a writer see the sections to file under, but not change them', async () => {
    const res = await request(t.http).get('/api/admin/categories').set('Authorization', writer.auth).expect(200);
    expect((res.body.items as Array<{ name: string }>).map((c) => c.name).sort()).toEqual(['体育', '国际']);
    await request(t.http).post('/api/admin/categories').set('Authorization', writer.auth).send({ name: '财经' }).expect(403);
    const nobody = await createUser(t, []);
    await request(t.http).get('/api/admin/categories').set('Authorization', nobody.auth).expect(403);
  });

  describe('GET /api/admin/audit with from and to', () => {
    it('keeps the entries in the time window (from inclusive, to exclusive)', async () => {
      const rows: Array<{ at: Date }> = await t.dataSource.query(`SELECT at FROM audit_entry ORDER BY id`);
      expect(rows.length).toBeGreaterThan(3);
      // Move three entries to known days, so the window is exact.
      await t.dataSource.query(
        `UPDATE audit_entry SET at = d.at FROM (VALUES
           ((SELECT min(id) FROM audit_entry), timestamptz '2026-11-30T23:59:59+08:00'),
           ((SELECT min(id) + 1 FROM audit_entry), timestamptz '2026-12-01T00:00:00+08:00'),
           ((SELECT min(id) + 2 FROM audit_entry), timestamptz '2026-12-01T23:59:59+08:00')) AS d(id, at)
         WHERE audit_entry.id = d.id`,
      );
      const res = await request(t.http)
        .get('/api/admin/audit')
        .query({ from: '2026-12-01T00:00:00+08:00', to: '2026-12-02T00:00:00+08:00' })
        .set('Authorization', admin.auth)
        .expect(200);
      expect((res.body.items as Array<{ at: string }>).map((e) => e.at)).toEqual(['2026-12-01T15:59:59.000Z', '2026-11-30T16:00:00.000Z']);
      const before = await request(t.http)
        .get('/api/admin/audit')
        .query({ to: '2026-12-01T00:00:00+08:00' })
        .set('Authorization', admin.auth)
        .expect(200);
      expect((before.body.items as Array<{ at: string }>).map((e) => e.at)).toEqual(['2026-11-30T15:59:59.000Z']);
    });

    it('answers 422 for a date that is not ISO 8601', async () => {
      const res = await request(t.http).get('/api/admin/audit').query({ from: 'yesterday' }).set('Authorization', admin.auth).expect(422);
      expect(res.body.errors).toEqual([{ field: 'from', message: 'from must be an ISO 8601 date-time' }]);
    });
  });

  describe('POST /api/admin/media/metadata', () => {
    it('reads the caption and credit a JPEG carries, and stores nothing', async () => {
      const file = await withMetadata(await photo(400, 300), 'jpeg', [
        '-IPTC:CodedCharacterSet=UTF8',
        '-IPTC:Caption-Abstract=布林肯(左)与拉夫罗夫在日内瓦会面。',
        '-IPTC:Credit=路透社',
        '-IPTC:By-line=陈摄影',
      ]);
      const before = await t.dataSource.getRepository(MediaAsset).count();
      const res = await request(t.http)
        .post('/api/admin/media/metadata')
        .set('Authorization', writer.auth)
        .attach('file', file, { filename: 'geneva.jpg', contentType: 'image/jpeg' })
        .expect(200);
      expect(res.body).toMatchObject({
        mime: 'image/jpeg',
        width: 400,
        height: 300,
        caption: '布林肯(左)与拉夫罗夫在日内瓦会面。',
        credit: '路透社',
        creator: '陈摄影',
      });
      expect(await t.dataSource.getRepository(MediaAsset).count()).toBe(before);
      expect(await filesUnder(mediaDir)).toEqual([]);
    });

    it('refuses a file that is not a photo (415) and a request without one (422)', async () => {
      await request(t.http)
        .post('/api/admin/media/metadata')
        .set('Authorization', writer.auth)
        .attach('file', Buffer.from('not a photo at all'), { filename: 'notes.jpg', contentType: 'image/jpeg' })
        .expect(415);
      await request(t.http).post('/api/admin/media/metadata').set('Authorization', writer.auth).field('caption', 'x').expect(422);
      expect(await filesUnder(mediaDir)).toEqual([]);
    });
  });
});
