import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { And, DataSource, LessThan, MoreThanOrEqual, type EntityManager, type FindOperator, type FindOptionsWhere } from 'typeorm';
import { decodeCursor, encodeCursor, type Page } from '../common/cursor.js';
import { ClsRequest } from '../common/request-context.js';
import type { AuthUser } from '../access/auth-user.js';
import { AuditEntry } from './audit-entry.entity.js';
import { toAuditEntryResponse, type AuditEntryResponse, type ListAuditQuery } from './dto/audit.dto.js';

const DEFAULT_PAGE_SIZE = 50;

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
    // A plain INSERT: every audited write pays for it, and TypeORM's insert cost more CPU (building the
    // statement, reading back the generated id and time nobody uses) than PostgreSQL spent storing it.
    await manager.query(
      `INSERT INTO audit_entry (actor_id, actor_email, action, entity, entity_id, summary, request_id, ip) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        entry.actor?.id ?? null,
        entry.actor?.email ?? null,
        entry.action,
        entry.entity,
        entry.entityId ?? null,
        JSON.stringify(entry.summary ?? {}),
        ctx?.requestId ?? null,
        ctx?.ip ?? null,
      ],
    );
  }

  /** Newest first (by id, which only grows), filtered; `nextCursor` continues after the last entry. */
  async list(query: ListAuditQuery): Promise<Page<AuditEntryResponse>> {
    const after = decodeCursor(query.cursor, { id: 'bigint' });
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const where: FindOptionsWhere<AuditEntry> = {
      ...(query.action ? { action: query.action } : {}),
      ...(query.entity ? { entity: query.entity } : {}),
      ...(query.entityId ? { entityId: query.entityId } : {}),
      ...(query.actorId ? { actorId: query.actorId } : {}),
      ...(after ? { id: LessThan(after.id) } : {}),
      ...(query.from || query.to ? { at: timeRange(query.from, query.to) } : {}),
    };
    const rows = await this.dataSource.getRepository(AuditEntry).find({ where, order: { id: 'DESC' }, take: limit + 1 });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items: items.map(toAuditEntryResponse), nextCursor: rows.length > limit && last ? encodeCursor({ id: last.id }) : null };
  }
}

/** `from` inclusive, `to` exclusive. */
function timeRange(from: string | undefined, to: string | undefined): FindOperator<Date> {
  const bounds = [from ? MoreThanOrEqual(new Date(from)) : null, to ? LessThan(new Date(to)) : null].filter((b) => b !== null);
  return bounds.length === 1 ? bounds[0] : And(...bounds);
}
