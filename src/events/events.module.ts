import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EditorialEventBus } from './editorial-event-bus.js';

/** Global, like the configuration: every module that writes editorial content emits through the one bus. */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [EditorialEventBus],
  exports: [EditorialEventBus],
})
export class EventsModule {}
