// Keeps the index in step with stories: an ordinary subscriber of the editorial events. It runs in
// the writing transaction, so a story and its index entry commit together, and an index failure
// rolls the write back.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StoryPublished, StoryRevised, StoryWithdrawn } from '../events/editorial-events.js';
import { OnEditorialEvent } from '../events/editorial-event-bus.js';
import { SearchIndexService } from './search-index.service.js';

@Injectable()
export class StoryIndexSync {
  constructor(private readonly index: SearchIndexService) {}

  /** Editors search working copies. */
  @OnEditorialEvent('story.revised')
  async workingCopyRevised(event: StoryRevised, manager: EntityManager): Promise<void> {
    await this.index.syncWorkingCopy(manager, event.articleId);
  }

  /** Readers search what is live. */
  @OnEditorialEvent('story.published')
  async liveVersionWritten(event: StoryPublished, manager: EntityManager): Promise<void> {
    await this.index.syncPublished(manager, event.articleId);
  }

  @OnEditorialEvent('story.withdrawn')
  async liveVersionRemoved(event: StoryWithdrawn, manager: EntityManager): Promise<void> {
    await this.index.removePublished(manager, event.articleId);
  }
}
