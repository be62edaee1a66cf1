// The SQL of the failed-login counters. Counters live in PostgreSQL rather than process memory, so
// every app process behind a load balancer counts against the same limits (no Redis needed).
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AttemptCount } from './login-throttle.js';

interface CountRow {
  key: string;
  failures: number;
  seconds_left: string | number;
}

@Injectable()
export class LoginAttemptRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Adds one to each counter, opening a new window where the old one has ended, in one atomic
   * statement (keys in a fixed order, so concurrent logins cannot deadlock).
   */
  async increment(keys: readonly string[], windowSeconds: number): Promise<AttemptCount[]> {
    const rows = await this.dataSource.query<CountRow[]>(
      `INSERT INTO login_attempt AS a (key, failures, window_started_at)
         SELECT k, 1, now() FROM unnest($1::text[]) AS k ORDER BY k
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN a.window_started_at <= now() - make_interval(secs => $2) THEN 1 ELSE a.failures + 1 END,
         window_started_at = CASE WHEN a.window_started_at <= now() - make_interval(secs => $2) THEN now() ELSE a.window_started_at END
       RETURNING key, failures, extract(epoch FROM a.window_started_at + make_interval(secs => $2) - now()) AS seconds_left`,
      [[...keys], windowSeconds],
    );
    return rows.map((r) => ({ key: r.key, failures: r.failures, secondsLeft: Number(r.seconds_left) }));
  }

  async decrement(key: string): Promise<void> {
    await this.dataSource.query('UPDATE login_attempt SET failures = greatest(failures - 1, 0) WHERE key = $1', [key]);
  }

  async clear(key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_attempt WHERE key = $1', [key]);
  }

  /** Ended windows would only be reset on their key's next use; sweeping keeps the table small. */
  async sweep(windowSeconds: number): Promise<void> {
    await this.dataSource.query('DELETE FROM login_attempt WHERE window_started_at < now() - make_interval(secs => $1)', [windowSeconds]);
  }
}
