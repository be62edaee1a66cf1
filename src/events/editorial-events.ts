// What happened to the newsroom's published content, one typed event per change. Each is emitted
// inside the transaction that makes the change (see editorial-event-bus.ts); payloads carry ids and
// what a subscriber could not read back afterwards (a withdrawn story's last slug, say).

/** A story's working copy got a new revision (create, save, submit, publish, restore, import, refile). */
export interface StoryRevised {
  type: 'story.revised';
  articleId: string;
  revision: number;
}

/** Why a live version was (re)written. */
export type LiveCause = 'publish' | 'photo' | 'section' | 'correction';

/** What readers see of a story was written: its first publication, or a change to a live story. */
export interface StoryPublished {
  type: 'story.published';
  articleId: string;
  /** No live version existed before this write (a first publication, or a republication after unpublishing). */
  firstPublication: boolean;
  cause: LiveCause;
}

/** Why a live version was removed. */
export type WithdrawCause = 'unpublish' | 'archive' | 'delete';

/** A story left the public side. */
export interface StoryWithdrawn {
  type: 'story.withdrawn';
  articleId: string;
  /** The live version's slug and section, which are gone once it is removed. */
  slug: string;
  categoryId: string | null;
  cause: WithdrawCause;
}

/**
 * An editor set, moved or lifted a story's embargo (its passing with time announces nothing). Photos
 * an embargoed story uses stay private, so what readers see of other stories may change with it.
 */
export interface StoryEmbargoChanged {
  type: 'story.embargo-changed';
  articleId: string;
  /** ISO 8601; null when lifted. */
  embargoUntil: string | null;
}

/** A photo's words (caption, credit, …) or file changed. */
export interface PhotoChanged {
  type: 'photo.changed';
  mediaIds: readonly string[];
}

/** A section was created, renamed or moved in the tree, or deleted. */
export interface SectionChanged {
  type: 'section.changed';
  categoryId: string;
  change: 'created' | 'updated' | 'deleted';
}

/**
 * A section is being merged into another and will be deleted: what is filed under it moves there.
 * Emitted before the section's row goes, so subscribers refile in the same transaction.
 */
export interface SectionMerged {
  type: 'section.merged';
  categoryId: string;
  into: string;
  /** The editor who merged them; null for the system. */
  actorId: string | null;
  /** Why, in words for the revision history. */
  note: string;
}

export type EditorialEvent = StoryRevised | StoryPublished | StoryWithdrawn | StoryEmbargoChanged | PhotoChanged | SectionChanged | SectionMerged;
export type EditorialEventType = EditorialEvent['type'];
export type EditorialEventOf<T extends EditorialEventType> = Extract<EditorialEvent, { type: T }>;

/** Every type, for subscribers that hear them all (an audit trail, a test's recorder). */
export const EDITORIAL_EVENT_TYPES: readonly EditorialEventType[] = [
  'story.revised',
  'story.published',
  'story.withdrawn',
  'story.embargo-changed',
  'photo.changed',
  'section.changed',
  'section.merged',
];
