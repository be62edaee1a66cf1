// On a fresh installation (no users at all) creates the first administrator, so nobody ever needs
// a default password: either ADMIN_EMAIL/ADMIN_PASSWORD, or a generated password shown once.
import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ADVISORY_LOCKS } from '../database/advisory-locks.js';
import { DataSource } from 'typeorm';
import { commonPasswords, passwordWeakness } from './password-policy.js';
import { hashPassword } from './passwords.js';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ConfigError, type AppConfig } from '../config/config.js';
import { normalizeEmail } from './email.js';
import { Role } from './role.entity.js';
import { User } from './user.entity.js';

// Any fixed number: it only has to be the same in every Masthead process.
const FIRST_RUN_LOCK = ADVISORY_LOCKS.firstRun;
const FIRST_ADMIN_ROLE = 'admin';
export const DEFAULT_ADMIN_EMAIL = 'admin@localhost';

export interface FirstAdmin {
  email: string;
  /** Set only when the password was generated (and printed). */
  generatedPassword: string | null;
}

@Injectable()
export class FirstRunService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Creates the administrator when the user table is empty; otherwise does nothing and returns null.
   * Safe when several processes start at once: the check and the insert run under one advisory lock.
   * `print` receives the one-time password banner (the console by default; tests capture it).
   */
  async ensureAdmin(baseUrl: string, print: (text: string) => void = (text) => process.stdout.write(text)): Promise<FirstAdmin | null> {
    const email = normalizeEmail(this.config.admin.email ?? DEFAULT_ADMIN_EMAIL);
    const configured = this.config.admin.password;
    const password = configured ?? randomBytes(18).toString('base64url');
    const generatedPassword = configured ? null : password;
    const weakness = passwordWeakness(password, { email, commonPasswords: commonPasswords() });
    if (weakness) throw new ConfigError([`ADMIN_PASSWORD: ${weakness}`]);
    const created = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [FIRST_RUN_LOCK]);
      if ((await manager.getRepository(User).count()) > 0) return false;
      const role = await manager.getRepository(Role).findOneByOrFail({ name: FIRST_ADMIN_ROLE });
      const passwordHash = await hashPassword(password);
      const repo = manager.getRepository(User);
      const user = await repo.save(repo.create({ email, displayName: 'Administrator', passwordHash, active: true, roles: [role] }));
      const summary = { email, roles: [FIRST_ADMIN_ROLE], firstRun: true, passwordFrom: generatedPassword ? 'generated' : 'ADMIN_PASSWORD' };
      await this.audit.record({ actor: null, action: 'user.create', entity: 'user', entityId: user.id, summary }, manager);
      return true;
    });
    if (!created) return null;
    if (generatedPassword) print(firstRunBanner(baseUrl, email, generatedPassword));
    return { email, generatedPassword };
  }
}

function firstRunBanner(baseUrl: string, email: string, password: string): string {
  const lines = [
    'Masthead first run: an administrator account was created.',
    '',
    `  email:    ${email}`,
    `  password: ${password}`,
    '',
    `Sign in to the console at ${baseUrl}/admin`,
    `(or through the API: POST ${baseUrl}/api/auth/login).`,
    'This password is shown only once. Change it after logging in',
    '(POST /api/auth/password), or set ADMIN_EMAIL and ADMIN_PASSWORD',
    'before the first start.',
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const rule = '='.repeat(width);
  return ['', rule, ...lines.map((l) => (l ? `  ${l}` : '')), rule, ''].join('\n') + '\n';
}
