// The whole media flow with MEDIA_STORAGE=s3, against s3rver (a local server speaking the S3
// protocol): upload, preview, original download and delete all go through the AWS SDK.
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import S3rver from 's3rver';
import request from 'supertest';
import { filesUnder, makeTempDir, photo } from '../fixtures/media/images.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { createUser, type TestUser } from '../support/users.js';

const binary = (res: request.Response, callback: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('media: S3-compatible storage', () => {
  let dir: string;
  let server: S3rver;
  let t: TestApp;
  let editor: TestUser;

  beforeAll(async () => {
    dir = await makeTempDir('masthead-media-s3-');
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: join(dir, 'bucket-store'),
      configureBuckets: [{ name: 'newsroom-photos', configs: [] }],
    });
    const { port } = await server.run();
    t = await createTestApp({
      MEDIA_STORAGE: 's3',
      MEDIA_DIR: join(dir, 'scratch'),
      S3_BUCKET: 'newsroom-photos',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
    editor = await createUser(t, ['editor']);
  });
  afterAll(async () => {
    await t.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores the original and renditions in the bucket, serves them, and deletes them', async () => {
    const image = await photo(1000, 700);
    const { body: asset } = await request(t.http)
      .post('/api/admin/media')
      .set('Authorization', editor.auth)
      .attach('file', image, 'kl.jpg')
      .field('credit', '星洲日报')
      .expect(201);
    // s3rver keeps each object as `<key>._S3rver_object` beside its metadata files.
    const objectsOf = async (id: string) =>
      (await filesUnder(join(dir, 'bucket-store'))).filter((f) => f.includes(id) && f.endsWith('._S3rver_object'));
    expect(await objectsOf(asset.id)).toHaveLength(7);
    expect(await filesUnder(join(dir, 'scratch'))).toEqual([]);

    const original = await request(t.http)
      .get(`/api/admin/media/${asset.id}/file`)
      .set('Authorization', editor.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(sha256(original.body as Buffer)).toBe(sha256(image));
    const preview = await request(t.http)
      .get(`/api/admin/media/${asset.id}/renditions/medium.webp`)
      .set('Authorization', editor.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((preview.body as Buffer).subarray(8, 12).toString('latin1')).toBe('WEBP');

    await request(t.http).delete(`/api/admin/media/${asset.id}`).set('Authorization', editor.auth).expect(204);
    expect(await objectsOf(asset.id)).toEqual([]);
  });
});
