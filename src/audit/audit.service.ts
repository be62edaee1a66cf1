import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ClsRequest } from '../common/request-context.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditRecord {
  actor: Pick<AuthUser, 'id' | 'email'> | null;
  action: string;
  entity: string;
  entityId?: string | null;
  summary?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an entry. Pass the transaction's `manager` so the entry commits (or rolls back) with the
   * change it describes; the request id and client address come from the request context.
   */
  async record(entry: AuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const ctx = ClsRequest.current();
    await manager.insert(AuditEntry, {
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      summary: (entry.summary ?? {}) as never,
      requestId: ctx?.requestId ?? null,
      ip: ctx?.ip ?? null,
    });
  }
}
