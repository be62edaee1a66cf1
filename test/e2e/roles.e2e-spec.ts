// Roles and permissions: the seeded built-in roles, custom roles, and the rules protecting both.
import request from 'supertest';
import { ALL_PERMISSIONS, Permission } from '../../src/access/permissions.js';
import { BUILT_IN_ROLE_CORE_GRANTS } from '../../src/users/grants.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { createUser, login, type TestUser } from '../support/users.js';

interface RoleBody {
  id: string;
  name: string;
  builtIn: boolean;
  permissions: string[];
  corePermissions: string[];
  userCount: number;
}

describe('roles and permissions', () => {
  let t: TestApp;
  let admin: TestUser;
  const asAdmin = () => ({ Authorization: admin.auth });
  const roles = async () => (await request(t.http).get('/api/admin/roles').set(asAdmin()).expect(200)).body.items as RoleBody[];
  const roleNamed = async (name: string) => (await roles()).find((r) => r.name === name)!;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t, ['admin']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every permission with a description', async () => {
    const res = await request(t.http).get('/api/admin/permissions').set(asAdmin()).expect(200);
    expect((res.body.items as Array<{ name: string }>).map((p) => p.name).sort()).toEqual([...ALL_PERMISSIONS].sort());
    expect((res.body.items as Array<{ description: string }>).every((p) => p.description.length > 5)).toBe(true);
    expect(res.body.nextCursor).toBeNull();
  });

  it('lists the four built-in roles seeded by migration with exactly their core grants', async () => {
    const builtIn = (await roles()).filter((r) => r.builtIn);
    expect(builtIn.map((r) => r.name).sort()).toEqual(['admin', 'author', 'contributor', 'editor']);
    for (const role of builtIn) {
      expect(role.permissions).toEqual([...BUILT_IN_ROLE_CORE_GRANTS[role.name]].sort());
      expect(role.corePermissions).toEqual(role.permissions);
    }
    expect((await roleNamed('admin')).userCount).toBe(1);
  });

  describe('custom roles', () => {
    it('creates a role from known permissions, which takes effect for its holders at once', async () => {
      const res = await request(t.http)
        .post('/api/admin/roles')
        .set(asAdmin())
        .send({ name: 'copy-desk', description: 'Sub-editors', permissions: ['article.edit.any', 'article.create', 'article.edit.any'] })
        .expect(201);
      expect(res.body).toMatchObject({
        name: 'copy-desk',
        builtIn: false,
        permissions: ['article.create', 'article.edit.any'],
        corePermissions: [],
        userCount: 0,
      });
      const sub = await createUser(t, ['copy-desk']);
      await request(t.http).get('/api/admin/audit').set('Authorization', sub.auth).expect(403);
      await request(t.http)
        .patch(`/api/admin/roles/${res.body.id}`)
        .set(asAdmin())
        .send({ permissions: ['article.create', 'article.edit.any', 'audit.read'] })
        .expect(200);
      // The same access token, unchanged: permissions are read fresh on every request.
      await request(t.http).get('/api/admin/audit').set('Authorization', sub.auth).expect(200);
      const me = await request(t.http).get('/api/auth/me').set('Authorization', sub.auth).expect(200);
      expect(me.body.permissions).toEqual(['article.create', 'article.edit.any', 'audit.read']);
    });

    it('refuses unknown permissions with 422 on the permissions field', async () => {
      const res = await request(t.http)
        .post('/api/admin/roles')
        .set(asAdmin())
        .send({ name: 'night-desk', permissions: ['article.create', 'article.nuke'] })
        .expect(422);
      expect(res.body.errors).toEqual([{ field: 'permissions', message: expect.stringContaining('known permission') }]);
      const role = await request(t.http).post('/api/admin/roles').set(asAdmin()).send({ name: 'night-desk', permissions: [] }).expect(201);
      await request(t.http)
        .patch(`/api/admin/roles/${role.body.id}`)
        .set(asAdmin())
        .send({ permissions: ['superpowers'] })
        .expect(422);
    });

    it('refuses a taken or malformed name', async () => {
      const taken = await request(t.http).post('/api/admin/roles').set(asAdmin()).send({ name: 'editor', permissions: [] }).expect(409);
      expect(taken.body.type).toBe('/problems/role-name-taken');
      await request(t.http).post('/api/admin/roles').set(asAdmin()).send({ name: 'Has Spaces', permissions: [] }).expect(422);
      await request(t.http).post('/api/admin/roles').set(asAdmin()).send({ name: 'x', permissions: [] }).expect(422);
    });

    it('deletes a role nobody holds, and refuses one that is still held', async () => {
      const role = await request(t.http)
        .post('/api/admin/roles')
        .set(asAdmin())
        .send({ name: 'stringers', permissions: ['article.create'] })
        .expect(201);
      const holder = await createUser(t, ['stringers']);
      const inUse = await request(t.http).delete(`/api/admin/roles/${role.body.id}`).set(asAdmin()).expect(409);
      expect(inUse.body).toMatchObject({ type: '/problems/role-in-use', userCount: 1 });
      await request(t.http).patch(`/api/admin/users/${holder.id}`).set(asAdmin()).send({ roles: [] }).expect(200);
      await request(t.http).delete(`/api/admin/roles/${role.body.id}`).set(asAdmin()).expect(204);
      await request(t.http).get(`/api/admin/roles/${role.body.id}`).set(asAdmin()).expect(404);
      await request(t.http).delete(`/api/admin/roles/${role.body.id}`).set(asAdmin()).expect(404);
    });
  });

  describe('built-in roles', () => {
    it('may gain permissions but not lose their core grants (409)', async () => {
      const contributor = await roleNamed('contributor');
      const added = await request(t.http)
        .patch(`/api/admin/roles/${contributor.id}`)
        .set(asAdmin())
        .send({ permissions: [...contributor.permissions, 'import.run'] })
        .expect(200);
      expect(added.body.permissions).toContain('import.run');
      const stripped = await request(t.http)
        .patch(`/api/admin/roles/${contributor.id}`)
        .set(asAdmin())
        .send({ permissions: ['article.create'] })
        .expect(409);
      expect(stripped.body).toMatchObject({
        type: '/problems/core-grants',
        missingPermissions: ['article.edit.own', 'article.submit', 'media.upload'],
      });
      // The extra grant can be taken away again: only the core is fixed.
      await request(t.http).patch(`/api/admin/roles/${contributor.id}`).set(asAdmin()).send({ permissions: contributor.permissions }).expect(200);
      expect((await roleNamed('contributor')).permissions).toEqual(contributor.permissions);
    });

    it('cannot be stripped of user and role management, renamed or deleted (409)', async () => {
      const adminRole = await roleNamed('admin');
      await request(t.http)
        .patch(`/api/admin/roles/${adminRole.id}`)
        .set(asAdmin())
        .send({ permissions: adminRole.permissions.filter((p) => p !== 'user.manage') })
        .expect(409);
      const renamed = await request(t.http).patch(`/api/admin/roles/${adminRole.id}`).set(asAdmin()).send({ name: 'root' }).expect(409);
      expect(renamed.body.type).toBe('/problems/built-in-role');
      const editor = await roleNamed('editor');
      const deleted = await request(t.http).delete(`/api/admin/roles/${editor.id}`).set(asAdmin()).expect(409);
      expect(deleted.body.type).toBe('/problems/built-in-role');
      expect((await roles()).filter((r) => r.builtIn)).toHaveLength(4);
    });

    it('can have their description changed', async () => {
      const author = await roleNamed('author');
      const res = await request(t.http)
        .patch(`/api/admin/roles/${author.id}`)
        .set(asAdmin())
        .send({ description: 'Staff writers who publish their own stories.' })
        .expect(200);
      expect(res.body.description).toBe('Staff writers who publish their own stories.');
    });
  });

  it('never leaves nobody able to manage users and roles, even through a custom role', async () => {
    const chief = await request(t.http).post('/api/admin/roles').set(asAdmin()).send({ name: 'chief', permissions: ALL_PERMISSIONS }).expect(201);
    const boss = await createUser(t, ['chief']);
    // With `boss` in charge through the custom role, the built-in admin may be deactivated...
    await request(t.http).patch(`/api/admin/users/${admin.id}`).set({ Authorization: boss.auth }).send({ active: false }).expect(200);
    // ...but the custom role can no longer lose what makes its holder the last administrator.
    const withoutRoles = ALL_PERMISSIONS.filter((p) => p !== Permission.RoleManage);
    const res = await request(t.http)
      .patch(`/api/admin/roles/${chief.body.id}`)
      .set({ Authorization: boss.auth })
      .send({ permissions: withoutRoles })
      .expect(409);
    expect(res.body.type).toBe('/problems/last-administrator');
    await request(t.http).patch(`/api/admin/users/${admin.id}`).set({ Authorization: boss.auth }).send({ active: true }).expect(200);
    // Deactivation ended the admin's sessions; later tests need a fresh one.
    admin = { ...admin, auth: (await login(t, admin.email, admin.password)).auth };
  });

  it('lets a role manager grant only permissions they hold', async () => {
    await request(t.http)
      .post('/api/admin/roles')
      .set(asAdmin())
      .send({ name: 'role-clerk', permissions: ['role.manage'] })
      .expect(201);
    const clerk = await createUser(t, ['role-clerk']);
    const res = await request(t.http)
      .post('/api/admin/roles')
      .set({ Authorization: clerk.auth })
      .send({ name: 'sneaky', permissions: ['user.manage'] })
      .expect(403);
    expect(res.body.missingPermissions).toEqual(['user.manage']);
    const own = await roleNamed('role-clerk');
    await request(t.http)
      .patch(`/api/admin/roles/${own.id}`)
      .set({ Authorization: clerk.auth })
      .send({ permissions: ['role.manage', 'audit.read'] })
      .expect(403);
  });
});
