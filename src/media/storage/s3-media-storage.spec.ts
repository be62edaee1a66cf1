// The S3 store against s3rver, a local server speaking the S3 REST protocol (path-style, SigV4),
// so the real SDK requests are exercised without a network. AWS itself is not contacted.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { readAll, StoredObjectMissingError } from './media-storage.js';
import { s3ClientConfig, S3MediaStorage } from './s3-media-storage.js';
import { UnsafeStorageKeyError } from './storage-keys.js';

const id = '0b8f2c1e-8d4a-4c3e-9f53-2a7d4c1b9e10';
const settings = { bucket: 'photos', endpoint: null, region: 'ap-southeast-1', accessKeyId: null, secretAccessKey: null, forcePathStyle: false };

describe('S3 client settings', () => {
  it('uses the default AWS endpoint, checksums and credential chain when none are configured', () => {
    expect(s3ClientConfig(settings)).toEqual({ region: 'ap-southeast-1', forcePathStyle: false });
  });

  it('points at an S3-compatible server with path-style addressing, static credentials and required checksums only', () => {
    expect(
      s3ClientConfig({ ...settings, endpoint: 'http://127.0.0.1:9000', forcePathStyle: true, accessKeyId: 'key', secretAccessKey: 'secret' }),
    ).toEqual({
      region: 'ap-southeast-1',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
    });
  });

  it('ignores half-configured credentials rather than sending an empty secret', () => {
    expect(s3ClientConfig({ ...settings, accessKeyId: 'key' })).not.toHaveProperty('credentials');
  });

  it('refuses to start without a bucket', async () => {
    await expect(S3MediaStorage.create({ ...settings, bucket: null })).rejects.toThrow('S3_BUCKET');
  });
});

describe('S3MediaStorage against a local S3-compatible server', () => {
  let dir: string;
  let server: S3rver;
  let store: S3MediaStorage;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'masthead-s3-'));
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: join(dir, 's3'),
      configureBuckets: [{ name: 'photos', configs: [] }],
    });
    const { port } = await server.run();
    store = await S3MediaStorage.create({
      ...settings,
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
    });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores an original from disk byte for byte, and renditions from memory', async () => {
    const original = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
    const path = join(dir, 'upload.tmp');
    await writeFile(path, original);
    await store.putFile(`originals/${id}/abcdefabcdef`, path, 'image/jpeg');
    await store.put(`renditions/${id}/abcdefabcdef/thumb.webp`, Buffer.from('webp bytes'), 'image/webp');
    const back = await readAll(store, `originals/${id}/abcdefabcdef`);
    expect(createHash('sha256').update(back).digest('hex')).toBe(createHash('sha256').update(original).digest('hex'));
    expect((await store.read(`renditions/${id}/abcdefabcdef/thumb.webp`)).bytes).toBe(10);
  });

  it('deletes objects, ignoring ones already gone, and reports missing ones as missing', async () => {
    await store.put(`renditions/${id}/bbbbbbbbbbbb/medium.webp`, Buffer.from('x'), 'image/webp');
    await store.delete([`renditions/${id}/bbbbbbbbbbbb/medium.webp`, `renditions/${id}/bbbbbbbbbbbb/never.webp`]);
    await expect(store.read(`renditions/${id}/bbbbbbbbbbbb/medium.webp`)).rejects.toBeInstanceOf(StoredObjectMissingError);
  });

  it('refuses unsafe keys before sending anything', async () => {
    await expect(store.put('../escape', Buffer.from('x'), 'image/webp')).rejects.toBeInstanceOf(UnsafeStorageKeyError);
    await expect(store.read('originals/../../x')).rejects.toBeInstanceOf(UnsafeStorageKeyError);
  });

  it('lists the keys under a prefix, across pages', async () => {
    const keys = Array.from({ length: 3 }, (_, i) => `renditions/${id}/aaaaaaaaaaa${i}/thumb.webp`);
    for (const key of keys) await store.put(key, Buffer.from('x'), 'image/webp');
    await store.put(`originals/${id}/bbbbbbbbbbbb`, Buffer.from('y'), 'image/jpeg');
    const listed: Array<{ key: string; modifiedAt: Date }> = [];
    for await (const item of store.list('renditions/')) listed.push(item);
    expect(listed.map((i) => i.key).filter((k) => keys.includes(k)).sort()).toEqual(keys);
    expect(listed.every((i) => i.key.startsWith('renditions/') && i.modifiedAt instanceof Date)).toBe(true);
    await store.delete(keys);
  });
});
