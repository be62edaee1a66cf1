// "What readers see has changed": a PostgreSQL notification sent inside the writing transaction, so
// every app process (this one included) hears it exactly when, and only if, the change commits. An
// ordinary editorial-event subscriber; ContentCache listens on the channel.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AfterEditorialCommit, OnEditorialEvent } from '../events/editorial-event-bus.js';
import { CONTENT_CHANNEL, ContentCache } from './content-cache.service.js';

const READER_VISIBLE = ['story.published', 'story.withdrawn', 'section.changed'] as const;

@Injectable()
export class ContentChangeNotifier {
  constructor(private readonly cache: ContentCache) {}

  /**
   * PostgreSQL folds identical notifications of one transaction into one, so a transaction that
   * publishes many stories still empties each cache once.
   */
  @OnEditorialEvent(READER_VISIBLE)
  async readersSeeAChange(_event: unknown, manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_notify($1, $2)', [CONTENT_CHANNEL, '']);
  }

  /**
   * This process hears its own notification a moment after the commit; a reader's request right
   * after the writer's answer must not be served from before the change, so empty it now too.
   */
  @AfterEditorialCommit(READER_VISIBLE)
  changeCommitted(): void {
    this.cache.invalidate();
  }
}
