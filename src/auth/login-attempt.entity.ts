import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed-login counters shared by every app process: one row per key (`account-ip:<address>/<email>`,
 * `account:<email>` or `ip:<address>`), counting within a fixed window that starts at the first failure.
 */
@Entity('login_attempt')
export class LoginAttempt {
  @PrimaryColumn({ type: 'text' }) key: string;

  @Column({ type: 'integer' }) failures: number;

  /** Expired rows are swept by this index. */
  @Index('idx_login_attempt_window') @Column({ type: 'timestamptz' }) windowStartedAt: Date;

  /** The last attempt this counter let through: past the limit, the next one waits a growing delay after it. */
  @Column({ type: 'timestamptz', default: () => 'now()' }) lastAttemptAt: Date;
}
