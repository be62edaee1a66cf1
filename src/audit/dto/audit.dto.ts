import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { AuditEntry } from '../audit-entry.entity.js';
import { PageQueryDto } from '../../common/page-query.dto.js';

export class ListAuditQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: 'auth.login_failed' }) @IsOptional() @IsString() @MaxLength(100) action?: string;
  @ApiPropertyOptional({ example: 'user', description: 'What kind of thing was acted on: user, role, article, media, …' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entity?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) entityId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID(undefined, { message: 'actorId must be a UUID' }) actorId?: string;
  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-01T00:00:00+08:00', description: 'Entries at or after this time.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from?: string;
  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-02T00:00:00+08:00', description: 'Entries before this time.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date-time' })
  to?: string;
}

export class AuditActorResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
}

export class AuditEntryResponse {
  @ApiProperty({ description: 'Increasing with time.' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: AuditActorResponse, nullable: true, description: 'Who did it; null for anonymous events such as a failed login.' })
  actor: AuditActorResponse | null;
  @ApiProperty({ example: 'user.update' }) action: string;
  @ApiProperty({ example: 'user' }) entity: string;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What changed (before/after), never a password.' }) summary: Record<
    string,
    unknown
  >;
  @ApiProperty({ type: String, nullable: true, description: 'The x-request-id of the request that did it.' }) requestId: string | null;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] }) items: AuditEntryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export function toAuditEntryResponse(entry: AuditEntry): AuditEntryResponse {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actor: entry.actorId ? { id: entry.actorId, email: entry.actorEmail } : null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    summary: entry.summary,
    requestId: entry.requestId,
    ip: entry.ip,
  };
}
