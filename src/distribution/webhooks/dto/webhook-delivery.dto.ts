import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/page-query.dto.js';
import type { DeliveryStatus } from '../webhook-delivery.entity.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType, type WebhookPayload } from '../webhook-events.js';
import type { DeliveryRow } from '../webhooks.repository.js';

const STATUSES: DeliveryStatus[] = ['pending', 'delivered', 'failed'];

export class ListDeliveriesQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES })
  @IsOptional()
  @IsIn(WEBHOOK_EVENT_TYPES)
  eventType?: WebhookEventType;
}

export class WebhookPayloadDataResponse {
  @ApiProperty({ format: 'uuid', description: 'The story’s, photo’s or section’s id.' }) id: string;
  @ApiProperty({ type: String, nullable: true, description: 'The story’s or section’s slug; null for photos and deleted sections.' }) slug:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The story’s address on the reader site (where it was, once withdrawn).' }) url:
    string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The story’s or photo’s version; null for sections.' }) version: number | null;
  @ApiPropertyOptional({ enum: ['created', 'updated', 'deleted'], description: 'section.changed only.' }) change?: string;
}

export class WebhookPayloadResponse {
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) type: WebhookEventType;
  @ApiProperty({ format: 'date-time' }) timestamp: string;
  @ApiProperty({ type: WebhookPayloadDataResponse }) data: WebhookPayloadDataResponse;
}

export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid', description: 'The `webhook-id` header of every attempt.' }) id: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) eventType: WebhookEventType;
  @ApiProperty({ enum: STATUSES, description: 'pending: not yet delivered (waiting for its next attempt, or under way); failed: given up.' })
  status: DeliveryStatus;
  @ApiProperty({ description: 'Attempts made so far.' }) attempts: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextAttemptAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAttemptAt: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'HTTP status of the last answer; null when none came.' }) responseStatus: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Of the last attempt, in milliseconds.' }) latencyMs: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed.' }) lastError: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The start of the last answer’s body (500 characters at most).' })
  responseExcerpt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt: string | null;
  @ApiProperty({ type: WebhookPayloadResponse, description: 'The body sent.' }) payload: WebhookPayload;
}

export class WebhookDeliveryPage {
  @ApiProperty({ type: [WebhookDeliveryResponse] }) items: WebhookDeliveryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

const iso = (at: Date | null) => (at ? at.toISOString() : null);

export function toWebhookDeliveryResponse(row: DeliveryRow): WebhookDeliveryResponse {
  const inFlight = row.status === 'pending' && row.locked_until !== null && row.locked_until > new Date();
  return {
    id: row.id,
    eventType: row.event_type as WebhookEventType,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: inFlight ? null : iso(row.next_attempt_at),
    lastAttemptAt: iso(row.last_attempt_at),
    responseStatus: row.response_status,
    latencyMs: row.latency_ms,
    lastError: row.last_error,
    responseExcerpt: row.response_excerpt,
    createdAt: row.created_at.toISOString(),
    deliveredAt: iso(row.delivered_at),
    payload: JSON.parse(row.body) as WebhookPayload,
  };
}
