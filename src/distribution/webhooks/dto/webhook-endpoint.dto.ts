import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../webhook-events.js';
import type { WebhookEndpoint } from '../webhook-endpoint.entity.js';

const EVENTS_DESCRIPTION =
  'The events it receives: ' + WEBHOOK_EVENT_TYPES.map((type) => `\`${type}\` (${WEBHOOK_EVENT_DESCRIPTIONS[type]})`).join('; ') + '.';
const UNKNOWN_EVENT = `each value in events must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}`;

export class CreateWebhookRequest {
  @ApiProperty({
    example: 'https://www.newsroom.example/hooks/masthead',
    maxLength: 2048,
    description: 'http or https. Loopback, private, link-local and other non-public addresses are refused unless WEBHOOK_ALLOW_PRIVATE=true.',
  })
  @IsString()
  @MaxLength(2048)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, description: EVENTS_DESCRIPTION })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: UNKNOWN_EVENT })
  events: WebhookEventType[];

  @ApiPropertyOptional({ maxLength: 500, example: 'Rebuilds the reader site' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class UpdateWebhookRequest {
  @ApiPropertyOptional({ maxLength: 2048, description: 'As at creation.' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true, description: 'Replaces the set.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: UNKNOWN_EVENT })
  events?: WebhookEventType[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, description: 'null clears it.' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({
    description:
      'false pauses it: nothing new is queued for it and what is queued waits. true enables it again (also after it was disabled for failing), and what waited is sent.',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    description:
      'true issues a new secret, returned once in this answer. For 24 hours deliveries are signed with both the new and the old secret, so receivers can switch without missing one.',
  })
  @IsOptional()
  @IsBoolean()
  rotateSecret?: boolean;
}

export class WebhookEndpointResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'https://www.newsroom.example/hooks/masthead' }) url: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) events: WebhookEventType[];
  @ApiProperty({ description: 'false: paused by an administrator or disabled for failing (see disabledReason).' }) active: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was disabled automatically; null otherwise.' }) disabledReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) disabledAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Every delivery has failed since then; null while they succeed.' })
  failingSince: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Until then the previous secret also signs (after a rotation).' })
  previousSecretExpiresAt: string | null;
  @ApiPropertyOptional({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'The signing secret: only in the answer to creation and to rotateSecret. Store it; it is never shown again.',
  })
  secret?: string;
  @ApiProperty({ description: 'The ETag; send it in If-Match to change or delete only what you read.' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class WebhookEndpointPage {
  @ApiProperty({ type: [WebhookEndpointResponse] }) items: WebhookEndpointResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: every endpoint fits on one page.' }) nextCursor: null;
}

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/** The endpoint as administrators see it: never its secret, unless `issuedSecret` was just made. */
export function toWebhookEndpointResponse(endpoint: WebhookEndpoint, issuedSecret?: string): WebhookEndpointResponse {
  const previousActive = endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date();
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events as WebhookEventType[],
    active: endpoint.active,
    disabledReason: endpoint.disabledReason,
    disabledAt: iso(endpoint.disabledAt),
    failingSince: iso(endpoint.failingSince),
    previousSecretExpiresAt: previousActive ? iso(endpoint.previousSecretExpiresAt) : null,
    ...(issuedSecret ? { secret: issuedSecret } : {}),
    version: endpoint.version,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}
