// A subscriber for tests: records every editorial event, as emitted (in the transaction) and as
// committed. Add it with createTestApp({}, { providers: [EventRecorder] }).
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EDITORIAL_EVENT_TYPES, type EditorialEvent } from '../../src/events/editorial-events.js';
import { AfterEditorialCommit, OnEditorialEvent } from '../../src/events/editorial-event-bus.js';

@Injectable()
export class EventRecorder {
  readonly emitted: EditorialEvent[] = [];
  readonly committed: EditorialEvent[] = [];

  @OnEditorialEvent(EDITORIAL_EVENT_TYPES)
  async heard(event: EditorialEvent, _manager: EntityManager): Promise<void> {
    this.emitted.push(event);
  }

  @AfterEditorialCommit(EDITORIAL_EVENT_TYPES)
  afterCommit(event: EditorialEvent): void {
    this.committed.push(event);
  }

  clear(): void {
    this.emitted.length = 0;
    this.committed.length = 0;
  }
}
