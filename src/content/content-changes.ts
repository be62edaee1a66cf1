// "What readers see has changed": a PostgreSQL notification sent inside the writing transaction, so
// every app process (this one included) hears it exactly when, and only if, the change commits. An
// ordinary editorial-event subscriber; ContentCache listens on the channel.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OnEditorialEvent } from '../events/editorial-event-bus.js';
import type { StoryRevised } from '../events/editorial-events.js';

export const CONTENT_CHANNEL = 'masthead_content_changed';

@Injectable()
export class ContentChangeNotifier {
  /**
   * PostgreSQL folds identical notifications of one transaction into one, so a transaction that
   * publishes many stories still empties each cache once.
   */
  @OnEditorialEvent(['story.published', 'story.withdrawn', 'section.changed', 'story.embargo-changed'])
  async readersSeeAChange(_event: unknown, manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_notify($1, $2)', [CONTENT_CHANNEL, '']);
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
