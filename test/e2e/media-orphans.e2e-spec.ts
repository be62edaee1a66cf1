// Files left behind by a crash between a file write and its commit (or between a commit and the
// removal of replaced files) are swept once they are old enough; files of assets are never touched,
// and files of photos the database does not know only with MEDIA_ORPHAN_SWEEP=all.
import { randomUUID } from 'node:crypto';
import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import request from 'supertest';
import { MediaOrphanSweeper } from '../../src/media/media-orphans.service.js';
import { filesUnder, makeTempDir, photo } from '../fixtures/media/images.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { createUser, type TestUser } from '../support/users.js';

describe('media: orphaned files (MEDIA_ORPHAN_SWEEP=all)', () => {
  let t: TestApp;
  let mediaDir: string;
  let editor: TestUser;

  beforeAll(async () => {
    mediaDir = await makeTempDir('masthead-media-orphans-');
    t = await createTestApp({ MEDIA_DIR: mediaDir, MEDIA_ORPHAN_SWEEP: 'all' });
    editor = await createUser(t, ['editor']);
  });

  afterAll(async () => {
    await t.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  const plant = async (key: string, ageMs: number) => {
    const path = join(mediaDir, key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, 'left over');
    const at = new Date(Date.now() - ageMs);
    await utimes(path, at, at);
    return key;
  };
  const twoHours = 2 * 60 * 60 * 1000;

  it('deletes old files no asset refers to, keeps recent ones and every file of a live asset', async () => {
    const uploaded = await request(t.http)
      .post('/api/admin/media')
      .set('Authorization', editor.auth)
      .attach('file', await photo(400, 300), { filename: 'scene.jpg', contentType: 'image/jpeg' })
      .expect(201);
    const assetId = uploaded.body.id as string;
    const liveFiles = await filesUnder(mediaDir);
    expect(liveFiles.length).toBeGreaterThanOrEqual(7);
    // Age the asset's own files too: age alone must never get a referenced file deleted.
    for (const file of liveFiles) {
      const at = new Date(Date.now() - twoHours);
      await utimes(join(mediaDir, file), at, at);
    }

    const replacedSet = await plant(`renditions/${assetId}/0123456789ab/thumb.webp`, twoHours);
    const deletedAsset = await plant(`originals/${randomUUID()}/0123456789ab`, twoHours);
    const fresh = await plant(`originals/${randomUUID()}/ba9876543210`, 60_000);
    const notOurs = await plant('renditions/README/notes.txt', twoHours);

    const result = await t.app.get(MediaOrphanSweeper).sweep();
    expect(result.deleted).toBe(2);

    const left = await filesUnder(mediaDir);
    expect(left).not.toContain(replacedSet);
    expect(left).not.toContain(deletedAsset);
    expect(left).toEqual(expect.arrayContaining([...liveFiles, fresh, notOurs]));
    // The asset still serves its files.
    const original = await request(t.http).get(`/api/admin/media/${assetId}/file`).set('Authorization', editor.auth);
    expect(original.status).toBe(200);
  });

  it('sweeps nothing twice', async () => {
    expect((await t.app.get(MediaOrphanSweeper).sweep()).deleted).toBe(0);
  });
});

describe('media: orphaned files by default (MEDIA_ORPHAN_SWEEP=owned)', () => {
  it("deletes replaced files of this database's photos but never files of photos it does not know", async () => {
    const mediaDir = await makeTempDir('masthead-media-owned-');
    const t = await createTestApp({ MEDIA_DIR: mediaDir });
    try {
      const editor = await createUser(t, ['editor']);
      const uploaded = await request(t.http)
        .post('/api/admin/media')
        .set('Authorization', editor.auth)
        .attach('file', await photo(320, 240), { filename: 'scene.jpg', contentType: 'image/jpeg' })
        .expect(201);
      const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
      const plantOld = async (key: string) => {
        await mkdir(dirname(join(mediaDir, key)), { recursive: true });
        await writeFile(join(mediaDir, key), 'left over');
        await utimes(join(mediaDir, key), old, old);
        return key;
      };
      const replaced = await plantOld(`originals/${uploaded.body.id as string}/0123456789ab`);
      const someoneElses = await plantOld(`originals/${randomUUID()}/0123456789ab`);

      expect((await t.app.get(MediaOrphanSweeper).sweep()).deleted).toBe(1);
      const left = await filesUnder(mediaDir);
      expect(left).not.toContain(replaced);
      expect(left).toContain(someoneElses);
    } finally {
      await t.close();
      await rm(mediaDir, { recursive: true, force: true });
    }
  });
});
