// The SQL of the failed-login counters. Counters live in PostgreSQL rather than process memory, so
// every app process behind a load balancer counts against the same limits (no Redis needed).
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AttemptCount, StoredCounter } from './login-throttle.js';

interface StoredRow {
  key: string;
  failures: number;
  window_age: string | number;
  since_last_attempt: string | number;
}

export type Admission = { wait: number; counts: [] } | { wait: 0; counts: AttemptCount[] };

@Injectable()
export class LoginAttemptRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Judges an attempt by its counters and, when `judge` lets it go ahead (returns 0), counts it
   * against each of them, opening a new window where the old one has ended. The counters stay
   * locked from reading to counting, so concurrent attempts are judged one after another (keys in a
   * fixed order: they cannot deadlock). A refused attempt changes nothing.
   */
  admit(keys: readonly string[], windowSeconds: number, judge: (counters: StoredCounter[]) => number): Promise<Admission> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO login_attempt (key, failures, window_started_at, last_attempt_at)
           SELECT k, 0, now(), now() FROM unnest($1::text[]) AS k ORDER BY k
         ON CONFLICT (key) DO NOTHING`,
        [[...keys]],
      );
      const rows = await manager.query<StoredRow[]>(
        `SELECT key, failures, extract(epoch FROM now() - window_started_at) AS window_age,
                extract(epoch FROM now() - last_attempt_at) AS since_last_attempt
           FROM login_attempt WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE`,
        [[...keys]],
      );
      const wait = judge(
        rows.map((r) => ({ key: r.key, failures: r.failures, windowAge: Number(r.window_age), sinceLastAttempt: Number(r.since_last_attempt) })),
      );
      if (wait > 0) return { wait, counts: [] };
      // An UPDATE answers [rows, rowCount].
      const [counted] = await manager.query<[AttemptCount[], number]>(
        `UPDATE login_attempt SET
           failures = CASE WHEN window_started_at <= now() - make_interval(secs => $2) THEN 1 ELSE failures + 1 END,
           window_started_at = CASE WHEN window_started_at <= now() - make_interval(secs => $2) THEN now() ELSE window_started_at END,
           last_attempt_at = now()
         WHERE key = ANY($1::text[]) RETURNING key, failures`,
        [[...keys], windowSeconds],
      );
      return { wait: 0, counts: counted };
    });
  }

  /** Gives an attempt back to the counters named (it turned out to be a correct password). */
  async giveBack(keys: readonly string[]): Promise<void> {
    await this.dataSource.query('UPDATE login_attempt SET failures = greatest(failures - 1, 0) WHERE key = ANY($1::text[])', [[...keys]]);
  }

  async clear(key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_attempt WHERE key = $1', [key]);
  }

  /**
   * Clears every counter of one account (its own and those per address); returns the failures its
   * own counter held (every address's, within its window).
   */
  async clearAccount(normalizedEmail: string): Promise<number> {
    const [rows] = await this.dataSource.query<[Array<{ key: string; failures: number }>, number]>(
      `DELETE FROM login_attempt
        WHERE key = 'account:' || $1 OR (starts_with(key, 'account-ip:') AND substr(key, strpos(key, '/') + 1) = $1)
        RETURNING key, failures`,
      [normalizedEmail],
    );
    return rows.find((r) => r.key === `account:${normalizedEmail}`)?.failures ?? 0;
  }

  /** Ended windows would only be reset on their key's next use; sweeping keeps the table small. */
  async sweep(windowSeconds: number): Promise<void> {
    await this.dataSource.query('DELETE FROM login_attempt WHERE window_started_at < now() - make_interval(secs => $1)', [windowSeconds]);
  }
}
