import type { MediaResponse, RenditionResponse } from './dto/media-response.dto.js';
import type { MediaAsset, Rendition } from './media-asset.entity.js';
import { renditionUrl } from './media-lookup.service.js';

export const previewUrl = (assetId: string, name: string, format: string) => `/api/admin/media/${assetId}/renditions/${name}.${format}`;

export function toRenditionResponse(assetId: string, r: Rendition): RenditionResponse {
  return {
    name: r.name,
    format: r.format,
    width: r.width,
    height: r.height,
    bytes: r.bytes,
    url: renditionUrl(assetId, r.name, r.format),
    previewUrl: previewUrl(assetId, r.name, r.format),
  };
}

export function toMediaResponse(asset: MediaAsset): MediaResponse {
  return {
    id: asset.id,
    kind: asset.kind,
    status: asset.status,
    version: asset.version,
    title: asset.title,
    caption: asset.caption,
    credit: asset.credit,
    creator: asset.creator,
    copyright: asset.copyright,
    source: asset.source,
    altText: asset.altText,
    usageTerms: asset.usageTerms,
    focalPoint: asset.focalPoint,
    mime: asset.mime,
    bytes: asset.bytes,
    width: asset.width,
    height: asset.height,
    sha256: asset.sha256,
    capturedAt: asset.capturedAt?.toISOString() ?? null,
    originalFilename: asset.originalFilename,
    renditions: asset.renditions.map((r) => toRenditionResponse(asset.id, r)),
    fileUrl: asset.storageKey ? `/api/admin/media/${asset.id}/file` : null,
    createdById: asset.createdById,
    createdAt: asset.createdAt.toISOString(),
    updatedAt: asset.updatedAt.toISOString(),
  };
}
