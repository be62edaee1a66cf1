import type { Provider } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { LocalMediaStorage } from './local-media-storage.js';
import { MEDIA_STORAGE, type MediaStorage } from './media-storage.js';

/** The configured store: local disk under MEDIA_DIR, or an S3-compatible bucket. */
export const mediaStorageProvider: Provider = {
  provide: MEDIA_STORAGE,
  inject: [APP_CONFIG],
  useFactory: async (config: AppConfig): Promise<MediaStorage> => {
    if (config.media.storage === 's3') {
      const { S3MediaStorage } = await import('./s3-media-storage.js');
      return S3MediaStorage.create(config.media.s3);
    }
    return new LocalMediaStorage(config.media.dir);
  },
};
