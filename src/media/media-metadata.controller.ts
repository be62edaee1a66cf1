// Reads a photo's embedded caption, credit and the rest without storing anything, so an upload form
// can show them (and let the editor change them) before the photo is saved.
import { Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermissions } from '../access/decorators.js';
import { ProblemResponse, ValidationProblemResponse } from '../common/openapi.js';
import { Permission } from '../access/permissions.js';
import { PhotoMetadataDto } from './dto/photo-metadata.dto.js';
import { MediaIngestService } from './media-ingest.service.js';
import type { ReceivedFile } from './upload/hashing-disk-storage.js';
import { MediaUploadInterceptor, UploadedPhoto } from './upload/media-upload.interceptor.js';

@ApiTags('media')
@ApiBearerAuth()
@Controller('api/admin/media/metadata')
export class MediaMetadataController {
  constructor(private readonly ingest: MediaIngestService) {}

  @Post()
  @HttpCode(200)
  @RequirePermissions(Permission.MediaUpload)
  @UseInterceptors(MediaUploadInterceptor)
  @ApiOperation({
    summary: 'Read a photo’s IPTC/XMP caption and credit without saving it',
    description:
      'Requires media.upload. Answers what an upload of this file would take from its embedded metadata (the same reading as POST /api/admin/media); nothing is stored.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiResponse({ status: 200, type: PhotoMetadataDto })
  @ApiResponse({ status: 413, type: ProblemResponse, description: 'Over MEDIA_MAX_BYTES, or more pixels than MEDIA_MAX_PIXELS.' })
  @ApiResponse({ status: 415, type: ProblemResponse, description: 'Not multipart, or not JPEG, PNG, WebP, GIF or AVIF.' })
  @ApiResponse({ status: 422, type: ValidationProblemResponse, description: 'No file, or an image that cannot be read.' })
  read(@UploadedPhoto() file: ReceivedFile): Promise<PhotoMetadataDto> {
    return this.ingest.readMetadata(file);
  }
}
