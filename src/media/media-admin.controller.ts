import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ProblemResponse, ValidationProblemResponse } from '../common/openapi.js';
import type { AuthUser } from '../access/auth-user.js';
import { CurrentUser, RequireAnyPermission, RequirePermissions } from '../access/decorators.js';
import { Permission } from '../access/permissions.js';
import { etagOf, requireIfMatch } from '../common/if-match.js';
import { ListMediaQuery } from './dto/list-media.query.js';
import { MediaInUseProblemResponse, MediaPageResponse, MediaResponse } from './dto/media-response.dto.js';
import { UPLOAD_BODY_SCHEMA, UploadMediaFieldsDto } from './dto/upload-media.dto.js';
import { UpdateMediaDto } from './dto/update-media.dto.js';
import { MediaDeliveryService } from './media-delivery.service.js';
import { MediaIngestService } from './media-ingest.service.js';
import { MediaLibraryService } from './media-library.service.js';
import { toMediaResponse } from './media-response.js';
import { sendFile } from './send-file.js';
import type { ReceivedFile } from './upload/hashing-disk-storage.js';
import { MediaUploadInterceptor, UploadedPhoto } from './upload/media-upload.interceptor.js';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'];
const BINARY = { type: 'string', format: 'binary' } as const;

/** An optional If-Match: null when absent, else the version (428 when unreadable). */
const optionalIfMatch = (header: string | undefined) => (header === undefined ? null : requireIfMatch(header));

@ApiTags('media')
@ApiBearerAuth()
@Controller('api/admin/media')
export class MediaAdminController {
  constructor(
    private readonly ingest: MediaIngestService,
    private readonly library: MediaLibraryService,
    private readonly delivery: MediaDeliveryService,
  ) {}

