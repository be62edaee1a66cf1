// Unsaved edits survive a closed tab, a crash or an expired session: each change is kept in
// localStorage (per user and story) until the server has it. Another user signing in on the same
// browser never gets them.
import { SEO_DEFAULTS, type EditableStory } from './editable';

export interface LocalDraft {
  story: EditableStory;
  /** The story as it was at baseVersion, to tell what the edits changed. */
  baseStory: EditableStory;
  /** The version and revision the edits started from (a save sends this version in If-Match). */
  baseVersion: number;
  baseRevision: number;
  savedAt: string;
}

/** Whose edits to which story. */
export interface DraftOwner {
  userId: string;
  storyId: string;
}

const key = ({ userId, storyId }: DraftOwner) => `masthead.draft.${userId}.${storyId}`;

export function loadDraft(owner: DraftOwner): LocalDraft | null {
  try {
    const raw = localStorage.getItem(key(owner));
    if (!raw) return null;
    const draft = JSON.parse(raw) as LocalDraft;
    // Kept by an older console: the fields it did not know are left as they were (empty on both sides).
    return { ...draft, story: { ...SEO_DEFAULTS, ...draft.story }, baseStory: { ...SEO_DEFAULTS, ...draft.baseStory } };
  } catch {
    return null;
  }
}

export function keepDraft(owner: DraftOwner, draft: Omit<LocalDraft, 'savedAt'>): void {
  try {
    localStorage.setItem(key(owner), JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
  } catch {
    // Storage full or disabled: the edits still live in the page.
  }
}

export function dropDraft(owner: DraftOwner): void {
  localStorage.removeItem(key(owner));
}
