// Photos in a story: where each is used, and the caption and credit a reader sees. Each use may
// override the asset's own caption, credit and alt text; the asset's values fill what it leaves empty.
import type { MediaAsset } from '../media/media-asset.entity.js';
import { renditionUrl } from '../media/media-lookup.service.js';
import type { BodyBlock, EditorialSnapshot, FeaturedImage, ImageBlock } from './revision-diff.js';

export interface PhotoUse {
  mediaId: string;
  /** Where the photo is used: `featuredImage` or `body.3`. */
  field: string;
  override: { caption: string | null; credit: string | null; altText: string | null };
}

export interface RenditionLink {
  name: string;
  url: string;
  format: string;
  width: number;
  height: number;
}

/** A photo as a reader sees it: effective words, dimensions and rendition links. */
export interface ResolvedPhoto {
  mediaId: string;
  caption: string | null;
  credit: string | null;
  altText: string | null;
  width: number | null;
  height: number | null;
  renditions: RenditionLink[];
}

export type ResolvedBlock = Exclude<BodyBlock, ImageBlock> | ({ type: 'image' } & ResolvedPhoto);

const overrideOf = (image: FeaturedImage | ImageBlock) => ({
  caption: image.caption ?? null,
  credit: image.credit ?? null,
  altText: image.altText ?? null,
});

/** Where photos appear: the featured image, image blocks and the social-card image (shown to readers of shared links). */
export type PhotoBearer = Pick<EditorialSnapshot, 'featuredImage' | 'body'> & { socialImage?: string | null };

const NO_OVERRIDE = { caption: null, credit: null, altText: null };

export function photoUses(snapshot: PhotoBearer): PhotoUse[] {
  const uses: PhotoUse[] = [];
  if (snapshot.featuredImage)
    uses.push({ mediaId: snapshot.featuredImage.mediaId, field: 'featuredImage', override: overrideOf(snapshot.featuredImage) });
  snapshot.body.forEach((block, index) => {
    if (block.type === 'image') uses.push({ mediaId: block.mediaId, field: `body.${index}`, override: overrideOf(block) });
  });
  if (snapshot.socialImage) uses.push({ mediaId: snapshot.socialImage, field: 'socialImage', override: NO_OVERRIDE });
  return uses;
}

export function resolvePhoto(image: FeaturedImage | ImageBlock, asset: MediaAsset | undefined): ResolvedPhoto {
  const override = overrideOf(image);
  return {
    mediaId: image.mediaId,
    caption: override.caption ?? asset?.caption ?? null,
    credit: override.credit ?? asset?.credit ?? null,
    altText: override.altText ?? asset?.altText ?? null,
    width: asset?.width ?? null,
    height: asset?.height ?? null,
    renditions: (asset?.renditions ?? []).map((r) => ({
      name: r.name,
      url: renditionUrl(image.mediaId, r.name, r.format),
      format: r.format,
      width: r.width,
      height: r.height,
    })),
  };
}

export function resolveBody(body: readonly BodyBlock[], assets: ReadonlyMap<string, MediaAsset>): ResolvedBlock[] {
  return body.map((block) => (block.type === 'image' ? { type: 'image', ...resolvePhoto(block, assets.get(block.mediaId)) } : block));
}

export const resolveFeaturedImage = (image: FeaturedImage | null, assets: ReadonlyMap<string, MediaAsset>): ResolvedPhoto | null =>
  image ? resolvePhoto(image, assets.get(image.mediaId)) : null;

/** Uses whose photo no longer exists in the library, as `{field: 'body.3.mediaId'}` errors. */
export function unknownPhotoFields(snapshot: PhotoBearer, assets: ReadonlyMap<string, MediaAsset>): string[] {
  return photoUses(snapshot)
    .filter((use) => !assets.has(use.mediaId))
    .map((use) => (use.field === 'socialImage' ? use.field : `${use.field}.mediaId`));
}

/** Uses a reader would see without a credit line; publishing refuses them when credits are required. */
export function photosMissingCredit(
  snapshot: PhotoBearer,
  assets: ReadonlyMap<string, MediaAsset>,
): Array<{ mediaId: string; field: string }> {
  return photoUses(snapshot)
    .filter((use) => !(use.override.credit ?? assets.get(use.mediaId)?.credit ?? '').trim())
    .map((use) => ({ mediaId: use.mediaId, field: use.field }));
}
