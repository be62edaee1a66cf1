import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthUser } from '../access/auth-user.js';
import { CurrentUser } from '../access/decorators.js';
import { AdminEndpoint, CreateVersioned, ListEndpoint, needs, needsOneOf, ReadVersioned, WriteVersioned } from '../access/endpoints.js';
import { Permission } from '../access/permissions.js';
import type { Page } from '../common/cursor.js';
import { idParam } from '../common/id-param.js';
import { IfMatch, OptionalIfMatch } from '../common/if-match.js';
import { ProblemResponse } from '../common/openapi.js';
import { ListMediaQuery } from './dto/list-media.query.js';
import { MediaInUseProblemResponse, MediaPageResponse, MediaResponse } from './dto/media-response.dto.js';
import { UpdateMediaDto } from './dto/update-media.dto.js';
import { UPLOAD_BODY_SCHEMA, UploadMediaFieldsDto } from './dto/upload-media.dto.js';
import { MediaDeliveryService } from './media-delivery.service.js';
import { MediaIngestService } from './media-ingest.service.js';
import { MediaLibraryService } from './media-library.service.js';
import { sendFile } from './send-file.js';
import type { ReceivedFile } from './upload/hashing-disk-storage.js';
import { MediaUploadInterceptor, UploadedPhoto } from './upload/media-upload.interceptor.js';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'];
const BINARY = { type: 'string', format: 'binary' } as const;
const photoId = idParam('The photo');

/** Anyone who may add photos to stories, or look after the library, may browse it. */
const BROWSE = needsOneOf(Permission.MediaUpload, Permission.MediaEdit, Permission.MediaDelete);

/** What an upload can be refused for, beyond bad fields. */
const UPLOAD_ANSWERS = {
  400: 'The multipart body is malformed.',
  413: 'Over MEDIA_MAX_BYTES, or more pixels than MEDIA_MAX_PIXELS.',
  415: 'Not multipart, or the file is not JPEG, PNG, WebP, GIF or AVIF.',
  422: 'No file, an unknown or too long field, or an image that cannot be decoded.',
};

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
  @UseInterceptors(MediaUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA })
  @CreateVersioned(
    needs(Permission.MediaUpload),
    {
      summary: 'Upload a photo',
      description:
        'Requires media.upload. The type is judged by the file’s bytes. Caption, credit, creator, copyright, source and title are read from IPTC/XMP; form fields win over them. Renditions (thumb 320² cropped at the focal point, medium 800, large 1600; WebP and the original format) are made at once.',
      answers: UPLOAD_ANSWERS,
    },
    MediaResponse,
    (photo) => `/api/admin/media/${photo.id}`,
  )
  upload(@UploadedPhoto() file: ReceivedFile, @Body() fields: UploadMediaFieldsDto, @CurrentUser() user: AuthUser): Promise<MediaResponse> {
    return this.ingest.upload(file, fields, user);
  }

  @Get()
  @ListEndpoint(
    BROWSE,
    {
      summary: 'Browse and search the photo library',
      description: 'Requires media.upload, media.edit or media.delete (anyone who may add photos to stories, or look after the library). Newest first.',
    },
    MediaPageResponse,
  )
  list(@Query() query: ListMediaQuery): Promise<Page<MediaResponse>> {
    return this.library.list(query);
  }

  @Get(':id')
  @ReadVersioned(BROWSE, { summary: 'One photo', description: 'Requires media.upload, media.edit or media.delete. ETag carries the version to send back in If-Match.' }, MediaResponse)
  get(@Param('id', photoId) id: string): Promise<MediaResponse> {
    return this.library.get(id);
  }

  @Patch(':id')
  @WriteVersioned(
    needs(Permission.MediaEdit),
    {
      summary: 'Edit a photo’s caption, credit, alt text or focal point',
      description: 'Requires media.edit and If-Match with the current version. A new focal point re-renders the square thumb.',
    },
    MediaResponse,
  )
  update(@Param('id', photoId) id: string, @Body() dto: UpdateMediaDto, @IfMatch('Editing a photo') version: number, @CurrentUser() user: AuthUser): Promise<MediaResponse> {
    return this.library.update(id, dto, version, user);
  }

  @Delete(':id')
  @WriteVersioned(
    needs(Permission.MediaDelete),
    {
      summary: 'Delete a photo',
      description: 'Requires media.delete. Refused (409, listing the stories) while any story uses it. If-Match is optional.',
      answers: { 204: 'Deleted with its files.', 409: { type: MediaInUseProblemResponse, description: 'Stories use the photo; usedBy lists them.' } },
    },
    null,
    { ifMatch: 'optional' },
  )
  remove(@Param('id', photoId) id: string, @OptionalIfMatch('Deleting a photo') version: number | undefined, @CurrentUser() user: AuthUser): Promise<void> {
    return this.library.remove(id, version, user);
  }

  @Get(':id/file')
  @ApiProduces(...IMAGE_TYPES)
  @AdminEndpoint(needs(Permission.MediaEdit), {
    summary: 'Download the original',
    description: 'Requires media.edit (editors and admins). The archived original exactly as uploaded, metadata and location included.',
    answers: {
      200: { description: 'The original file, as an attachment.', schema: BINARY },
      304: 'If-None-Match matched.',
      404: { type: ProblemResponse, description: 'No such asset, or a placeholder without a file.' },
    },
  })
  async original(@Param('id', photoId) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await sendFile(req, res, await this.delivery.original(id), { cacheControl: 'private, no-cache', attachment: true });
  }

  @Put(':id/file')
  @UseInterceptors(MediaUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA })
  @WriteVersioned(
    needs(Permission.MediaEdit),
    {
      summary: 'Upload the file of a placeholder',
      description:
        'Requires media.edit. Same checks as an upload. Words already on the placeholder are kept over the file’s embedded metadata; form fields sent here win over both. If-Match is optional.',
      answers: { ...UPLOAD_ANSWERS, 409: 'The asset already has a file.' },
    },
    MediaResponse,
    { ifMatch: 'optional' },
  )
  fill(
    @Param('id', photoId) id: string,
    @UploadedPhoto() file: ReceivedFile,
    @Body() fields: UploadMediaFieldsDto,
    @OptionalIfMatch('Filling a placeholder') version: number | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<MediaResponse> {
    return this.ingest.fillPlaceholder(id, file, fields, version, user);
  }

  @Get(':id/renditions/:rendition')
  @ApiProduces(...IMAGE_TYPES)
  @AdminEndpoint(BROWSE, {
    summary: 'Preview a rendition',
    description: 'Requires media.upload, media.edit or media.delete. Any rendition, published or not (e.g. medium.webp), for the library and story editor.',
    answers: { 200: { description: 'The rendition.', schema: BINARY }, 304: 'If-None-Match matched.', 404: { type: ProblemResponse } },
  })
  async preview(@Param('id', photoId) id: string, @Param('rendition') rendition: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await sendFile(req, res, await this.delivery.rendition(id, rendition, 'staff'), { cacheControl: 'private, no-cache' });
  }
}
