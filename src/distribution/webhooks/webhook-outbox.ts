// Turns editorial events into outbox rows, one per subscribed endpoint, written in the transaction
// that makes the change: a write that rolls back queues nothing, and one that commits cannot lose
// its webhooks. After the commit this process's workers are woken at once; the NOTIFY written with
// the rows wakes every other process (and this one again, harmlessly).
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import type { PhotoChanged, SectionChanged, StoryPublished, StoryWithdrawn } from '../../events/editorial-events.js';
import { AfterEditorialCommit, OnEditorialEvent } from '../../events/editorial-event-bus.js';
import { readerUrl } from '../reader-urls.js';
import { publishedEventType, withdrawnEventType, type WebhookEventType, type WebhookPayloadData } from './webhook-events.js';
import { WebhookDeliveryWorker } from './webhook-delivery.worker.js';
import { WebhooksRepository } from './webhooks.repository.js';

@Injectable()
export class WebhookOutbox {
  /** Set when this process queued something; cleared by the wake-up after commit. */
  private queued = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: WebhooksRepository,
    private readonly worker: WebhookDeliveryWorker,
  ) {}

  @OnEditorialEvent('story.published')
  async storyPublished(event: StoryPublished, manager: EntityManager): Promise<void> {
    await this.queue(manager, publishedEventType(event), async () => {
      const story = await this.storyData(manager, event.articleId, null);
      return story ? [story] : [];
    });
  }

  @OnEditorialEvent('story.withdrawn')
  async storyWithdrawn(event: StoryWithdrawn, manager: EntityManager): Promise<void> {
    await this.queue(manager, withdrawnEventType(event), async () => {
      const story = await this.storyData(manager, event.articleId, { slug: event.slug, categoryId: event.categoryId });
      return story ? [story] : [];
    });
  }

  /** Only photos readers can see: one message per photo a live story shows. */
  @OnEditorialEvent('photo.changed')
  async photoChanged(event: PhotoChanged, manager: EntityManager): Promise<void> {
    if (event.mediaIds.length === 0) return;
    await this.queue(manager, 'media.updated', async () =>
      (await this.repository.livePhotos(manager, event.mediaIds)).map((photo) => ({ id: photo.id, slug: null, url: null, version: photo.version })),
    );
  }

  @OnEditorialEvent('section.changed')
  async sectionChanged(event: SectionChanged, manager: EntityManager): Promise<void> {
    await this.queue(manager, 'section.changed', async () => [
      { id: event.categoryId, slug: await this.repository.sectionSlug(manager, event.categoryId), url: null, version: null, change: event.change },
    ]);
  }

  @AfterEditorialCommit(['story.published', 'story.withdrawn', 'photo.changed', 'section.changed'])
  wakeWorkers(): void {
    if (!this.queued) return;
    this.queued = false;
    this.worker.wake();
  }

  /** Describes the change only when some endpoint wants it: with no endpoints, one cheap query. */
  private async queue(manager: EntityManager, type: WebhookEventType, describe: () => Promise<WebhookPayloadData[]>): Promise<void> {
    const endpoints = await this.repository.subscribers(manager, type);
    if (endpoints.length === 0) return;
    const timestamp = new Date().toISOString();
    const bodies = (await describe()).map((data) => JSON.stringify({ type, timestamp, data }));
    if (bodies.length === 0) return;
    await this.repository.enqueue(manager, endpoints, type, bodies);
    this.queued = true;
  }

  private async storyData(
    manager: EntityManager,
    articleId: string,
    withdrawn: { slug: string; categoryId: string | null } | null,
  ): Promise<WebhookPayloadData | null> {
    const story = await this.repository.storyFacts(manager, articleId, withdrawn);
    if (!story?.slug) return null;
    const url = readerUrl(this.config.publicSite, { slug: story.slug, sectionSlug: story.sectionSlug, publishedAt: story.publishedAt ?? new Date() });
    return { id: articleId, slug: story.slug, url, version: story.version };
  }
}
