// "What readers see has changed": a PostgreSQL notification sent inside the writing transaction, so
// every app process hears it exactly when (and only if) the change commits.
import type { EntityManager } from 'typeorm';

export const CONTENT_CHANNEL = 'masthead_content_changed';

export async function notifyContentChanged(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_notify($1, $2)', [CONTENT_CHANNEL, '']);
}
