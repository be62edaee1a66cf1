import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { hydrate } from '../database/entity-sql.js';
import { MediaAsset } from './media-asset.entity.js';

export interface PlaceholderFields {
  caption: string | null;
  credit: string | null;
  creator?: string | null;
  title?: string | null;
  altText?: string | null;
  source?: string | null;
}

/** What other modules (articles, importer) need from the photo library, without its HTTP side. */
@Injectable()
export class MediaLookupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The assets with these ids, by id; ids that don't exist are simply absent. */
  async findByIds(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, MediaAsset>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    // Plain SQL, hydrated from the entity's metadata: every story write and response looks its photos
    // up, and a TypeORM find spent more CPU building and mapping its SELECT than the query took.
    const rows: Array<Record<string, unknown>> = await manager.query(`SELECT * FROM media_asset WHERE id = ANY($1::uuid[])`, [unique]);
    return new Map(rows.map((row) => [row.id as string, hydrate(manager.connection, MediaAsset, row)]));
  }

  /** A photo named by a story whose file we don't have yet (the importer makes these). */
  async createPlaceholder(fields: PlaceholderFields, actor: Pick<AuthUser, 'id' | 'email'> | null, manager: EntityManager): Promise<MediaAsset> {
    const repo = manager.getRepository(MediaAsset);
    const asset = await repo.save(
      repo.create({
        status: 'placeholder',
        caption: fields.caption,
        credit: fields.credit,
        creator: fields.creator ?? null,
        title: fields.title ?? null,
        altText: fields.altText ?? null,
        source: fields.source ?? null,
        createdById: actor?.id ?? null,
      }),
    );
    await this.audit.record(
      { actor, action: 'media.placeholder_create', entity: 'media', entityId: asset.id, summary: { caption: fields.caption, credit: fields.credit } },
      manager,
    );
    return asset;
  }
}

/** Public URL of a rendition (served by GET /media/:id/:rendition). */
export const renditionUrl = (assetId: string, name: string, format: string) => `/media/${assetId}/${name}.${format}`;
