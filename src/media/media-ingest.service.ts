// Photos arriving: a new upload, or the file for a placeholder the importer made. The file is
// checked and rendered, its files stored, then the row and its audit entry commit together; if
// anything fails after the files were written, they are removed again.
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../access/auth-user.js';
import { assertVersion } from '../common/if-match.js';
import { NotFoundProblem } from '../common/problem.js';
import { describe, fileFacts } from './asset-fields.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import type { PhotoMetadataDto } from './dto/photo-metadata.dto.js';
import type { UploadMediaFieldsDto } from './dto/upload-media.dto.js';
import type { MediaResponse } from './dto/media-response.dto.js';
import { toMediaResponse } from './media-response.js';
import { MediaAsset } from './media-asset.entity.js';
import { MediaFileStore, type StoredUpload } from './media-file-store.js';
import { EditorialEventBus } from '../events/editorial-event-bus.js';
import { NotAPlaceholderProblem } from './media.problems.js';
import { inspectImage } from './processing/image-inspection.js';
import { ImageProcessor } from './processing/image-processor.js';
import { readEmbeddedFields } from './processing/metadata-reader.js';
import { isUuid } from './storage/storage-keys.js';
import type { ReceivedFile } from './upload/hashing-disk-storage.js';

@Injectable()
export class MediaIngestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly processor: ImageProcessor,
    private readonly files: MediaFileStore,
    private readonly audit: AuditService,
    private readonly events: EditorialEventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new photo. Form fields win over the file's embedded IPTC/XMP, field by field. */
  async upload(file: ReceivedFile, fields: UploadMediaFieldsDto, actor: AuthUser): Promise<MediaResponse> {
    const image = await this.processor.process(file.path, null);
    const id = randomUUID();
    const stored = await this.files.storeUpload(id, file, image.mime, image.renditions);
    const uploaded = await this.commitOrUndo(stored, async (manager) => {
      const repo = manager.getRepository(MediaAsset);
      const asset = repo.create({ id, ...fileFacts(file, image, stored), ...describe(fields, image.embedded), createdById: actor.id });
      await repo.save(asset);
      await this.audit.record({ actor, action: 'media.upload', entity: 'media', entityId: id, summary: uploadSummary(asset) }, manager);
      return asset;
    });
    return toMediaResponse(uploaded);
  }

  /** What an upload of this file would take from its embedded IPTC/XMP, without storing anything. */
  async readMetadata(file: ReceivedFile): Promise<PhotoMetadataDto> {
    const image = await inspectImage(file.path, this.config.media.maxPixels);
    const embedded = await readEmbeddedFields(image.metadata);
    return { mime: image.mime, width: image.width, height: image.height, ...embedded, capturedAt: embedded.capturedAt?.toISOString() ?? null };
  }

  /**
   * The file for a placeholder. Words already on the placeholder are kept over the file's embedded
   * metadata (form fields sent now win over both). 409 once the asset has a file.
   */
  async fillPlaceholder(
    id: string,
    file: ReceivedFile,
    fields: UploadMediaFieldsDto,
    expectedVersion: number | undefined,
    actor: AuthUser,
  ): Promise<MediaResponse> {
    const placeholder = await this.placeholderOrThrow(this.dataSource.manager, id, expectedVersion);
    const image = await this.processor.process(file.path, placeholder.focalPoint);
    const stored = await this.files.storeUpload(id, file, image.mime, image.renditions);
    const filled = await this.commitOrUndo(stored, async (manager) => {
      // Checked again under the row lock: another upload may have filled it meanwhile.
      const asset = await this.placeholderOrThrow(manager, id, expectedVersion, true);
      Object.assign(asset, fileFacts(file, image, stored), describe(fields, asset, image.embedded));
      await manager.getRepository(MediaAsset).save(asset);
      await this.audit.record({ actor, action: 'media.file_upload', entity: 'media', entityId: id, summary: uploadSummary(asset) }, manager);
      // Stories that already name this photo now have its size and renditions.
      await this.events.emit(manager, { type: 'photo.changed', mediaIds: [id] });
      return asset;
    });
    return toMediaResponse(filled);
  }

  private async placeholderOrThrow(manager: EntityManager, id: string, expectedVersion: number | undefined, lock = false): Promise<MediaAsset> {
    const asset = isUuid(id)
      ? await manager.getRepository(MediaAsset).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
      : null;
    if (!asset) throw new NotFoundProblem('Media asset');
    if (expectedVersion !== undefined) assertVersion(expectedVersion, asset.version);
    if (asset.status !== 'placeholder') throw new NotAPlaceholderProblem();
    return asset;
  }

  private async commitOrUndo(stored: StoredUpload, write: (manager: EntityManager) => Promise<MediaAsset>): Promise<MediaAsset> {
    try {
      return await this.dataSource.transaction(write);
    } catch (e) {
      await this.files.discard(stored.keys);
      throw e;
    }
  }
}

function uploadSummary(asset: MediaAsset): Record<string, unknown> {
  return {
    mime: asset.mime,
    bytes: asset.bytes,
    width: asset.width,
    height: asset.height,
    sha256: asset.sha256,
    caption: asset.caption,
    credit: asset.credit,
  };
}
