// Serving stored files: originals to staff, renditions to staff (preview) and to the public once a
// published story shows the photo. Nothing is opened until the caller knows it must send bytes.
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundProblem } from '../common/problem.js';
import { MediaAsset } from './media-asset.entity.js';
import { MediaRepository } from './media.repository.js';
import { FORMAT_MIME } from './processing/renditions.js';
import { MEDIA_STORAGE, StoredObjectMissingError, type MediaStorage, type StoredObject } from './storage/media-storage.js';
import { isUuid } from './storage/storage-keys.js';

export interface DeliverableFile {
  contentType: string;
  /** Strong validator of the bytes. */
  etag: string;
  bytes: number | null;
  /** For downloads: the name to save as. */
  downloadName?: string;
  open(): Promise<StoredObject>;
}

const RENDITION_FILE = /^(thumb|medium|large)\.(webp|jpeg|png|gif|avif)$/;
const EXTENSION: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
};

@Injectable()
export class MediaDeliveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MediaRepository,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
  ) {}

  /** The original as uploaded (with its GPS and all): staff only. 404 for a placeholder. */
  async original(id: string): Promise<DeliverableFile> {
    const asset = await this.find(id);
    if (!asset?.storageKey || !asset.mime || !asset.sha256) throw new NotFoundProblem('The file of this media asset');
    const key = asset.storageKey;
    return {
      contentType: asset.mime,
      etag: `"${asset.sha256}"`,
      bytes: asset.bytes,
      downloadName: asset.originalFilename ?? `${asset.id}.${EXTENSION[asset.mime] ?? 'bin'}`,
      open: () => this.open(key),
    };
  }

  /**
   * A rendition named like `medium.webp`. The public sees it only while a published story uses the
   * photo, so photos of embargoed or draft stories answer 404 like photos that don't exist.
   */
  async rendition(id: string, file: string, audience: 'public' | 'staff'): Promise<DeliverableFile> {
    const match = RENDITION_FILE.exec(file);
    if (!match || !isUuid(id)) throw new NotFoundProblem('Rendition');
    if (audience === 'public' && !(await this.repository.isPublished(id))) throw new NotFoundProblem('Rendition');
    const asset = await this.find(id);
    const rendition = asset?.renditions.find((r) => r.name === match[1] && r.format === match[2]);
    if (!rendition) throw new NotFoundProblem('Rendition');
    return {
      contentType: FORMAT_MIME[rendition.format],
      etag: `"${rendition.sha256}"`,
      bytes: rendition.bytes,
      open: () => this.open(rendition.storageKey),
    };
  }

  private async find(id: string): Promise<MediaAsset | null> {
    return isUuid(id) ? this.dataSource.getRepository(MediaAsset).findOneBy({ id }) : null;
  }

  private async open(key: string): Promise<StoredObject> {
    try {
      return await this.storage.read(key);
    } catch (e) {
      if (e instanceof StoredObjectMissingError) throw new NotFoundProblem('The stored file');
      throw e;
    }
  }
}
