import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type MediaStatus = 'ready' | 'placeholder';

export type RenditionFormat = 'webp' | 'jpeg' | 'png' | 'gif' | 'avif';

export interface Rendition {
  /** `thumb` (square, cropped around the focal point), `medium`, `large` (whole picture, by width). */
  name: string;
  format: RenditionFormat;
  width: number;
  height: number;
  bytes: number;
  storageKey: string;
  /** Of the rendition's bytes; its ETag, so a re-rendered thumb revalidates in caches. */
  sha256: string;
}

export interface FocalPoint {
  x: number;
  y: number;
}

/**
 * A photo in the library. Carries its default caption and credit line (IPTC/XMP on upload);
 * a story may override them per use. A `placeholder` holds the words before the file arrives.
 */
@Entity('media_asset')
// Newest first, keyset-paged by (created_at, id).
@Index('idx_media_created', ['createdAt', 'id'])
// Trigram GIN over caption, credit, creator and title for substring search (Chinese included);
// an expression index, written by hand in the migration.
@Index('idx_media_search_trgm', { synchronize: false })
export class MediaAsset {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'text', default: 'image' }) kind: 'image';

  @Index('idx_media_status') @Column({ type: 'text' }) status: MediaStatus;

  /** Key of the original in the storage; derived from the id, never from a client file name. */
  @Column({ type: 'text', nullable: true }) storageKey: string | null;

  @Column({ type: 'text', nullable: true }) originalFilename: string | null;
  @Column({ type: 'text', nullable: true }) mime: string | null;
  @Column({ type: 'integer', nullable: true }) bytes: number | null;
  @Column({ type: 'integer', nullable: true }) width: number | null;
  @Column({ type: 'integer', nullable: true }) height: number | null;
  @Column({ type: 'text', nullable: true }) sha256: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) renditions: Rendition[];

  @Column({ type: 'text', nullable: true }) title: string | null;
  @Column({ type: 'text', nullable: true }) caption: string | null;
  @Column({ type: 'text', nullable: true }) credit: string | null;
  @Column({ type: 'text', nullable: true }) creator: string | null;
  @Column({ type: 'text', nullable: true }) copyright: string | null;
  @Column({ type: 'text', nullable: true }) source: string | null;
  @Column({ type: 'text', nullable: true }) altText: string | null;
  @Column({ type: 'text', nullable: true }) usageTerms: string | null;
  @Column({ type: 'jsonb', nullable: true }) focalPoint: FocalPoint | null;
  /** EXIF DateTimeOriginal, when the photo carries it. */
  @Column({ type: 'timestamptz', nullable: true }) capturedAt: Date | null;

  @Column({ type: 'uuid', nullable: true }) createdById: string | null;

  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
