import { Module } from '@nestjs/common';
import { WebhookAttempts } from './webhook-attempts.service.js';
import { WebhookDeliveriesService } from './webhook-deliveries.service.js';
import { WebhookDeliveryWorker } from './webhook-delivery.worker.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';
import { WebhookOutbox } from './webhook-outbox.js';
import { WebhookRetention } from './webhook-retention.service.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksRepository } from './webhooks.repository.js';

/** Webhooks for site developers: endpoints (admin API), the outbox written with editorial changes, delivery. */
@Module({
  controllers: [WebhooksController],
  providers: [
    WebhooksRepository,
    WebhookEndpointsService,
    WebhookDeliveriesService,
    WebhookOutbox,
    WebhookAttempts,
    WebhookDeliveryWorker,
    WebhookRetention,
  ],
  exports: [WebhookRetention, WebhookDeliveryWorker],
})
export class WebhooksModule {}
