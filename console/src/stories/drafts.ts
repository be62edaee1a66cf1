// Unsaved edits survive a closed tab, a crash or an expired session: each change is kept in
// localStorage (per story) until the server has it.
import type { EditableStory } from './editable';

export interface LocalDraft {
  story: EditableStory;
  /** The story as it was at baseVersion, to tell what the edits changed. */
  baseStory: EditableStory;
  /** The version and revision the edits started from (a save sends this version in If-Match). */
  baseVersion: number;
  baseRevision: number;
  savedAt: string;
}

const key = (storyId: string) => `masthead.draft.${storyId}`;

export function loadDraft(storyId: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(key(storyId));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function keepDraft(storyId: string, draft: Omit<LocalDraft, 'savedAt'>): void {
  try {
    localStorage.setItem(key(storyId), JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
  } catch {
    // Storage full or disabled: the edits still live in the page.
  }
}

export function dropDraft(storyId: string): void {
  localStorage.removeItem(key(storyId));
}
