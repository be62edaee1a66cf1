// The webhook events an endpoint can receive, in the order the console lists them, with their names.
// The Record makes the type checker fail when the API gains an event the console does not name.
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/i18n';
import type { WebhookEndpoint } from './hooks';

export type WebhookEventType = WebhookEndpoint['events'][number];

export const EVENT_LABELS: Readonly<Record<WebhookEventType, MessageKey>> = {
  'story.published': 'event.story.published',
  'story.updated': 'event.story.updated',
  'story.corrected': 'event.story.corrected',
  'story.unpublished': 'event.story.unpublished',
  'story.deleted': 'event.story.deleted',
  'media.updated': 'event.media.updated',
  'section.changed': 'event.section.changed',
};

export const EVENT_TYPES = Object.keys(EVENT_LABELS) as WebhookEventType[];

/** What a new endpoint receives unless the administrator chooses otherwise: everything about stories. */
export const DEFAULT_EVENTS: readonly WebhookEventType[] = EVENT_TYPES.filter((type) => type.startsWith('story.'));

/** `Story published, Correction appended` (or `稿件发布、追加更正`). */
export function eventNames(events: readonly WebhookEventType[], t: Translate, language: string): string {
  return new Intl.ListFormat(language, { style: 'narrow', type: 'conjunction' }).format(events.map((e) => t(EVENT_LABELS[e])));
}
