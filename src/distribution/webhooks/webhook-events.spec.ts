import { publishedEventType, withdrawnEventType } from './webhook-events.js';

describe('webhook events from editorial events', () => {
  it('names a first publication story.published, a correction story.corrected and any other live change story.updated', () => {
    expect(publishedEventType({ firstPublication: true, cause: 'publish' })).toBe('story.published');
    expect(publishedEventType({ firstPublication: false, cause: 'publish' })).toBe('story.updated');
    expect(publishedEventType({ firstPublication: false, cause: 'photo' })).toBe('story.updated');
    expect(publishedEventType({ firstPublication: false, cause: 'section' })).toBe('story.updated');
    expect(publishedEventType({ firstPublication: false, cause: 'correction' })).toBe('story.corrected');
  });

  it('names unpublishing and archiving story.unpublished, and deleting story.deleted', () => {
    expect(withdrawnEventType({ cause: 'unpublish' })).toBe('story.unpublished');
    expect(withdrawnEventType({ cause: 'archive' })).toBe('story.unpublished');
    expect(withdrawnEventType({ cause: 'delete' })).toBe('story.deleted');
  });
});
