import { Module } from '@nestjs/common';
import { MediaLookupService } from './media-lookup.service.js';

@Module({ providers: [MediaLookupService], exports: [MediaLookupService] })
export class MediaModule {}
