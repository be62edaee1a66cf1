// The webhook vocabulary, and how editorial events become webhook events. Pure: no database.
import type { StoryPublished, StoryWithdrawn } from '../../events/editorial-events.js';

export const WEBHOOK_EVENT_TYPES = [
  'story.published',
  'story.updated',
  'story.unpublished',
  'story.deleted',
  'story.corrected',
  'media.updated',
  'section.changed',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_DESCRIPTIONS: Readonly<Record<WebhookEventType, string>> = {
  'story.published': 'A story went live: its first publication, or a republication after it was taken down.',
  'story.updated': 'What readers see of a live story changed: republished with changes, a photo’s words, or a section move.',
  'story.unpublished': 'A story was taken down (unpublished or archived).',
  'story.deleted': 'A story that was live was deleted.',
  'story.corrected': 'A correction notice was appended to a live story.',
  'media.updated': 'The caption, credit or file of a photo that a live story shows changed.',
  'section.changed': 'A section was created, renamed, moved or deleted.',
};

/** The payload (contract): what happened, when, and to which object. */
export interface WebhookPayload {
  type: WebhookEventType;
  /** ISO 8601, when the change was made. */
  timestamp: string;
  data: WebhookPayloadData;
}

export interface WebhookPayloadData {
  /** The story's, photo's or section's id. */
  id: string;
  /** The story's (or section's) slug; null for a photo and for a deleted section. */
  slug: string | null;
  /** The story's address on the reader site (where it was, once withdrawn); null for photos and sections. */
  url: string | null;
  /** The story's or photo's version (its ETag in the admin API); null for sections. */
  version: number | null;
  /** section.changed only. */
  change?: 'created' | 'updated' | 'deleted';
}

/** A live version was written: a first publication, a correction, or any other change readers see. */
export function publishedEventType(event: Pick<StoryPublished, 'firstPublication' | 'cause'>): WebhookEventType {
  if (event.firstPublication) return 'story.published';
  return event.cause === 'correction' ? 'story.corrected' : 'story.updated';
}

export function withdrawnEventType(event: Pick<StoryWithdrawn, 'cause'>): WebhookEventType {
  return event.cause === 'delete' ? 'story.deleted' : 'story.unpublished';
}
