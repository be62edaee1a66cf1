// Uploading photos: type sniffing, size and pixel limits, IPTC/XMP in Chinese, renditions without
// location data, and the archived original for editors only.
import exifr from 'exifr';
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import sharp from 'sharp';
import request from 'supertest';
import { AuditEntry } from '../../src/audit/audit-entry.entity.js';
import { MediaAsset } from '../../src/media/media-asset.entity.js';
import { filesUnder, makeTempDir, photo, pixelBombPng, withLegacyIptc, withMetadata } from '../fixtures/media/images.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { createUser, type TestUser } from '../support/users.js';

const MAX_BYTES = 2 * 1024 * 1024;
const CAPTION = '美国国务卿布林肯(左)与俄罗斯外长拉夫罗夫在日内瓦会谈。';
const CREDIT = '俄罗斯外交部/路透社';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Supertest collects a binary body into a Buffer. */
const binary = (res: request.Response, callback: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('media: uploading photos', () => {
  let t: TestApp;
  let mediaDir: string;
  let editor: TestUser;
  let contributor: TestUser;
  let newsPhoto: Buffer;

  beforeAll(async () => {
    mediaDir = await makeTempDir('masthead-media-upload-');
    t = await createTestApp({ MEDIA_DIR: mediaDir, MEDIA_MAX_BYTES: String(MAX_BYTES) });
    editor = await createUser(t, ['editor']);
    contributor = await createUser(t, ['contributor']);
    // A wire photo: IPTC written as UTF-8, a disagreeing XMP credit, GPS, capture time, portrait orientation.
    newsPhoto = await withMetadata(await photo(640, 480), 'jpeg', [
      '-IPTC:CodedCharacterSet=UTF8',
      `-IPTC:Caption-Abstract=${CAPTION}`,
      `-IPTC:Credit=${CREDIT}`,
      '-IPTC:By-line=陈摄影',
      '-IPTC:CopyrightNotice=© 路透社',
      '-IPTC:Source=路透社',
      '-XMP-photoshop:Credit=XMP credit',
      '-XMP-iptcCore:AltTextAccessibility=两位外长握手',
      '-GPSLatitude=3.15',
      '-GPSLatitudeRef=N',
      '-GPSLongitude=101.7',
      '-GPSLongitudeRef=E',
      '-DateTimeOriginal=2024:05:01 10:30:00',
      '-OffsetTimeOriginal=+08:00',
      '-Orientation#=6',
    ]);
  });
  afterAll(async () => {
    await t.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  const upload = (user: TestUser, file: Buffer, filename = 'photo.jpg', contentType = 'image/jpeg') =>
    request(t.http).post('/api/admin/media').set('Authorization', user.auth).attach('file', file, { filename, contentType });
  const assetCount = () => t.dataSource.getRepository(MediaAsset).count();

  it('reads the Chinese IPTC caption, credit and creator, and the file facts', async () => {
    const res = await upload(editor, newsPhoto, '布林肯.jpg').expect(201);
    expect(res.body).toMatchObject({
      status: 'ready',
      caption: CAPTION,
      credit: CREDIT, // IPTC wins over the disagreeing XMP credit (no digest vouches for the XMP)
      creator: '陈摄影',
      copyright: '© 路透社',
      source: '路透社',
      altText: '两位外长握手', // only in XMP
      mime: 'image/jpeg',
      bytes: newsPhoto.length,
      sha256: sha256(newsPhoto),
      width: 480, // displayed upright: EXIF orientation 6 turns 640×480 on its side
      height: 640,
      capturedAt: '2024-05-01T02:30:00.000Z',
      originalFilename: '布林肯.jpg',
      version: 1,
    });
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/api/admin/media/${res.body.id}`);
  });

  it('reads IPTC written in Big5 or GBK by desk systems that declare no character set', async () => {
    const big5 = withLegacyIptc(await photo(320, 240), 'big5', { caption: '總統府今日舉行記者會，說明國防預算。', credit: '中央社', byline: '陳培煌' });
    expect((await upload(editor, big5).expect(201)).body).toMatchObject({ caption: '總統府今日舉行記者會，說明國防預算。', credit: '中央社', creator: '陳培煌' });
    const gbk = withLegacyIptc(await photo(320, 240), 'gbk', { caption: '首相在国会发表讲话，宣布新的经济措施。', credit: '新华社', byline: '李明' });
    expect((await upload(editor, gbk).expect(201)).body).toMatchObject({ caption: '首相在国会发表讲话，宣布新的经济措施。', credit: '新华社', creator: '李明' });
  });

  it('makes thumb, medium and large in WebP and the original format, never enlarged', async () => {
    const res = await upload(editor, await photo(1200, 900)).expect(201);
    const sizes = Object.fromEntries(
      res.body.renditions.map((r: { name: string; format: string; width: number; height: number }) => [`${r.name}.${r.format}`, [r.width, r.height]]),
    );
    expect(sizes).toEqual({
      'thumb.webp': [320, 320],
      'thumb.jpeg': [320, 320],
      'medium.webp': [800, 600],
      'medium.jpeg': [800, 600],
      'large.webp': [1200, 900],
      'large.jpeg': [1200, 900],
    });
    const medium = await request(t.http)
      .get(`/api/admin/media/${res.body.id}/renditions/medium.webp`)
      .set('Authorization', editor.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(medium.headers['content-type']).toBe('image/webp');
    expect(await sharp(medium.body as Buffer).metadata()).toMatchObject({ format: 'webp', width: 800, height: 600 });
  });

  it('auto-rotates renditions by the EXIF orientation', async () => {
    const res = await upload(editor, newsPhoto).expect(201);
    const large = res.body.renditions.find((r: { name: string; format: string }) => r.name === 'large' && r.format === 'jpeg');
    expect([large.width, large.height]).toEqual([480, 640]);
  });

  it('strips GPS and camera data from renditions but archives the original exactly as uploaded', async () => {
    const { body: asset } = await upload(editor, newsPhoto).expect(201);
    for (const name of ['thumb.jpeg', 'medium.jpeg', 'large.webp']) {
      const res = await request(t.http)
        .get(`/api/admin/media/${asset.id}/renditions/${name}`)
        .set('Authorization', editor.auth)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const meta = await sharp(res.body as Buffer).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      if (name.endsWith('.jpeg')) expect(await exifr.gps(res.body as Buffer)).toBeUndefined();
    }
    const original = await request(t.http)
      .get(`/api/admin/media/${asset.id}/file`)
      .set('Authorization', editor.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(original.headers['content-type']).toBe('image/jpeg');
    expect(original.headers['content-disposition']).toMatch(/^attachment;/);
    expect(sha256(original.body as Buffer)).toBe(sha256(newsPhoto));
    expect(await exifr.gps(original.body as Buffer)).toMatchObject({ latitude: 3.15, longitude: 101.7 });
  });

  it('lets only staff with media.edit download the original', async () => {
    const { body: asset } = await upload(contributor, await photo(400, 300)).expect(201);
    await request(t.http).get(`/api/admin/media/${asset.id}/file`).set('Authorization', contributor.auth).expect(403);
    await request(t.http).get(`/api/admin/media/${asset.id}/file`).expect(401);
  });

  it('lets form fields win over embedded metadata, field by field', async () => {
    const res = await upload(editor, newsPhoto).field('caption', '编辑改写的图说').field('title', '日内瓦会谈').expect(201);
    expect(res.body).toMatchObject({ caption: '编辑改写的图说', title: '日内瓦会谈', credit: CREDIT, creator: '陈摄影' });
  });

  it('takes the XMP value when the stored IPTC digest shows the XMP was edited after the last sync', async () => {
    const synced = await withMetadata(await photo(320, 240), 'jpeg', [
      '-IPTC:CodedCharacterSet=UTF8',
      '-IPTC:Credit=新华社',
      '-XMP-photoshop:Credit=新华社',
      '-IPTCDigest=new',
    ]);
    const edited = await withMetadata(synced, 'jpeg', ['-XMP-photoshop:Credit=新华社/法新社']);
    expect((await upload(editor, edited).expect(201)).body.credit).toBe('新华社/法新社');
  });

  it.each([
    ['png', 'image/png', ['webp', 'png']],
    ['webp', 'image/webp', ['webp']],
    ['gif', 'image/gif', ['webp', 'gif']],
    ['avif', 'image/avif', ['webp', 'avif']],
  ] as const)('accepts %s, judged by its bytes', async (format, mime, formats) => {
    const image = await withMetadata(
      await photo(400, 300, format),
      format,
      format === 'gif' || format === 'avif' ? [] : ['-XMP-photoshop:Credit=星洲日报', '-XMP-dc:Description=吉隆坡街景'],
    );
    const res = await upload(editor, image, 'named-wrongly.bin', 'application/octet-stream').expect(201);
    expect(res.body.mime).toBe(mime);
    expect([...new Set(res.body.renditions.map((r: { format: string }) => r.format))].sort()).toEqual([...formats].sort());
    if (format === 'png' || format === 'webp') expect(res.body).toMatchObject({ credit: '星洲日报', caption: '吉隆坡街景' });
  });

  describe('refusals leave no file and no row behind', () => {
    let before: number;
    beforeEach(async () => {
      before = await assetCount();
    });
    afterEach(async () => {
      expect(await assetCount()).toBe(before);
      expect((await filesUnder(`${mediaDir}/.incoming`)).length).toBe(0);
    });

    it('answers 415 to a text file named .jpg and declared image/jpeg', async () => {
      const res = await upload(editor, Buffer.from('<html><script>alert(1)</script></html>\n'.repeat(20)), 'innocent.jpg', 'image/jpeg').expect(415);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: '/problems/unsupported-media-type', status: 415, detectedType: null });
    });

    it('answers 415 to an SVG and to a PDF, whatever they are called', async () => {
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>');
      await upload(editor, svg, 'logo.png', 'image/png').expect(415);
      const res = await upload(editor, Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'), 'scan.jpg').expect(415);
      expect(res.body.detectedType).toBe('application/pdf');
    });

    it('answers 413 to a file over MEDIA_MAX_BYTES read from the stream', async () => {
      const big = Buffer.concat([await photo(64, 64), Buffer.alloc(MAX_BYTES + 512 * 1024, 7)]);
      const res = await upload(editor, big).expect(413);
      expect(res.body).toMatchObject({ type: '/problems/payload-too-large', maxBytes: MAX_BYTES });
    });

    it('answers 413 at once to a declared length far over the limit', async () => {
      const res = await upload(editor, Buffer.alloc(MAX_BYTES * 3, 1)).expect(413);
      expect(res.body.maxBytes).toBe(MAX_BYTES);
    });

    it('answers 413 to a decompression bomb and stays healthy', async () => {
      const bomb = pixelBombPng(20_000, 20_000); // 400 megapixels, 1.6 GB as RGBA
      expect(bomb.length).toBeLessThan(200 * 1024);
      const res = await upload(editor, bomb, 'bomb.png', 'image/png').expect(413);
      expect(res.body).toMatchObject({ type: '/problems/image-too-large', width: 20_000, height: 20_000, maxPixels: 100_000_000 });
      await request(t.http).get('/health').expect(200);
      await upload(editor, await photo(200, 100)).expect(201);
      before += 1;
    });

    it('answers 422 to a JPEG that cannot be decoded', async () => {
      const good = await photo(800, 600);
      const broken = Buffer.concat([good.subarray(0, 400), Buffer.alloc(2000, 0xff)]);
      const res = await upload(editor, broken).expect(422);
      expect(res.body).toMatchObject({ type: '/problems/image-unreadable', errors: [{ field: 'file' }] });
    });

    it('answers 422 without a file, and to unknown fields', async () => {
      const missing = await request(t.http).post('/api/admin/media').set('Authorization', editor.auth).field('caption', '没有照片').expect(422);
      expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
      const unknown = await upload(editor, await photo(100, 100))
        .field('status', 'placeholder')
        .expect(422);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
    });

    it('answers 415 to a request that is not multipart', async () => {
      await request(t.http).post('/api/admin/media').set('Authorization', editor.auth).send({ caption: 'json' }).expect(415);
    });
  });

  it('records each upload in the audit log', async () => {
    const { body: asset } = await upload(contributor, await photo(300, 200))
      .field('credit', '星洲日报')
      .expect(201);
    const entry = await t.dataSource.getRepository(AuditEntry).findOneByOrFail({ action: 'media.upload', entityId: asset.id });
    expect(entry).toMatchObject({ actorId: contributor.id, entity: 'media' });
    expect(entry.summary).toMatchObject({ credit: '星洲日报', mime: 'image/jpeg' });
  });
});
