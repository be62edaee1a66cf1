import { NotFoundProblem } from '../common/problem.js';
import { assertMayTouch, mayTouch, ownerScope, ownsResource, STORY_REACH, type Reach } from './resource-access.js';
import type { AuthUser } from './auth-user.js';
import { Permission } from './permissions.js';

const user = (id: string, permissions: Permission[]): AuthUser => ({
  id,
  email: `${id}@x`,
  displayName: id,
  roles: [],
  permissions: new Set(permissions),
});

describe('resource access', () => {
  const author = user('author-1', [Permission.ArticleEditOwn]);
  const editor = user('editor-1', [Permission.ArticleEditAny]);
  const stranger = user('stranger-1', [Permission.ArticleEditOwn]);
  const reader = user('reader-1', []);
  const story = { createdById: 'author-1', authorIds: ['coauthor-1'] };

  it('counts the creator and credited authors as owners', () => {
    expect(ownsResource(author, story)).toBe(true);
    expect(ownsResource(user('coauthor-1', []), story)).toBe(true);
    expect(ownsResource(stranger, story)).toBe(false);
    expect(ownsResource(stranger, { createdById: null })).toBe(false);
  });

  it('lets "any" holders touch everything and "own" holders only their own', () => {
    expect(mayTouch(editor, story, STORY_REACH)).toBe(true);
    expect(mayTouch(author, story, STORY_REACH)).toBe(true);
    expect(mayTouch(user('coauthor-1', [Permission.ArticleEditOwn]), story, STORY_REACH)).toBe(true);
    expect(mayTouch(stranger, story, STORY_REACH)).toBe(false);
    // Owning without the "own" permission is not enough.
    expect(mayTouch(user('author-1', []), story, STORY_REACH)).toBe(false);
    expect(mayTouch(reader, story, STORY_REACH)).toBe(false);
  });

  it('takes the permissions to check from the kind of object (e.g. photos)', () => {
    const photo = { createdById: 'author-1' };
    const PHOTO_REACH: Reach = { any: Permission.MediaEdit, own: Permission.MediaUpload };
    expect(mayTouch(author, photo, PHOTO_REACH)).toBe(false);
    expect(mayTouch(user('author-1', [Permission.MediaUpload]), photo, PHOTO_REACH)).toBe(true);
    expect(mayTouch(user('desk', [Permission.MediaEdit]), photo, PHOTO_REACH)).toBe(true);
  });

  it('answers 404, not 403, for something the user may not touch or that does not exist', () => {
    expect(() => assertMayTouch(author, story, 'Article', STORY_REACH)).not.toThrow();
    expect(() => assertMayTouch(stranger, story, 'Article', STORY_REACH)).toThrow(NotFoundProblem);
    expect(() => assertMayTouch(editor, null, 'Article', STORY_REACH)).toThrow(NotFoundProblem);
    const caught = (() => {
      try {
        assertMayTouch(stranger, story, 'Article', STORY_REACH);
        return null;
      } catch (e) {
        return e as NotFoundProblem;
      }
    })();
    expect(caught?.getStatus()).toBe(404);
    expect(caught?.detail).toBe('Article was not found.');
  });

  it('narrows listings to the caller\'s own objects unless the "any" permission covers all', () => {
    expect(ownerScope(editor, STORY_REACH)).toBeUndefined();
    expect(ownerScope(author, STORY_REACH)).toBe('author-1');
  });
});
