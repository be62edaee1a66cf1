import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalMediaStorage } from './local-media-storage.js';
import { readAll, StoredObjectMissingError } from './media-storage.js';
import { UnsafeStorageKeyError } from './storage-keys.js';

const id = '0b8f2c1e-8d4a-4c3e-9f53-2a7d4c1b9e10';

describe('LocalMediaStorage (real files)', () => {
  let dir: string;
  let store: LocalMediaStorage;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'masthead-store-'));
    store = new LocalMediaStorage(join(dir, 'media'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stores, reads back and deletes a buffer', async () => {
    const key = `renditions/${id}/abcdefabcdef/thumb.webp`;
    await store.put(key, Buffer.from('pixels'));
    expect((await readAll(store, key)).toString()).toBe('pixels');
    expect((await store.read(key)).bytes).toBe(6);
    await store.delete([key]);
    await expect(store.read(key)).rejects.toBeInstanceOf(StoredObjectMissingError);
  });

  it('moves an uploaded file into place', async () => {
    const incoming = join(dir, 'upload.tmp');
    await writeFile(incoming, 'original bytes');
    await store.putFile(`originals/${id}/abcdefabcdef`, incoming);
    expect(await readFile(join(dir, 'media', 'originals', id, 'abcdefabcdef'), 'utf8')).toBe('original bytes');
    await expect(readFile(incoming)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('removes the folders a deleted asset leaves empty, but keeps the top-level ones', async () => {
    const keys = [`originals/${id}/abcdefabcdef`, `renditions/${id}/abcdefabcdef/thumb.webp`, `renditions/${id}/abcdefabcdef/thumb.jpeg`];
    for (const k of keys) await store.put(k, Buffer.from('x'));
    await store.delete(keys);
    expect((await readdir(join(dir, 'media'))).sort()).toEqual(['originals', 'renditions']);
    expect(await readdir(join(dir, 'media', 'renditions'))).toEqual([]);
  });

  it('ignores keys that are already gone', async () => {
    await expect(store.delete([`originals/${id}/abcdefabcdef`])).resolves.toBeUndefined();
  });

  it('refuses keys that would escape the media folder', async () => {
    await writeFile(join(dir, 'secret'), 'do not read');
    await expect(store.read('../secret')).rejects.toBeInstanceOf(UnsafeStorageKeyError);
    await expect(store.read('originals/../../secret')).rejects.toBeInstanceOf(UnsafeStorageKeyError);
    await expect(store.put('/tmp/evil', Buffer.from('x'))).rejects.toBeInstanceOf(UnsafeStorageKeyError);
    await expect(store.delete(['originals/../../secret'])).rejects.toBeInstanceOf(UnsafeStorageKeyError);
    expect(await readFile(join(dir, 'secret'), 'utf8')).toBe('do not read');
  });

  it('lists the files under a prefix with their times, skipping leftovers that are not keys', async () => {
    await store.put(`renditions/${id}/abcdefabcdef/thumb.webp`, Buffer.from('a'));
    await store.put(`renditions/${id}/abcdefabcdef/large.jpeg`, Buffer.from('b'));
    await store.put(`originals/${id}/abcdefabcdef`, Buffer.from('c'));
    await writeFile(join(dir, 'media', 'renditions', id, 'abcdefabcdef', 'medium.webp.1234abcd.part'), 'half');
    const listed: Array<{ key: string; modifiedAt: Date }> = [];
    for await (const item of store.list('renditions/')) listed.push(item);
    expect(listed.map((i) => i.key).sort()).toEqual([`renditions/${id}/abcdefabcdef/large.jpeg`, `renditions/${id}/abcdefabcdef/thumb.webp`]);
    expect(listed[0].modifiedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    const none: unknown[] = [];
    for await (const item of new LocalMediaStorage(join(dir, 'nothing-here')).list('originals/')) none.push(item);
    expect(none).toEqual([]);
  });
});
