// "What readers see has changed": a PostgreSQL notification sent inside the writing transaction, so
// every app process hears it exactly when (and only if) the change commits.
import type { EntityManager } from 'typeorm';

export const CONTENT_CHANNEL = 'masthead_content_changed';

/**
 * Marks the transaction, so the process that commits it empties its own cache as the commit returns
 * (src/content/content-cache.service.ts): its own notification reaches it only a little later, and a
 * read right after the write must not be served from before it.
 */
export const CONTENT_CHANGED_MARK = 'masthead.contentChanged';

export async function notifyContentChanged(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_notify($1, $2)', [CONTENT_CHANNEL, '']);
  if (manager.queryRunner) manager.queryRunner.data[CONTENT_CHANGED_MARK] = true;
}
