import { NotFoundProblem } from '../common/problem.js';
import { assertMayTouch, mayTouch, ownsResource } from './access.js';
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
    expect(mayTouch(editor, story)).toBe(true);
    expect(mayTouch(author, story)).toBe(true);
    expect(mayTouch(user('coauthor-1', [Permission.ArticleEditOwn]), story)).toBe(true);
    expect(mayTouch(stranger, story)).toBe(false);
    // Owning without the "own" permission is not enough.
    expect(mayTouch(user('author-1', []), story)).toBe(false);
    expect(mayTouch(reader, story)).toBe(false);
  });

  it('takes the permissions to check from the caller (e.g. media)', () => {
    const photo = { createdById: 'author-1' };
    expect(mayTouch(author, photo, Permission.MediaEdit, Permission.MediaUpload)).toBe(false);
    expect(mayTouch(user('author-1', [Permission.MediaUpload]), photo, Permission.MediaEdit, Permission.MediaUpload)).toBe(true);
    expect(mayTouch(user('desk', [Permission.MediaEdit]), photo, Permission.MediaEdit, Permission.MediaUpload)).toBe(true);
  });

  it('answers 404, not 403, for something the user may not touch or that does not exist', () => {
    expect(() => assertMayTouch(author, story, 'Article')).not.toThrow();
    expect(() => assertMayTouch(stranger, story, 'Article')).toThrow(NotFoundProblem);
    expect(() => assertMayTouch(editor, null, 'Article')).toThrow(NotFoundProblem);
    const caught = (() => {
      try {
        assertMayTouch(stranger, story, 'Article');
        return null;
      } catch (e) {
        return e as NotFoundProblem;
      }
    })();
    expect(caught?.getStatus()).toBe(404);
    expect(caught?.detail).toBe('Article was not found.');
  });
});
