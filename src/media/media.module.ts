import { Module } from '@nestjs/common';
import { MediaAdminController } from './media-admin.controller.js';
import { MediaDeliveryService } from './media-delivery.service.js';
import { MediaFileStore } from './media-file-store.js';
import { MediaIngestService } from './media-ingest.service.js';
import { MediaLibraryService } from './media-library.service.js';
import { MediaLookupService } from './media-lookup.service.js';
import { MediaMetadataController } from './media-metadata.controller.js';
import { MediaOrphanSweeper } from './media-orphans.service.js';
import { MediaPublicController } from './media-public.controller.js';
import { MediaRepository } from './media.repository.js';
import { ImageProcessor } from './processing/image-processor.js';
import { mediaStorageProvider } from './storage/storage.provider.js';
import { MediaUploadInterceptor } from './upload/media-upload.interceptor.js';

@Module({
  controllers: [MediaMetadataController, MediaAdminController, MediaPublicController],
  providers: [
    mediaStorageProvider,
    ImageProcessor,
    MediaFileStore,
    MediaRepository,
    MediaIngestService,
    MediaLibraryService,
    MediaDeliveryService,
    MediaLookupService,
    MediaUploadInterceptor,
    MediaOrphanSweeper,
  ],
  exports: [MediaLookupService, MediaOrphanSweeper],
})
export class MediaModule {}
