import { ApiProperty } from '@nestjs/swagger';
import { ProblemResponse } from '../../common/openapi.js';
import { FocalPointDto } from './update-media.dto.js';

export class RenditionResponse {
  @ApiProperty({ enum: ['thumb', 'medium', 'large'] }) name: string;
  @ApiProperty({ enum: ['webp', 'jpeg', 'png', 'gif', 'avif'] }) format: string;
  @ApiProperty() width: number;
  @ApiProperty() height: number;
  @ApiProperty() bytes: number;
  @ApiProperty({ description: 'Public URL; answers only once a published story uses the photo.', example: '/media/3f0c…/medium.webp' }) url: string;
  @ApiProperty({ description: 'Staff preview (Bearer token), published or not.', example: '/api/admin/media/3f0c…/renditions/medium.webp' })
  previewUrl: string;
}

export class MediaResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['image'] }) kind: 'image';
  @ApiProperty({ enum: ['ready', 'placeholder'], description: 'A placeholder has its words but no file yet.' }) status: string;
  @ApiProperty({ description: 'Send it back in If-Match to change the asset.' }) version: number;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ nullable: true, type: String }) caption: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The credit line, e.g. 路透社.' }) credit: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The photographer.' }) creator: string | null;
  @ApiProperty({ nullable: true, type: String }) copyright: string | null;
  @ApiProperty({ nullable: true, type: String }) source: string | null;
  @ApiProperty({ nullable: true, type: String }) altText: string | null;
  @ApiProperty({ nullable: true, type: String }) usageTerms: string | null;
  @ApiProperty({ nullable: true, type: FocalPointDto }) focalPoint: FocalPointDto | null;
  @ApiProperty({ nullable: true, type: String, example: 'image/jpeg' }) mime: string | null;
  @ApiProperty({ nullable: true, type: Number }) bytes: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'As displayed (after EXIF orientation).' }) width: number | null;
  @ApiProperty({ nullable: true, type: Number }) height: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Of the original as uploaded.' }) sha256: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'EXIF capture time.' }) capturedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) originalFilename: string | null;
  @ApiProperty({ type: [RenditionResponse] }) renditions: RenditionResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'The original, for staff with media.edit.' }) fileUrl: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) createdById: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class MediaPageResponse {
  @ApiProperty({ type: [MediaResponse] }) items: MediaResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class MediaUseResponse {
  @ApiProperty({ format: 'uuid' }) articleId: string;
  @ApiProperty({ nullable: true, type: String }) headline: string | null;
  @ApiProperty() status: string;
}

export class MediaInUseProblemResponse extends ProblemResponse {
  @ApiProperty({ type: [MediaUseResponse] }) usedBy: MediaUseResponse[];
}
