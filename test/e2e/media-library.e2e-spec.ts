// The photo library: search and pages, edits under If-Match, focal-point thumbs, deletion, and
// placeholders that get their file later.
import { rm } from 'node:fs/promises';
import request from 'supertest';
import { AuditEntry } from '../../src/audit/audit-entry.entity.js';
import { MediaLookupService } from '../../src/media/media-lookup.service.js';
import { averageColour, filesUnder, makeTempDir, photo, withMetadata } from '../fixtures/media/images.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { createUser, type TestUser } from '../support/users.js';

interface Asset {
  id: string;
  version: number;
  status: string;
  caption: string | null;
  credit: string | null;
  renditions: Array<{ name: string; format: string; url: string; previewUrl: string }>;
}

const binary = (res: request.Response, callback: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('media: the photo library', () => {
  let t: TestApp;
  let mediaDir: string;
  let editor: TestUser;
  let contributor: TestUser;

  beforeAll(async () => {
    mediaDir = await makeTempDir('masthead-media-library-');
    t = await createTestApp({ MEDIA_DIR: mediaDir });
    editor = await createUser(t, ['editor']);
    contributor = await createUser(t, ['contributor']);
  });
  afterAll(async () => {
    await t.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  const upload = async (fields: Record<string, string>, image?: Buffer, format = 'jpg'): Promise<Asset> => {
    let req = request(t.http)
      .post('/api/admin/media')
      .set('Authorization', editor.auth)
      .attach('file', image ?? (await photo(400, 300)), `p.${format}`);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return (await req.expect(201)).body as Asset;
  };
  const placeholder = (caption: string, credit: string | null) =>
    t.dataSource.transaction((m) => t.app.get(MediaLookupService).createPlaceholder({ caption, credit }, null, m));
  const get = (id: string, user = editor) => request(t.http).get(`/api/admin/media/${id}`).set('Authorization', user.auth);
  const patch = (id: string, body: object, ifMatch?: string) => {
    const req = request(t.http).patch(`/api/admin/media/${id}`).set('Authorization', editor.auth);
    return (ifMatch ? req.set('If-Match', ifMatch) : req).send(body);
  };

  describe('search and pages', () => {
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      ids.reuters = (await upload({ caption: '布林肯与拉夫罗夫在日内瓦会谈', credit: '俄罗斯外交部/路透社' })).id;
      ids.afp = (await upload({ caption: '吉隆坡双子塔夜景', credit: '法新社', creator: '李摄影' }, await photo(300, 200, 'png'), 'png')).id;
      ids.star = (await upload({ caption: 'Kuala Lumpur skyline', credit: 'The Star', title: '双子塔' })).id;
      ids.placeholder = (await placeholder('拉夫罗夫抵达日内瓦', '路透社')).id;
    });
    const list = (query: Record<string, string | number>) =>
      request(t.http).get('/api/admin/media').query(query).set('Authorization', contributor.auth).expect(200);
    const idsOf = (body: { items: Asset[] }) => body.items.map((a) => a.id);

    it('finds Chinese substrings of two characters in captions and credits', async () => {
      expect(idsOf((await list({ q: '路透' })).body).sort()).toEqual([ids.reuters, ids.placeholder].sort());
      expect(idsOf((await list({ q: '日内瓦' })).body).sort()).toEqual([ids.reuters, ids.placeholder].sort());
    });

    it('searches creator and title too, and ignores case', async () => {
      expect(idsOf((await list({ q: '李摄影' })).body)).toEqual([ids.afp]);
      expect(idsOf((await list({ q: '双子塔' })).body).sort()).toEqual([ids.afp, ids.star].sort());
      expect(idsOf((await list({ q: 'kuala LUMPUR' })).body)).toEqual([ids.star]);
    });

    it('treats LIKE wildcards in the query as plain text', async () => {
      expect((await list({ q: '%' })).body.items).toEqual([]);
      expect((await list({ q: '_' })).body.items).toEqual([]);
    });

    it('filters by status and by type', async () => {
      expect(idsOf((await list({ status: 'placeholder' })).body)).toEqual([ids.placeholder]);
      expect(idsOf((await list({ mime: 'image/png' })).body)).toEqual([ids.afp]);
    });

    it('pages newest first with a cursor, every photo exactly once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: request.Response = await list({ limit: 2, ...(cursor ? { cursor } : {}) });
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...idsOf(page.body));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([ids.placeholder, ids.star, ids.afp, ids.reuters]);
    });

    it('answers 422 to a bad cursor or limit', async () => {
      await request(t.http).get('/api/admin/media').query({ cursor: 'not-ours' }).set('Authorization', editor.auth).expect(422);
      await request(t.http).get('/api/admin/media').query({ limit: 1000 }).set('Authorization', editor.auth).expect(422);
      await request(t.http).get('/api/admin/media').query({ status: 'deleted' }).set('Authorization', editor.auth).expect(422);
    });
  });

  describe('editing', () => {
    it('needs If-Match, refuses a stale one, and bumps the version', async () => {
      const asset = await upload({ caption: '原图说', credit: '路透社' });
      const shown = await get(asset.id).expect(200);
      expect(shown.headers.etag).toBe('"1"');
      await patch(asset.id, { caption: '新图说' }).expect(428);
      const edited = await patch(asset.id, { caption: '新图说', altText: '两人握手', credit: null }, '"1"').expect(200);
      expect(edited.body).toMatchObject({ caption: '新图说', altText: '两人握手', credit: null, version: 2 });
      expect(edited.headers.etag).toBe('"2"');
      const stale = await patch(asset.id, { caption: '覆盖' }, '"1"').expect(412);
      expect(stale.body).toMatchObject({ currentVersion: 2 });
      expect((await get(asset.id)).body.caption).toBe('新图说');
      const entry = await t.dataSource.getRepository(AuditEntry).findOneByOrFail({ action: 'media.edit', entityId: asset.id });
      expect(entry.summary).toEqual({
        before: { caption: '原图说', credit: '路透社', altText: null },
        after: { caption: '新图说', credit: null, altText: '两人握手' },
      });
    });

    it('rejects unknown and server-owned fields and out-of-range focal points', async () => {
      const asset = await upload({});
      const res = await patch(asset.id, { status: 'placeholder', sha256: 'x', focalPoint: { x: 1.5, y: 0.5 } }, '"1"').expect(422);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['focalPoint.x', 'sha256', 'status']);
    });

    it('lets contributors upload and browse but not edit or delete', async () => {
      const asset = await upload({});
      await get(asset.id, contributor).expect(200);
      await request(t.http)
        .patch(`/api/admin/media/${asset.id}`)
        .set('Authorization', contributor.auth)
        .set('If-Match', '"1"')
        .send({ caption: 'x' })
        .expect(403);
      await request(t.http).delete(`/api/admin/media/${asset.id}`).set('Authorization', contributor.auth).expect(403);
    });

    it('re-crops the square thumb around a new focal point and removes the old thumb files', async () => {
      // Red left half, blue right half: the focal point decides which the square thumb shows.
      const asset = await upload({}, await photo(1600, 800));
      const thumb = async () => {
        const res = await request(t.http)
          .get(`/api/admin/media/${asset.id}/renditions/thumb.jpeg`)
          .set('Authorization', editor.auth)
          .buffer(true)
          .parse(binary)
          .expect(200);
        return averageColour(res.body as Buffer);
      };
      const centred = await thumb();
      expect(Math.abs(centred.r - centred.b)).toBeLessThan(40);
      const filesBefore = await filesUnder(mediaDir);
      await patch(asset.id, { focalPoint: { x: 0.05, y: 0.5 } }, '"1"').expect(200);
      const left = await thumb();
      expect(left.r).toBeGreaterThan(150);
      expect(left.b).toBeLessThan(80);
      const right = await patch(asset.id, { focalPoint: { x: 0.95, y: 0.5 } }, '"2"').expect(200);
      expect(right.body.focalPoint).toEqual({ x: 0.95, y: 0.5 });
      expect((await thumb()).b).toBeGreaterThan(150);
      const filesAfter = await filesUnder(mediaDir);
      expect(filesAfter.length).toBe(filesBefore.length);
      expect(filesAfter.filter((f) => f.includes(asset.id) && f.endsWith('thumb.jpeg'))).toHaveLength(1);
    });
  });

  describe('deleting', () => {
    it('deletes an unused photo with its files and records it', async () => {
      const asset = await upload({ caption: '待删' });
      expect((await filesUnder(mediaDir)).filter((f) => f.includes(asset.id))).toHaveLength(7);
      await request(t.http).delete(`/api/admin/media/${asset.id}`).set('Authorization', editor.auth).expect(204);
      await get(asset.id).expect(404);
      expect((await filesUnder(mediaDir)).filter((f) => f.includes(asset.id))).toEqual([]);
      await t.dataSource.getRepository(AuditEntry).findOneByOrFail({ action: 'media.delete', entityId: asset.id });
      await request(t.http).delete(`/api/admin/media/${asset.id}`).set('Authorization', editor.auth).expect(404);
    });

    it('refuses a stale If-Match on delete', async () => {
      const asset = await upload({});
      await request(t.http).delete(`/api/admin/media/${asset.id}`).set('Authorization', editor.auth).set('If-Match', '"7"').expect(412);
      await get(asset.id).expect(200);
    });

    it('answers 404 for ids that are not ids', async () => {
      await get('not-a-uuid').expect(404);
      await request(t.http).get('/api/admin/media/../../etc/passwd/file').set('Authorization', editor.auth).expect(404);
    });
  });

  describe('placeholders', () => {
    it('keeps the placeholder’s words over the file’s, and takes the rest from the file', async () => {
      const held = await placeholder('布林肯(左)与拉夫罗夫握手', '俄罗斯外交部');
      const shown = await get(held.id).expect(200);
      expect(shown.body).toMatchObject({ status: 'placeholder', renditions: [], fileUrl: null, mime: null });
      await request(t.http).get(`/api/admin/media/${held.id}/file`).set('Authorization', editor.auth).expect(404);
      const file = await withMetadata(await photo(800, 600), 'jpeg', [
        '-IPTC:CodedCharacterSet=UTF8',
        '-IPTC:Caption-Abstract=文件里的图说',
        '-IPTC:Credit=路透社',
        '-IPTC:By-line=陈摄影',
      ]);
      const filled = await request(t.http)
        .put(`/api/admin/media/${held.id}/file`)
        .set('Authorization', editor.auth)
        .attach('file', file, 'later.jpg')
        .expect(200);
      expect(filled.body).toMatchObject({
        id: held.id,
        status: 'ready',
        caption: '布林肯(左)与拉夫罗夫握手',
        credit: '俄罗斯外交部',
        creator: '陈摄影',
        width: 800,
        height: 600,
        version: 2,
      });
      expect(filled.body.renditions).toHaveLength(6);
      await request(t.http).get(`/api/admin/media/${held.id}/renditions/medium.webp`).set('Authorization', editor.auth).expect(200);
      await t.dataSource.getRepository(AuditEntry).findOneByOrFail({ action: 'media.file_upload', entityId: held.id });
    });

    it('refuses a second file (409) and a spoofed one (415), leaving the asset as it was', async () => {
      const held = await placeholder('占位', '路透社');
      const put = (file: Buffer, name: string) =>
        request(t.http).put(`/api/admin/media/${held.id}/file`).set('Authorization', editor.auth).attach('file', file, name);
      await put(Buffer.from('not an image at all, just words'), 'photo.jpg').expect(415);
      expect((await get(held.id)).body).toMatchObject({ status: 'placeholder', version: 1 });
      await put(await photo(300, 200), 'a.jpg').expect(200);
      const again = await put(await photo(300, 200), 'b.jpg').expect(409);
      expect(again.body.type).toBe('/problems/media-has-file');
      expect((await filesUnder(mediaDir)).filter((f) => f.includes(held.id))).toHaveLength(7);
    });

    it('honours If-Match when given', async () => {
      const held = await placeholder('占位', null);
      await request(t.http)
        .put(`/api/admin/media/${held.id}/file`)
        .set('Authorization', editor.auth)
        .set('If-Match', '"5"')
        .attach('file', await photo(300, 200), 'a.jpg')
        .expect(412);
    });
  });
});
