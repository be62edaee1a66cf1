// The editorial workflow (contract table) as data: which action moves a story from which states to
// which, and which permission it needs. Pure, so the rules are unit-tested without a database.
import { Permission } from '../access/permissions.js';

export const ARTICLE_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'unpublished', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const WORKFLOW_ACTIONS = ['submit', 'request-changes', 'publish', 'schedule', 'unschedule', 'unpublish', 'archive'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export interface Transition {
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  permission: Permission;
}

export const TRANSITIONS: Readonly<Record<WorkflowAction, Transition>> = {
  submit: { from: ['draft', 'unpublished'], to: 'in_review', permission: Permission.ArticleSubmit },
  'request-changes': { from: ['in_review'], to: 'draft', permission: Permission.ArticlePublish },
  publish: { from: ['draft', 'in_review', 'scheduled', 'unpublished', 'published'], to: 'published', permission: Permission.ArticlePublish },
  schedule: { from: ['draft', 'in_review'], to: 'scheduled', permission: Permission.ArticleSchedule },
  unschedule: { from: ['scheduled'], to: 'draft', permission: Permission.ArticleSchedule },
  unpublish: { from: ['published'], to: 'unpublished', permission: Permission.ArticleUnpublish },
  // "Any but published": archiving an archived story would be a no-op, so archived is left out too.
  archive: { from: ['draft', 'in_review', 'scheduled', 'unpublished'], to: 'archived', permission: Permission.ArticleArchive },
};

export type TransitionCheck =
  | { ok: true; to: ArticleStatus }
  | { ok: false; reason: 'forbidden'; permission: Permission }
  | { ok: false; reason: 'state'; status: ArticleStatus };

/**
 * Whether `action` may be taken on a story in `status` by someone holding `permissions`. The
 * caller has already established that the user may touch the story at all (else it is a 404).
 */
export function checkTransition(status: ArticleStatus, action: WorkflowAction, permissions: ReadonlySet<Permission>): TransitionCheck {
  const transition = TRANSITIONS[action];
  if (!permissions.has(transition.permission)) return { ok: false, reason: 'forbidden', permission: transition.permission };
  if (!transition.from.includes(status)) return { ok: false, reason: 'state', status };
  return { ok: true, to: transition.to };
}

/** The actions this user may take now, in table order (what a client shows as buttons). */
export function allowedActions(status: ArticleStatus, permissions: ReadonlySet<Permission>): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => checkTransition(status, action, permissions).ok);
}

export const isArticleStatus = (value: string): value is ArticleStatus => (ARTICLE_STATUSES as readonly string[]).includes(value);
