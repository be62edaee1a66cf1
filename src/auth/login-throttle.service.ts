import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { NotFoundProblem, TooManyRequestsProblem } from '../common/problem.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { User } from '../users/user.entity.js';
import type { AuthUser } from '../access/auth-user.js';
import { LoginAttemptRepository } from './login-attempt.repository.js';
import {
  accountIpKey,
  accountKey,
  ipKey,
  keysFor,
  kindOf,
  reachedLimit,
  retryAfterSeconds,
  type AttemptCount,
  type ThrottleLimits,
} from './login-throttle.js';

/** An attempt let through: the counters as they stand with it counted. */
export interface AdmittedAttempt {
  ip: string | null;
  normalizedEmail: string;
  counts: AttemptCount[];
}

/**
 * Limits password guessing per account and address, per account and per address
 * (LOGIN_MAX_PER_ACCOUNT_AND_IP, LOGIN_MAX_PER_ACCOUNT, LOGIN_MAX_PER_IP, LOGIN_WINDOW_SECONDS);
 * the rules are in login-throttle.ts.
 */
@Injectable()
export class LoginThrottleService {
  private readonly limits: ThrottleLimits;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly attempts: LoginAttemptRepository,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.limits = config.loginThrottle;
  }

  /**
   * Counts this attempt before the password is checked, so concurrent guesses cannot slip past a
   * limit; `succeeded` gives it back. Throws 429 with Retry-After when a counter refuses it, whether
   * or not the password would have been right. A refused attempt is not counted.
   */
  async admit(ip: string | null, normalizedEmail: string): Promise<AdmittedAttempt> {
    const admission = await this.attempts.admit(keysFor(ip, normalizedEmail), this.limits.windowSeconds, (counters) =>
      retryAfterSeconds(counters, this.limits),
    );
    if (admission.wait > 0) throw new TooManyRequestsProblem(admission.wait, 'Too many failed login attempts; try again later.');
    return { ip, normalizedEmail, counts: admission.counts };
  }

  /** A wrong password: one audit entry for each counter it brought to its limit (not one per refused try). */
  async failed(attempt: AdmittedAttempt): Promise<void> {
    for (const c of reachedLimit(attempt.counts, this.limits)) {
      const consequence = kindOf(c.key) === 'account-ip' ? 'locked' : 'delayed';
      await this.audit.record({
        actor: null,
        action: 'auth.login_throttled',
        entity: 'login',
        entityId: c.key,
        summary: { limit: c.failures, consequence },
      });
    }
  }

  /**
   * A correct password: this account's counter for this address starts afresh, and the attempt is
   * given back to the account's and the address's counters (typos before it still count there).
   */
  async succeeded(attempt: AdmittedAttempt): Promise<void> {
    await this.attempts.clear(accountIpKey(attempt.ip, attempt.normalizedEmail));
    await this.attempts.giveBack([accountKey(attempt.normalizedEmail), ipKey(attempt.ip)]);
    await this.attempts.sweep(this.limits.windowSeconds);
  }

  /**
   * An administrator's unlock: the account's failures are forgotten, from every address (the
   * addresses' own counters stay, as they concern other accounts too). Audited.
   */
  async unlock(actor: AuthUser | null, userId: string): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: userId }, select: { id: true, email: true } });
    if (!user) throw new NotFoundProblem('User');
    const failedAttempts = await this.attempts.clearAccount(user.email);
    await this.audit.record({ actor, action: 'user.unlock', entity: 'user', entityId: user.id, summary: { failedAttempts } });
  }
}
