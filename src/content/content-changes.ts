// "What readers see has changed": a PostgreSQL notification sent inside the writing transaction, so
// every app process (this one included) hears it exactly when, and only if, the change commits. An
// ordinary editorial-event subscriber; ContentCache listens on the channel.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AfterEditorialCommit, OnEditorialEvent } from '../events/editorial-event-bus.js';
import { CONTENT_CHANNEL, ContentCache } from './content-cache.service.js';
import type { StoryRevised } from '../events/editorial-events.js';

const READER_VISIBLE = ['story.published', 'story.withdrawn', 'section.changed', 'story.embargo-changed'] as const;

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

  /**
   * A photo an embargoed story uses stays private even where a published story shows it, so a new
   * revision of an embargoed story (a photo added) may change what readers see of other stories.
   */
  @OnEditorialEvent('story.revised')
  async embargoedStoryRevised(event: StoryRevised, manager: EntityManager): Promise<void> {
    const [row] = await manager.query<Array<{ embargoed: boolean | null }>>(`SELECT embargo_until > now() AS embargoed FROM article WHERE id = $1`, [
      event.articleId,
    ]);
    if (row?.embargoed) await manager.query('SELECT pg_notify($1, $2)', [CONTENT_CHANNEL, '']);
  }
}
