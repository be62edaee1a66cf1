// Administrators' endpoints: register, change, rotate the secret, pause and enable, delete. Every
// change is audited without the secret, and the secret leaves the server only in the answer that
// issues it.
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../access/auth-user.js';
import { AuditService } from '../../audit/audit.service.js';
import type { Page } from '../../common/cursor.js';
import { assertVersion } from '../../common/if-match.js';
import { ConflictProblem, NotFoundProblem, ValidationProblem } from '../../common/problem.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { destinationProblem } from './destination-policy.js';
import {
  toWebhookEndpointResponse,
  type CreateWebhookRequest,
  type UpdateWebhookRequest,
  type WebhookEndpointResponse,
} from './dto/webhook-endpoint.dto.js';
import { newSecret, ROTATION_GRACE_MS } from './signing.js';
import { WebhookDeliveryWorker } from './webhook-delivery.worker.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { WebhooksRepository } from './webhooks.repository.js';

/** Every endpoint multiplies each event's rows: a bound keeps one publish's work bounded. */
export const MAX_ENDPOINTS = 100;

type Described = Pick<WebhookEndpoint, 'url' | 'events' | 'description' | 'active'>;

/** What the audit log keeps of an endpoint: never its secrets. */
const described = (e: Described) => ({ url: e.url, events: [...e.events], description: e.description, active: e.active });

@Injectable()
export class WebhookEndpointsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: WebhooksRepository,
    private readonly worker: WebhookDeliveryWorker,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<Page<WebhookEndpointResponse>> {
    const endpoints = await this.dataSource.getRepository(WebhookEndpoint).find({ order: { createdAt: 'ASC', id: 'ASC' } });
    return { items: endpoints.map((e) => toWebhookEndpointResponse(e)), nextCursor: null };
  }

  async get(id: string): Promise<WebhookEndpointResponse> {
    return toWebhookEndpointResponse(await this.find(this.dataSource.manager, id));
  }

  /** 422 for a URL that is not an acceptable destination; 409 beyond MAX_ENDPOINTS. The answer carries the secret, once. */
  async create(actor: AuthUser, body: CreateWebhookRequest): Promise<WebhookEndpointResponse> {
    this.assertDestination(body.url);
    const secret = newSecret();
    const endpoint = await this.dataSource.transaction(async (manager) => {
      // Serialises creations, so two at once cannot both pass the count.
      await manager.query('LOCK TABLE webhook_endpoint IN SHARE ROW EXCLUSIVE MODE');
      const count = await manager.count(WebhookEndpoint);
      if (count >= MAX_ENDPOINTS) throw new ConflictProblem('too-many-webhooks', `At most ${MAX_ENDPOINTS} webhook endpoints can be registered.`);
      const repo = manager.getRepository(WebhookEndpoint);
      const created = await repo.save(
        repo.create({ url: body.url, events: body.events, description: body.description?.trim() || null, active: true, secret }),
      );
      await this.audit.record({ actor, action: 'webhook.create', entity: 'webhook', entityId: created.id, summary: described(created) }, manager);
      return created;
    });
    return toWebhookEndpointResponse(endpoint, secret);
  }

  /**
   * Changes what the body names (412 when `expectedVersion` is stale). Enabling an endpoint clears
   * why it was disabled and sends what waited; rotateSecret answers with the new secret, once.
   */
  async update(actor: AuthUser, id: string, expectedVersion: number | undefined, body: UpdateWebhookRequest): Promise<WebhookEndpointResponse> {
    if (body.url !== undefined) this.assertDestination(body.url);
    let issued: string | undefined;
    let resumed = false;
    const endpoint = await this.dataSource.transaction(async (manager) => {
      const endpoint = await this.find(manager, id, true);
      if (expectedVersion !== undefined) assertVersion(expectedVersion, endpoint.version);
      const before = described(endpoint);
      const changes: Partial<WebhookEndpoint> = {};
      if (body.url !== undefined && body.url !== endpoint.url) changes.url = body.url;
      if (body.events !== undefined && !sameSet(body.events, endpoint.events)) changes.events = body.events;
      if (body.description !== undefined && (body.description?.trim() || null) !== endpoint.description)
        changes.description = body.description?.trim() || null;
      if (body.active !== undefined && body.active !== endpoint.active) {
        changes.active = body.active;
        if (body.active) Object.assign(changes, { disabledReason: null, disabledAt: null, failingSince: null });
        resumed = body.active;
      }
      if (body.rotateSecret) {
        issued = newSecret();
        Object.assign(changes, {
          secret: issued,
          previousSecret: endpoint.secret,
          previousSecretExpiresAt: new Date(Date.now() + ROTATION_GRACE_MS),
        });
      }
      if (Object.keys(changes).length === 0) return endpoint;
      Object.assign(endpoint, changes, { version: endpoint.version + 1 });
      const saved = await manager.getRepository(WebhookEndpoint).save(endpoint);
      if (resumed) {
        await this.repository.resumeEndpoint(manager, id);
        await this.repository.notify(manager);
      }
      const after = described(saved);
      await this.audit.record(
        {
          actor,
          action: 'webhook.update',
          entity: 'webhook',
          entityId: id,
          summary: { before: changedOnly(before, after), after: changedOnly(after, before), ...(issued ? { secretRotated: true } : {}) },
        },
        manager,
      );
      return saved;
    });
    if (resumed) this.worker.wake();
    return toWebhookEndpointResponse(endpoint, issued);
  }

  /** Deletes the endpoint with its log; what was still queued for it is dropped. */
  async remove(actor: AuthUser, id: string, expectedVersion: number | undefined): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const endpoint = await this.find(manager, id, true);
      if (expectedVersion !== undefined) assertVersion(expectedVersion, endpoint.version);
      await manager.delete(WebhookEndpoint, { id });
      await this.audit.record({ actor, action: 'webhook.delete', entity: 'webhook', entityId: id, summary: described(endpoint) }, manager);
    });
  }

  /** The endpoint (locked for the transaction when `lock`), or 404. */
  async find(manager: EntityManager, id: string, lock = false): Promise<WebhookEndpoint> {
    const endpoint = await manager
      .getRepository(WebhookEndpoint)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!endpoint) throw new NotFoundProblem('The webhook endpoint');
    return endpoint;
  }

  private assertDestination(url: string): void {
    const problem = destinationProblem(url, this.config.webhooks.allowPrivate);
    if (problem) throw new ValidationProblem([{ field: 'url', message: problem }]);
  }
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

function changedOnly(from: Record<string, unknown>, other: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(from).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(other[key])));
}
