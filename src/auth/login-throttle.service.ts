import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { TooManyRequestsProblem } from '../common/problem.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { LoginAttemptRepository } from './login-attempt.repository.js';
import { accountKey, ipKey, justExceeded, retryAfterSeconds, withinLimit, type ThrottleLimits } from './login-throttle.js';

/** Limits failed logins per client address and per account (LOGIN_MAX_PER_IP, LOGIN_MAX_PER_ACCOUNT, LOGIN_WINDOW_SECONDS). */
@Injectable()
export class LoginThrottleService {
  private readonly limits: ThrottleLimits;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly attempts: LoginAttemptRepository,
    private readonly audit: AuditService,
  ) {
    this.limits = config.loginThrottle;
  }

  /**
   * Counts this attempt against the address and the account before the password is checked, so
   * concurrent guesses cannot slip past the limit; `succeeded` gives the count back. Throws 429 with
   * Retry-After when a limit is exceeded, whether or not the password would have been right.
   */
  async admit(ip: string | null, normalizedEmail: string): Promise<void> {
    const counts = await this.attempts.increment([ipKey(ip), accountKey(normalizedEmail)], this.limits.windowSeconds);
    const wait = retryAfterSeconds(counts, this.limits);
    if (wait === 0) return;
    // A refused attempt checked no password, so it is not a failure against the counters still
    // within their limit: hammering one locked account must not lock the whole office's address.
    for (const c of withinLimit(counts, this.limits)) await this.attempts.decrement(c.key);
    // One entry when a limit is first crossed, not one per rejected try (that would flood the log).
    for (const c of justExceeded(counts, this.limits)) {
      await this.audit.record({ actor: null, action: 'auth.login_throttled', entity: 'login', entityId: c.key, summary: { limit: c.failures - 1 } });
    }
    throw new TooManyRequestsProblem(wait, 'Too many failed login attempts; try again later.');
  }

  /** A correct password clears the account's counter and returns this attempt to the address's. */
  async succeeded(ip: string | null, normalizedEmail: string): Promise<void> {
    await this.attempts.clear(accountKey(normalizedEmail));
    await this.attempts.decrement(ipKey(ip));
    await this.attempts.sweep(this.limits.windowSeconds);
  }
}
