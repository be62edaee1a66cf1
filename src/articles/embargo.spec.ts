import { Permission } from '../access/permissions.js';
import { actionsNow, checkEmbargoChange, earliestPublishTime, isEmbargoed, type EmbargoState } from './embargo.js';

const now = new Date('2026-11-30T08:00:00Z');
const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
const writer = new Set([Permission.ArticleEditOwn]);
const publisher = new Set([Permission.ArticleEditOwn, Permission.ArticlePublish]);
const draft = (embargoUntil: Date | null = null): EmbargoState => ({ status: 'draft', scheduledAt: null, embargoUntil });

describe('checkEmbargoChange', () => {
  it('lets a writer set or extend an embargo on a draft', () => {
    expect(checkEmbargoChange(draft(), later(2), now, writer)).toBeNull();
    expect(checkEmbargoChange(draft(later(2)), later(5), now, writer)).toBeNull();
  });

  it('keeps lifting or shortening an embargo for publishers', () => {
    expect(checkEmbargoChange(draft(later(2)), null, now, writer)).toEqual({ kind: 'lift-forbidden' });
    expect(checkEmbargoChange(draft(later(2)), later(1), now, writer)).toEqual({ kind: 'lift-forbidden' });
    expect(checkEmbargoChange(draft(later(2)), null, now, publisher)).toBeNull();
    expect(checkEmbargoChange(draft(later(2)), later(1), now, publisher)).toBeNull();
  });

  it('treats an embargo that has passed as none: anyone may clear it', () => {
    expect(checkEmbargoChange(draft(later(-1)), null, now, writer)).toBeNull();
  });

  it('refuses a time that has already passed', () => {
    expect(checkEmbargoChange(draft(), later(-1), now, publisher)).toEqual({ kind: 'past' });
    expect(checkEmbargoChange(draft(), now, now, publisher)).toEqual({ kind: 'past' });
  });

  it('refuses to embargo a story readers can already see', () => {
    expect(checkEmbargoChange({ status: 'published', scheduledAt: null, embargoUntil: null }, later(1), now, publisher)).toEqual({ kind: 'public' });
  });

  it('refuses an embargo ending after the story is scheduled to go out', () => {
    const scheduled: EmbargoState = { status: 'scheduled', scheduledAt: later(3), embargoUntil: null };
    expect(checkEmbargoChange(scheduled, later(4), now, publisher)).toEqual({ kind: 'after-schedule', scheduledAt: later(3) });
    expect(checkEmbargoChange(scheduled, later(3), now, publisher)).toBeNull();
  });
});

describe('isEmbargoed and earliestPublishTime', () => {
  it('holds until the embargo time, not after', () => {
    expect(isEmbargoed(later(1), now)).toBe(true);
    expect(isEmbargoed(now, now)).toBe(false);
    expect(isEmbargoed(null, now)).toBe(false);
    expect(earliestPublishTime(later(1), now)).toEqual(later(1));
    expect(earliestPublishTime(later(-1), now)).toBeNull();
  });
});

describe('actionsNow', () => {
  it('offers no publish while the embargo holds, and the rest of the table unchanged', () => {
    const editor = new Set([Permission.ArticleEditAny, Permission.ArticlePublish, Permission.ArticleSchedule, Permission.ArticleArchive, Permission.ArticleSubmit]);
    expect(actionsNow({ status: 'in_review', embargoUntil: later(1) }, editor, now)).toEqual(['request-changes', 'schedule', 'archive']);
    expect(actionsNow({ status: 'in_review', embargoUntil: later(-1) }, editor, now)).toEqual(['request-changes', 'publish', 'schedule', 'archive']);
  });
});
