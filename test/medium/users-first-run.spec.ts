// First run: with no users at all, the app creates an administrator, never with a fixed password.
import { FirstRunService } from '../../src/users/first-run.service.js';
import { User } from '../../src/users/user.entity.js';
import { verifyPassword } from '../../src/users/passwords.js';
import { createTestContext, type TestContext } from '../support/app.js';

/** The stored account: its roles, and whether `password` logs it in. */
async function account(t: TestContext, email: string, password: string) {
  const user = await t.dataSource
    .getRepository(User)
    .createQueryBuilder('u')
    .addSelect('u.passwordHash')
    .leftJoinAndSelect('u.roles', 'r')
    .where('u.email = :email', { email })
    .getOneOrFail();
  return { roles: user.roles.map((r) => r.name), active: user.active, passwordWorks: await verifyPassword(user.passwordHash, password) };
}

describe('first run: generated administrator password', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates admin@localhost with a generated password printed once with the login URL, and nothing on later runs', async () => {
    expect(await t.dataSource.getRepository(User).count()).toBe(0);
    const printed: string[] = [];
    const print = (text: string) => printed.push(text);
    const firstRun = t.app.get(FirstRunService);

    const created = await firstRun.ensureAdmin('http://localhost:3000', print);
    expect(created?.email).toBe('admin@localhost');
    const password = created!.generatedPassword!;
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain(password);
    expect(printed[0]).toContain('Sign in to the console at http://localhost:3000/admin');
    expect(printed[0]).toContain('POST http://localhost:3000/api/auth/login');
    expect(printed[0]).toContain('admin@localhost');

    expect(await account(t, 'admin@localhost', password)).toEqual({ roles: ['admin'], active: true, passwordWorks: true });

    expect(await firstRun.ensureAdmin('http://localhost:3000', print)).toBeNull();
    expect(printed).toHaveLength(1);
    expect(await t.dataSource.getRepository(User).count()).toBe(1);
  });
});

describe('first run: several processes at once, and configured credentials', () => {
  it('creates exactly one administrator when several processes start together', async () => {
    const t = await createTestContext();
    try {
      const firstRun = t.app.get(FirstRunService);
      const results = await Promise.all([1, 2, 3].map(() => firstRun.ensureAdmin('http://localhost:3000', () => undefined)));
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await t.dataSource.getRepository(User).count()).toBe(1);
    } finally {
      await t.close();
    }
  });

  it('uses ADMIN_EMAIL and ADMIN_PASSWORD when set, printing nothing', async () => {
    const t = await createTestContext({ env: { ADMIN_EMAIL: 'Chief.Editor@Newsroom.test', ADMIN_PASSWORD: 'set by the operator 2026' } });
    try {
      const printed: string[] = [];
      const created = await t.app.get(FirstRunService).ensureAdmin('http://localhost:3000', (text) => printed.push(text));
      expect(created).toEqual({ email: 'chief.editor@newsroom.test', generatedPassword: null });
      expect(printed).toEqual([]);
      expect(await account(t, 'chief.editor@newsroom.test', 'set by the operator 2026')).toEqual({ roles: ['admin'], active: true, passwordWorks: true });
    } finally {
      await t.close();
    }
  });

  it('refuses a common ADMIN_PASSWORD and creates nobody', async () => {
    const t = await createTestContext({ env: { ADMIN_PASSWORD: 'password123456' } });
    try {
      await expect(t.app.get(FirstRunService).ensureAdmin('http://localhost:3000', () => undefined)).rejects.toThrow(
        /ADMIN_PASSWORD: .*commonly used/,
      );
      expect(await t.dataSource.getRepository(User).count()).toBe(0);
    } finally {
      await t.close();
    }
  });
});
