// "What readers see has changed": a PostgreSQL notification sent inside the writing transaction, so
// every app process (this one included) hears it exactly when, and only if, the change commits. An
// ordinary editorial-event subscriber; ContentCache listens on the channel.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OnEditorialEvent } from '../events/editorial-event-bus.js';

export const CONTENT_CHANNEL = 'masthead_content_changed';

@Injectable()
export class ContentChangeNotifier {
  /**
   * PostgreSQL folds identical notifications of one transaction into one, so a transaction that
   * publishes many stories still empties each cache once.
   */
  @OnEditorialEvent(['story.published', 'story.withdrawn', 'section.changed'])
  async readersSeeAChange(_event: unknown, manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_notify($1, $2)', [CONTENT_CHANNEL, '']);
  }
}
