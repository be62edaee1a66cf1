import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { RequirePermissions } from '../access/decorators.js';
import { ValidationProblemResponse } from '../common/openapi.js';
import { Permission } from '../access/permissions.js';
import type { Page } from '../common/cursor.js';
import { AuditService } from './audit.service.js';
import { AuditEntryResponse, AuditPageResponse, ListAuditQuery } from './dto/audit.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermissions(Permission.AuditRead)
  @ApiOperation({ summary: 'Read the audit log, newest first', description: 'Requires `audit.read`. Filter by action, entity, entityId, actorId, and time (from inclusive, to exclusive).' })
  @ApiOkResponse({ type: AuditPageResponse })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse, description: 'Bad filter, limit or cursor.' })
  list(@Query() query: ListAuditQuery): Promise<Page<AuditEntryResponse>> {
    return this.audit.list(query);
  }
}
