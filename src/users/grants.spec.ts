import { ALL_PERMISSIONS, Permission } from '../access/permissions.js';
import { ForbiddenProblem } from '../common/problem.js';
import {
  assertWithinOwnPermissions,
  BUILT_IN_ROLE_CORE_GRANTS,
  coreGrantsOf,
  missingCoreGrants,
  permissionsBeyond,
  permissionsOf,
} from './grants.js';

describe('built-in role core grants', () => {
  it('follow the newsroom model: each role includes the one below it, admin holds everything', () => {
    const { contributor, author, editor, admin } = BUILT_IN_ROLE_CORE_GRANTS;
    expect(author).toEqual(expect.arrayContaining([...contributor]));
    expect(editor).toEqual(expect.arrayContaining([...author]));
    expect([...admin].sort()).toEqual([...ALL_PERMISSIONS].sort());
    expect(editor).not.toContain(Permission.UserManage);
    expect(author).not.toContain(Permission.ArticleEditAny);
  });

  it('protect built-in roles only', () => {
    expect(coreGrantsOf({ name: 'editor', builtIn: true })).toContain(Permission.ArticleEditAny);
    expect(coreGrantsOf({ name: 'editor', builtIn: false })).toEqual([]);
    expect(coreGrantsOf({ name: 'copy-desk', builtIn: false })).toEqual([]);
  });

  it('name the grants a change would strip', () => {
    const contributor = { name: 'contributor', builtIn: true };
    expect(missingCoreGrants(contributor, [...BUILT_IN_ROLE_CORE_GRANTS.contributor, Permission.ImportRun])).toEqual([]);
    expect(missingCoreGrants(contributor, [Permission.ArticleCreate, Permission.ArticleSubmit])).toEqual([
      Permission.ArticleEditOwn,
      Permission.MediaUpload,
    ]);
  });
});

describe('permissionsOf', () => {
  it('unions the roles and ignores values that are not permissions', () => {
    const set = permissionsOf([{ permissions: ['article.create', 'bogus'] }, { permissions: ['article.create', 'media.upload'] }]);
    expect([...set].sort()).toEqual([Permission.ArticleCreate, Permission.MediaUpload]);
  });
});

describe('no escalation', () => {
  const holder = new Set([Permission.UserManage, Permission.ArticleCreate]);

  it('lists the wanted permissions the actor lacks, once each', () => {
    expect(permissionsBeyond(holder, [Permission.ArticleCreate, Permission.RoleManage, Permission.RoleManage])).toEqual([Permission.RoleManage]);
    expect(permissionsBeyond(holder, [Permission.ArticleCreate])).toEqual([]);
  });

  it('throws a 403 naming the missing permissions', () => {
    expect(() => assertWithinOwnPermissions({ permissions: holder }, [Permission.ArticleCreate], 'give these roles')).not.toThrow();
    try {
      assertWithinOwnPermissions({ permissions: holder }, [Permission.AuditRead], 'give these roles');
      throw new Error('did not throw');
    } catch (e) {
      expect(e).toBeInstanceOf(ForbiddenProblem);
      expect((e as ForbiddenProblem).extensions).toEqual({ missingPermissions: [Permission.AuditRead] });
    }
  });
});
