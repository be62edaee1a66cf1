import { Permission } from '../access/permissions.js';
import {
  ARTICLE_STATUSES,
  allowedActions,
  checkTransition,
  TRANSITIONS,
  WORKFLOW_ACTIONS,
  type ArticleStatus,
  type WorkflowAction,
} from './workflow.js';

const contributor = new Set([Permission.ArticleCreate, Permission.ArticleEditOwn, Permission.ArticleSubmit, Permission.MediaUpload]);
const author = new Set([...contributor, Permission.ArticlePublish, Permission.ArticleSchedule, Permission.ArticleUnpublish]);
const editor = new Set([...author, Permission.ArticleEditAny, Permission.ArticleArchive, Permission.ArticleDelete]);

describe('workflow transitions', () => {
  it.each<[WorkflowAction, ArticleStatus, ArticleStatus]>([
    ['submit', 'draft', 'in_review'],
    ['submit', 'unpublished', 'in_review'],
    ['request-changes', 'in_review', 'draft'],
    ['publish', 'draft', 'published'],
    ['publish', 'in_review', 'published'],
    ['publish', 'scheduled', 'published'],
    ['publish', 'unpublished', 'published'],
    ['publish', 'published', 'published'],
    ['schedule', 'draft', 'scheduled'],
    ['schedule', 'in_review', 'scheduled'],
    ['unschedule', 'scheduled', 'draft'],
    ['unpublish', 'published', 'unpublished'],
    ['archive', 'draft', 'archived'],
    ['archive', 'in_review', 'archived'],
    ['archive', 'scheduled', 'archived'],
    ['archive', 'unpublished', 'archived'],
  ])('%s moves a %s story to %s', (action, from, to) => {
    expect(checkTransition(from, action, editor)).toEqual({ ok: true, to });
  });

  it('allows exactly the contract table and nothing else', () => {
    const allowed: string[] = [];
    for (const action of WORKFLOW_ACTIONS)
      for (const status of ARTICLE_STATUSES) if (checkTransition(status, action, editor).ok) allowed.push(`${action}:${status}`);
    expect(allowed).toHaveLength(16);
    expect(allowed).not.toContain('archive:published');
    expect(allowed).not.toContain('submit:in_review');
    expect(allowed).not.toContain('unpublish:draft');
    expect(allowed).not.toContain('schedule:published');
  });

  it('reports a missing permission before the state', () => {
    expect(checkTransition('published', 'submit', new Set())).toEqual({ ok: false, reason: 'forbidden', permission: Permission.ArticleSubmit });
    expect(checkTransition('draft', 'publish', contributor)).toEqual({ ok: false, reason: 'forbidden', permission: Permission.ArticlePublish });
  });

  it('reports a state that does not allow the action', () => {
    expect(checkTransition('published', 'submit', contributor)).toEqual({ ok: false, reason: 'state', status: 'published' });
    expect(checkTransition('archived', 'publish', editor)).toEqual({ ok: false, reason: 'state', status: 'archived' });
  });

  it('needs the permission the contract names for each action', () => {
    expect(TRANSITIONS['request-changes'].permission).toBe(Permission.ArticlePublish);
    expect(TRANSITIONS.unschedule.permission).toBe(Permission.ArticleSchedule);
    expect(TRANSITIONS.archive.permission).toBe(Permission.ArticleArchive);
  });
});

describe('allowedActions', () => {
  it('gives a contributor only submit on a draft', () => {
    expect(allowedActions('draft', contributor)).toEqual(['submit']);
  });

  it('gives an author publish and schedule but not archive on a draft', () => {
    expect(allowedActions('draft', author)).toEqual(['submit', 'publish', 'schedule']);
  });

  it('gives an editor the review actions on a story in review', () => {
    expect(allowedActions('in_review', editor)).toEqual(['request-changes', 'publish', 'schedule', 'archive']);
  });

  it('gives republish and unpublish on a published story', () => {
    expect(allowedActions('published', editor)).toEqual(['publish', 'unpublish']);
  });

  it('gives nothing on an archived story', () => {
    expect(allowedActions('archived', editor)).toEqual([]);
  });
});
