import type { MediaAsset } from '../media/media-asset.entity.js';
import { photosMissingCredit, photoUses, resolveBody, resolveFeaturedImage, unknownPhotoFields } from './photos.js';
import type { BodyBlock } from './revision-diff.js';

function asset(id: string, fields: Partial<MediaAsset> = {}): MediaAsset {
  return { id, caption: '资料图', credit: '路透社', altText: null, width: 1200, height: 800, renditions: [], ...fields } as MediaAsset;
}

const body: BodyBlock[] = [
  { type: 'paragraph', text: '正文' },
  { type: 'image', mediaId: 'a', caption: '会谈现场', credit: null, altText: null },
  { type: 'image', mediaId: 'b', caption: null, credit: null, altText: null },
];

describe('photoUses', () => {
  it('lists the featured image and every image block with its field', () => {
    const uses = photoUses({ featuredImage: { mediaId: 'a', caption: null, credit: '美联社' }, body });
    expect(uses.map((u) => [u.mediaId, u.field])).toEqual([
      ['a', 'featuredImage'],
      ['a', 'body.1'],
      ['b', 'body.2'],
    ]);
  });
});

describe('resolving photos', () => {
  const assets = new Map([
    ['a', asset('a', { renditions: [{ name: 'thumb', format: 'webp', width: 320, height: 213, bytes: 100, storageKey: 'k', sha256: 'x' }] })],
    ['b', asset('b', { caption: '俄罗斯外交部提供', credit: null })],
  ]);

  it('lets a per-use caption override the asset and keeps the asset credit', () => {
    const [, image] = resolveBody(body, assets);
    expect(image).toMatchObject({ type: 'image', mediaId: 'a', caption: '会谈现场', credit: '路透社', width: 1200, height: 800 });
    expect(image).toHaveProperty('renditions', [{ name: 'thumb', url: '/media/a/thumb.webp', format: 'webp', width: 320, height: 213 }]);
  });

  it('uses the asset words when the story leaves them empty', () => {
    expect(resolveFeaturedImage({ mediaId: 'b' }, assets)).toMatchObject({ caption: '俄罗斯外交部提供', credit: null });
  });

  it('reports uses without an effective credit', () => {
    expect(photosMissingCredit({ featuredImage: { mediaId: 'b', credit: '俄罗斯外交部' }, body }, assets)).toEqual([
      { mediaId: 'b', field: 'body.2' },
    ]);
  });

  it('names the fields whose photo is not in the library', () => {
    expect(unknownPhotoFields({ featuredImage: { mediaId: 'zzz' }, body }, new Map([['a', asset('a')]]))).toEqual([
      'featuredImage.mediaId',
      'body.2.mediaId',
    ]);
  });
});
