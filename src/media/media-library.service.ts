// The photo library: browse and search, edit the words and focal point, delete photos no story uses.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isDeepStrictEqual } from 'node:util';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../access/auth-user.js';
import { decodeCursor, encodeCursor, type Page } from '../common/cursor.js';
import { assertVersion } from '../common/if-match.js';
import { NotFoundProblem } from '../common/problem.js';
import type { ListMediaQuery } from './dto/list-media.query.js';
import { EDITABLE_FIELDS, type UpdateMediaDto } from './dto/update-media.dto.js';
import type { MediaResponse } from './dto/media-response.dto.js';
import { toMediaResponse } from './media-response.js';
import { MediaAsset, type FocalPoint, type Rendition } from './media-asset.entity.js';
import { fileKeysOf, MediaFileStore } from './media-file-store.js';
import { EditorialEventBus } from '../events/editorial-event-bus.js';
import { MediaRepository } from './media.repository.js';
import { MediaInUseProblem } from './media.problems.js';
import { ImageProcessor } from './processing/image-processor.js';
import { isUuid } from './storage/storage-keys.js';

type Changes = Partial<Pick<MediaAsset, (typeof EDITABLE_FIELDS)[number]>>;

const DEFAULT_PAGE = 20;

@Injectable()
export class MediaLibraryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MediaRepository,
    private readonly processor: ImageProcessor,
    private readonly files: MediaFileStore,
    private readonly audit: AuditService,
    private readonly events: EditorialEventBus,
  ) {}

  async list(query: ListMediaQuery): Promise<Page<MediaResponse>> {
    const after = decodeCursor(query.cursor, { at: 'timestamp', id: 'uuid' });
    const page = await this.repository.page({
      q: query.q?.trim() || undefined,
      status: query.status,
      mime: query.mime,
      limit: query.limit ?? DEFAULT_PAGE,
      after,
    });
    return { items: page.items.map(toMediaResponse), nextCursor: page.next ? encodeCursor({ ...page.next }) : null };
  }

  async get(id: string): Promise<MediaResponse> {
    return toMediaResponse(await this.findOrThrow(this.dataSource.manager, id));
  }

  /**
   * Changes the words and focal point. A new focal point re-renders the square thumbs (before the
   * commit, under new keys; the old thumbs are removed after it). 412 when `expectedVersion` is stale.
   */
  async update(id: string, dto: UpdateMediaDto, expectedVersion: number, actor: AuthUser): Promise<MediaResponse> {
    return toMediaResponse(await this.edit(id, dto, expectedVersion, actor));
  }

  private async edit(id: string, dto: UpdateMediaDto, expectedVersion: number, actor: AuthUser): Promise<MediaAsset> {
    const current = await this.findOrThrow(this.dataSource.manager, id);
    assertVersion(expectedVersion, current.version);
    const changes = changedFields(current, dto);
    if (Object.keys(changes).length === 0) return current;
    const thumbs = 'focalPoint' in changes ? await this.renderThumbs(current, changes.focalPoint ?? null) : null;
    try {
      const { asset, replaced } = await this.dataSource.transaction(async (manager) => {
        const asset = await this.findOrThrow(manager, id, true);
        assertVersion(expectedVersion, asset.version);
        const before = pick(asset, Object.keys(changes) as (keyof Changes)[]);
        Object.assign(asset, changes);
        const replaced = thumbs ? swapThumbs(asset, thumbs) : [];
        await manager.getRepository(MediaAsset).save(asset);
        await this.audit.record({ actor, action: 'media.edit', entity: 'media', entityId: id, summary: { before, after: changes } }, manager);
        await this.events.emit(manager, { type: 'photo.changed', mediaIds: [id] });
        return { asset, replaced };
      });
      await this.files.discard(replaced);
      return asset;
    } catch (e) {
      if (thumbs) await this.files.discard(thumbs.map((r) => r.storageKey));
      throw e;
    }
  }

  /** Deletes the row (with an audit entry) and then its files. 409 with the stories while any uses it. */
  async remove(id: string, expectedVersion: number | undefined, actor: AuthUser): Promise<void> {
    const removed = await this.dataSource
      .transaction(async (manager) => {
        const asset = await this.findOrThrow(manager, id, true);
        if (expectedVersion !== undefined) assertVersion(expectedVersion, asset.version);
        const usedBy = await this.repository.usages(id, manager);
        if (usedBy.length) throw new MediaInUseProblem(usedBy);
        await manager.getRepository(MediaAsset).delete({ id });
        await this.audit.record(
          {
            actor,
            action: 'media.delete',
            entity: 'media',
            entityId: id,
            summary: { caption: asset.caption, credit: asset.credit, sha256: asset.sha256 },
          },
          manager,
        );
        return asset;
      })
      .catch(async (e: unknown) => {
        // A story saved with this photo between our check and our delete: its foreign key says so.
        if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23503')
          throw new MediaInUseProblem(await this.repository.usages(id));
        throw e;
      });
    await this.files.discard(fileKeysOf(removed));
  }

  private async renderThumbs(asset: MediaAsset, focalPoint: FocalPoint | null): Promise<Rendition[] | null> {
    if (asset.status !== 'ready' || !asset.storageKey || !asset.mime) return null;
    const original = await this.files.read(asset.storageKey);
    const format = asset.renditions.find((r) => r.format !== 'webp')?.format ?? 'webp';
    const rendered = await this.processor.render(original, asset.mime, { format, focalPoint, only: ['thumb'] });
    return this.files.storeRenditions(asset.id, rendered);
  }

  private async findOrThrow(manager: EntityManager, id: string, lock = false): Promise<MediaAsset> {
    const asset = isUuid(id)
      ? await manager.getRepository(MediaAsset).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
      : null;
    if (!asset) throw new NotFoundProblem('Media asset');
    return asset;
  }
}

/** The fields the request sets to a different value; `null` clears. */
function changedFields(asset: MediaAsset, dto: UpdateMediaDto): Changes {
  const changes: Record<string, unknown> = {};
  for (const field of EDITABLE_FIELDS) {
    const value = dto[field];
    if (value === undefined) continue;
    const next = field === 'focalPoint' && value ? { x: (value as FocalPoint).x, y: (value as FocalPoint).y } : value;
    if (!isDeepStrictEqual(next, asset[field])) changes[field] = next;
  }
  return changes;
}

/** Puts the new thumbs in place of the old ones and returns the keys of the old ones. */
function swapThumbs(asset: MediaAsset, thumbs: Rendition[]): string[] {
  const old = asset.renditions.filter((r) => r.name === 'thumb');
  asset.renditions = [...thumbs, ...asset.renditions.filter((r) => r.name !== 'thumb')];
  return old.map((r) => r.storageKey);
}

function pick(asset: MediaAsset, fields: (keyof Changes)[]): Changes {
  return Object.fromEntries(fields.map((f) => [f, asset[f]]));
}
