import { Module } from '@nestjs/common';
import { WebhooksModule } from '../distribution/webhooks/webhooks.module.js';
import { MediaModule } from '../media/media.module.js';
import { HousekeepingRepository } from './housekeeping.repository.js';
import { HousekeepingService } from './housekeeping.service.js';

@Module({ imports: [MediaModule, WebhooksModule], providers: [HousekeepingService, HousekeepingRepository], exports: [HousekeepingService] })
export class HousekeepingModule {}
