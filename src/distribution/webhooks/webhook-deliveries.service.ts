// An endpoint's delivery log, and redelivery by hand.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../access/auth-user.js';
import { AuditService } from '../../audit/audit.service.js';
import { decodeCursor, encodeCursor, type Page } from '../../common/cursor.js';
import { ConflictProblem, NotFoundProblem } from '../../common/problem.js';
import { toWebhookDeliveryResponse, type ListDeliveriesQuery, type WebhookDeliveryResponse } from './dto/webhook-delivery.dto.js';
import { WebhookDeliveryWorker } from './webhook-delivery.worker.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';
import { WebhooksRepository } from './webhooks.repository.js';

const DEFAULT_PAGE_SIZE = 50;

@Injectable()
export class WebhookDeliveriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly endpoints: WebhookEndpointsService,
    private readonly repository: WebhooksRepository,
    private readonly worker: WebhookDeliveryWorker,
    private readonly audit: AuditService,
  ) {}

  /** Newest first; 404 for an unknown endpoint. */
  async list(endpointId: string, query: ListDeliveriesQuery): Promise<Page<WebhookDeliveryResponse>> {
    const manager = this.dataSource.manager;
    await this.endpoints.find(manager, endpointId);
    const after = decodeCursor(query.cursor, { createdAt: 'timestamp', id: 'uuid' });
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.repository.deliveryPage(manager, endpointId, { status: query.status, eventType: query.eventType }, after, limit);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toWebhookDeliveryResponse),
      nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.created_at_text, id: last.id }) : null,
    };
  }

  /**
   * Sends the delivery again now, with the same webhook-id (receivers that already have it can
   * ignore it). A delivered or failed one gets one attempt; a pending one is brought forward.
   * 409 while the endpoint is not active.
   */
  async redeliver(actor: AuthUser, endpointId: string, deliveryId: string): Promise<WebhookDeliveryResponse> {
    const delivery = await this.dataSource.transaction(async (manager) => {
      const endpoint = await this.endpoints.find(manager, endpointId, true);
      const found = await this.repository.findDelivery(manager, endpointId, deliveryId);
      if (!found) throw new NotFoundProblem('The delivery');
      if (!endpoint.active)
        throw new ConflictProblem('webhook-inactive', 'The endpoint is not active; enable it (PATCH {"active": true}) before redelivering.', {
          disabledReason: endpoint.disabledReason,
        });
      await this.repository.redeliver(manager, deliveryId);
      await this.repository.notify(manager);
      await this.audit.record(
        {
          actor,
          action: 'webhook.redeliver',
          entity: 'webhook',
          entityId: endpointId,
          summary: { deliveryId, eventType: found.event_type, status: found.status },
        },
        manager,
      );
      return (await this.repository.findDelivery(manager, endpointId, deliveryId))!;
    });
    this.worker.wake();
    return toWebhookDeliveryResponse(delivery);
  }
}
