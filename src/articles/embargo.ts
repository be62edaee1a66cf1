// Embargo: a time before which a story must not be public. The rules are pure so they can be
// tested on their own; ArticlesService and ArticleWorkflowService turn refusals into problems.
import { Permission } from '../access/permissions.js';
import { allowedActions, type ArticleStatus, type WorkflowAction } from './workflow.js';

export interface EmbargoState {
  status: ArticleStatus;
  scheduledAt: Date | null;
  embargoUntil: Date | null;
}

export type EmbargoRefusal =
  /** 422 on embargoUntil: an embargo that has already passed holds nothing back. */
  | { kind: 'past' }
  /** 409: readers can already see the story; take it down first. */
  | { kind: 'public' }
  /** 422 on embargoUntil: the story would be published by its schedule before the embargo ends. */
  | { kind: 'after-schedule'; scheduledAt: Date }
  /** 403: lifting or shortening an embargo is a publishing decision (article.publish). */
  | { kind: 'lift-forbidden' };

/** True while the embargo holds. */
export const isEmbargoed = (embargoUntil: Date | null, now: Date): boolean => embargoUntil !== null && embargoUntil > now;

/**
 * Whether `next` may replace the story's embargo. Anyone who may edit the story may set or
 * extend one (a writer copies it from the agency's wire); only a publisher may lift or shorten one.
 */
export function checkEmbargoChange(story: EmbargoState, next: Date | null, now: Date, permissions: ReadonlySet<Permission>): EmbargoRefusal | null {
  const current = isEmbargoed(story.embargoUntil, now) ? story.embargoUntil : null;
  if (next !== null && next <= now) return { kind: 'past' };
  if (current && (next === null || next < current) && !permissions.has(Permission.ArticlePublish)) return { kind: 'lift-forbidden' };
  if (next === null) return null;
  if (story.status === 'published') return { kind: 'public' };
  if (story.status === 'scheduled' && story.scheduledAt && story.scheduledAt < next) return { kind: 'after-schedule', scheduledAt: story.scheduledAt };
  return null;
}

/** A schedule must not fire before the embargo ends: the earliest allowed time, or null when any time will do. */
export function earliestPublishTime(embargoUntil: Date | null, now: Date): Date | null {
  return isEmbargoed(embargoUntil, now) ? embargoUntil : null;
}

/** The workflow actions open to this user now: the table's, less `publish` while an embargo holds. */
export function actionsNow(story: Pick<EmbargoState, 'status' | 'embargoUntil'>, permissions: ReadonlySet<Permission>, now = new Date()): WorkflowAction[] {
  const embargoed = isEmbargoed(story.embargoUntil, now);
  return allowedActions(story.status, permissions).filter((action) => action !== 'publish' || !embargoed);
}
