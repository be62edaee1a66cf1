import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../access/auth-user.js';
import { CurrentUser } from '../../access/decorators.js';
import { AdminEndpoint, CreateVersioned, ListEndpoint, needs, ReadVersioned, WriteVersioned } from '../../access/endpoints.js';
import { Permission } from '../../access/permissions.js';
import type { Page } from '../../common/cursor.js';
import { idParam } from '../../common/id-param.js';
import { OptionalIfMatch } from '../../common/if-match.js';
import { ListDeliveriesQuery, WebhookDeliveryPage, WebhookDeliveryResponse } from './dto/webhook-delivery.dto.js';
import { CreateWebhookRequest, UpdateWebhookRequest, WebhookEndpointPage, WebhookEndpointResponse } from './dto/webhook-endpoint.dto.js';
import { WebhookDeliveriesService } from './webhook-deliveries.service.js';
import { MAX_ENDPOINTS, WebhookEndpointsService } from './webhook-endpoints.service.js';

const MANAGE = needs(Permission.WebhookManage);
const webhookId = idParam('The webhook endpoint');
const deliveryId = idParam('The delivery');

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/admin/webhooks')
export class WebhooksController {
  constructor(
    private readonly endpoints: WebhookEndpointsService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  @Get()
  @ListEndpoint(
    MANAGE,
    { summary: 'List webhook endpoints', description: 'Requires webhook.manage. Oldest first; secrets are never shown.' },
    WebhookEndpointPage,
  )
  list(): Promise<Page<WebhookEndpointResponse>> {
    return this.endpoints.list();
  }

  @Post()
  @CreateVersioned(
    MANAGE,
    {
      summary: 'Register a webhook endpoint',
      description:
        'Requires webhook.manage. The answer carries the signing `secret` (Standard Webhooks, `whsec_…`) this once: store it. ' +
        'Deliveries are signed with it (`webhook-id`, `webhook-timestamp`, `webhook-signature`).',
      answers: {
        409: `There are ${MAX_ENDPOINTS} endpoints already.`,
        422: 'Invalid fields: a URL that is not http(s), carries credentials or names a non-public address; an unknown event.',
      },
    },
    WebhookEndpointResponse,
    (endpoint) => `/api/admin/webhooks/${endpoint.id}`,
  )
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateWebhookRequest): Promise<WebhookEndpointResponse> {
    return this.endpoints.create(actor, body);
  }

  @Get(':id')
  @ReadVersioned(
    MANAGE,
    { summary: 'One webhook endpoint', description: 'Requires webhook.manage. Never shows the secret.' },
    WebhookEndpointResponse,
  )
  get(@Param('id', webhookId) id: string): Promise<WebhookEndpointResponse> {
    return this.endpoints.get(id);
  }

  @Patch(':id')
  @WriteVersioned(
    MANAGE,
    {
      summary: 'Change, pause, enable or rotate the secret of a webhook endpoint',
      description:
        'Requires webhook.manage. If-Match is optional (a stale one answers 412). `active: true` enables an endpoint again after it was ' +
        'disabled for failing, and sends what waited; `rotateSecret: true` answers with the new `secret`, once.',
    },
    WebhookEndpointResponse,
    { ifMatch: 'optional' },
  )
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id', webhookId) id: string,
    @OptionalIfMatch('Changing a webhook endpoint') version: number | undefined,
    @Body() body: UpdateWebhookRequest,
  ): Promise<WebhookEndpointResponse> {
    return this.endpoints.update(actor, id, version, body);
  }

  @Delete(':id')
  @WriteVersioned(
    MANAGE,
    {
      summary: 'Delete a webhook endpoint',
      description: 'Requires webhook.manage. Its delivery log goes with it; nothing queued is sent. If-Match is optional.',
    },
    null,
    { ifMatch: 'optional' },
  )
  remove(
    @CurrentUser() actor: AuthUser,
    @Param('id', webhookId) id: string,
    @OptionalIfMatch('Deleting a webhook endpoint') version: number | undefined,
  ): Promise<void> {
    return this.endpoints.remove(actor, id, version);
  }

  @Get(':id/deliveries')
  @ListEndpoint(
    MANAGE,
    {
      summary: 'The delivery log of a webhook endpoint',
      description: 'Requires webhook.manage. Newest first: each event sent (or to be sent) with its status, attempts, last answer and next attempt.',
      answers: { 404: 'No such endpoint.' },
    },
    WebhookDeliveryPage,
  )
  deliveryLog(@Param('id', webhookId) id: string, @Query() query: ListDeliveriesQuery): Promise<Page<WebhookDeliveryResponse>> {
    return this.deliveries.list(id, query);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @AdminEndpoint(MANAGE, {
    summary: 'Send a delivery again',
    description:
      'Requires webhook.manage. Queues the same message (same `webhook-id`, freshly signed) for now: one more attempt for a delivered or failed one, ' +
      'the next attempt brought forward for a pending one.',
    answers: {
      202: { type: WebhookDeliveryResponse, description: 'Queued.' },
      404: 'No such endpoint or delivery.',
      409: 'The endpoint is not active.',
    },
  })
  redeliver(
    @CurrentUser() actor: AuthUser,
    @Param('id', webhookId) id: string,
    @Param('deliveryId', deliveryId) delivery: string,
  ): Promise<WebhookDeliveryResponse> {
    return this.deliveries.redeliver(actor, id, delivery);
  }
}