  @Post()
  @RequirePermissions(Permission.MediaUpload)
  @UseInterceptors(MediaUploadInterceptor)
  @ApiOperation({
    summary: 'Upload a photo',
    description:
      'Requires media.upload. The type is judged by the file’s bytes. Caption, credit, creator, copyright, source and title are read from IPTC/XMP; form fields win over them. Renditions (thumb 320² cropped at the focal point, medium 800, large 1600; WebP and the original format) are made at once.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA })
  @ApiResponse({ status: 201, type: MediaResponse, description: 'Stored; ETag carries the version.' })
  @ApiResponse({ status: 400, type: ProblemResponse, description: 'The multipart body is malformed.' })
  @ApiResponse({ status: 413, type: ProblemResponse, description: 'Over MEDIA_MAX_BYTES, or more pixels than MEDIA_MAX_PIXELS.' })
  @ApiResponse({ status: 415, type: ProblemResponse, description: 'Not multipart, or the file is not JPEG, PNG, WebP, GIF or AVIF.' })
  @ApiResponse({
    status: 422,
    type: ValidationProblemResponse,
    description: 'No file, an unknown or too long field, or an image that cannot be decoded.',
  })
  async upload(
    @UploadedPhoto() file: ReceivedFile,
    @Body() fields: UploadMediaFieldsDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MediaResponse> {
    const asset = await this.ingest.upload(file, fields, user);
    res.setHeader('ETag', etagOf(asset.version)).setHeader('Location', `/api/admin/media/${asset.id}`);
    return toMediaResponse(asset);
  }

  @Get()
  @RequireAnyPermission(Permission.MediaUpload, Permission.MediaEdit, Permission.MediaDelete)
  @ApiOperation({
    summary: 'Browse and search the photo library',
    description: 'Requires media.upload, media.edit or media.delete (anyone who may add photos to stories, or look after the library). Newest first.',
  })
  @ApiResponse({ status: 200, type: MediaPageResponse })
  @ApiResponse({ status: 422, type: ValidationProblemResponse, description: 'A bad filter, limit or cursor.' })
  async list(@Query() query: ListMediaQuery): Promise<MediaPageResponse> {
    const page = await this.library.list(query);
    return { items: page.items.map(toMediaResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @RequireAnyPermission(Permission.MediaUpload, Permission.MediaEdit, Permission.MediaDelete)
  @ApiOperation({ summary: 'One photo', description: 'Requires media.upload, media.edit or media.delete. ETag carries the version to send back in If-Match.' })
  @ApiResponse({ status: 200, type: MediaResponse })
  @ApiResponse({ status: 404, type: ProblemResponse })
  async get(@Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<MediaResponse> {
    const asset = await this.library.get(id);
    res.setHeader('ETag', etagOf(asset.version));
    return toMediaResponse(asset);
  }

  @Patch(':id')
  @RequirePermissions(Permission.MediaEdit)
  @ApiOperation({
    summary: 'Edit a photo’s caption, credit, alt text or focal point',
    description: 'Requires media.edit and If-Match with the current version. A new focal point re-renders the square thumb.',
  })
  @ApiResponse({ status: 200, type: MediaResponse })
  @ApiResponse({ status: 404, type: ProblemResponse })
  @ApiResponse({ status: 412, type: ProblemResponse, description: 'Stale If-Match; the body names the current version.' })
  @ApiResponse({ status: 422, type: ValidationProblemResponse })
  @ApiResponse({ status: 428, type: ProblemResponse, description: 'If-Match is missing.' })
  async update(
    @Param('id') id: string,
    @Body() dto: UpdateMediaDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MediaResponse> {
    const asset = await this.library.update(id, dto, requireIfMatch(ifMatch, 'Editing a photo'), user);
    res.setHeader('ETag', etagOf(asset.version));
    return toMediaResponse(asset);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.MediaDelete)
  @ApiOperation({
    summary: 'Delete a photo',
    description: 'Requires media.delete. Refused (409, listing the stories) while any story uses it. If-Match is optional.',
  })
  @ApiResponse({ status: 204, description: 'Deleted with its files.' })
  @ApiResponse({ status: 404, type: ProblemResponse })
  @ApiResponse({ status: 409, type: MediaInUseProblemResponse, description: 'Stories use the photo; usedBy lists them.' })
  @ApiResponse({ status: 412, type: ProblemResponse })
  async remove(@Param('id') id: string, @Headers('if-match') ifMatch: string | undefined, @CurrentUser() user: AuthUser): Promise<void> {
    await this.library.remove(id, optionalIfMatch(ifMatch), user);
  }

  @Get(':id/file')
  @RequirePermissions(Permission.MediaEdit)
  @ApiOperation({
    summary: 'Download the original',
    description: 'Requires media.edit (editors and admins). The archived original exactly as uploaded, metadata and location included.',
  })
  @ApiProduces(...IMAGE_TYPES)
  @ApiResponse({ status: 200, description: 'The original file, as an attachment.', schema: BINARY })
  @ApiResponse({ status: 304, description: 'If-None-Match matched.' })
  @ApiResponse({ status: 404, type: ProblemResponse, description: 'No such asset, or a placeholder without a file.' })
  async original(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await sendFile(req, res, await this.delivery.original(id), { cacheControl: 'private, no-cache', attachment: true });
  }

  @Put(':id/file')
  @RequirePermissions(Permission.MediaEdit)
  @UseInterceptors(MediaUploadInterceptor)
  @ApiOperation({
    summary: 'Upload the file of a placeholder',
    description:
      'Requires media.edit. Same checks as an upload. Words already on the placeholder are kept over the file’s embedded metadata; form fields sent here win over both. If-Match is optional.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA })
  @ApiResponse({ status: 200, type: MediaResponse })
  @ApiResponse({ status: 404, type: ProblemResponse })
  @ApiResponse({ status: 409, type: ProblemResponse, description: 'The asset already has a file.' })
  @ApiResponse({ status: 412, type: ProblemResponse })
  @ApiResponse({ status: 413, type: ProblemResponse })
  @ApiResponse({ status: 415, type: ProblemResponse })
  @ApiResponse({ status: 422, type: ValidationProblemResponse })
  async fill(
    @Param('id') id: string,
    @UploadedPhoto() file: ReceivedFile,
    @Body() fields: UploadMediaFieldsDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MediaResponse> {
    const asset = await this.ingest.fillPlaceholder(id, file, fields, optionalIfMatch(ifMatch), user);
    res.setHeader('ETag', etagOf(asset.version));
    return toMediaResponse(asset);
  }

  @Get(':id/renditions/:rendition')
  @RequireAnyPermission(Permission.MediaUpload, Permission.MediaEdit, Permission.MediaDelete)
  @ApiOperation({
    summary: 'Preview a rendition',
    description: 'Requires media.upload, media.edit or media.delete. Any rendition, published or not (e.g. medium.webp), for the library and story editor.',
  })
  @ApiProduces(...IMAGE_TYPES)
  @ApiResponse({ status: 200, description: 'The rendition.', schema: BINARY })
  @ApiResponse({ status: 304, description: 'If-None-Match matched.' })
  @ApiResponse({ status: 404, type: ProblemResponse })
  async preview(@Param('id') id: string, @Param('rendition') rendition: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await sendFile(req, res, await this.delivery.rendition(id, rendition, 'staff'), { cacheControl: 'private, no-cache' });
  }
}
