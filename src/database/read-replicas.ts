// Public reads on PostgreSQL streaming replicas (DATABASE_READ_URLS), with the primary standing in
// whenever no replica can serve them. A replica serves only while both hold:
//   - it answers: a query that fails because it cannot be reached marks it down, the read is retried
//     on the primary at once, and the replica is tried again every second in the background;
//   - it has replayed the last change readers were told of: each content-change notification (see
//     ContentCache) notes the primary's WAL position, and until a replica reports having replayed
//     that far (pg_last_wal_replay_lsn) public reads go to the primary. So a page rendered right
//     after a publish is never rendered from a replica that has not seen it yet, and the content
//     cache cannot keep such a page.
// Everything else (writes, transactions, the admin API, sessions) never comes here: it uses
// TypeORM's connections to the primary. TypeORM's own `replication` option is not used because it
// connects to every replica when the data source starts and fails the start if one is unreachable:
// a process must start, and serve from the primary, while a replica is being rebuilt.
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import type { QueryConfig, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { isDatabaseUnavailable } from '../common/database-unavailable.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { ResolvedConfig } from '../config/config.js';
import { redacted } from '../config/read-replica-urls.js';
import { routeReplicaReads } from './prepared.js';

/** How often a replica that could not be reached is tried again. */
const PROBE_MS = 1000;
/** The first wait before asking a lagging replica again; doubled each time up to LAG_CHECK_MAX_MS. */
const LAG_CHECK_MIN_MS = 5;
const LAG_CHECK_MAX_MS = 500;
/** A replica that has not caught up with a change after this long is reported in the log. */
const LAG_WARNING_MS = 10_000;
/**
 * A replica that does not answer (a hung machine, a network cut: no connection refused, just
 * silence) is given up on sooner than the primary would be, since the primary is there to fall
 * back on: connecting within 2 s, and a public read (milliseconds as a rule) within 3 s.
 */
const REPLICA_CONNECT_TIMEOUT_MS = 2000;
const REPLICA_QUERY_TIMEOUT_MS = 3000;
/** SQLSTATE of a standby's query cancelled because replay needed what it read (hot-standby conflict). */
const RECOVERY_CONFLICT = '40001';

class Replica {
  up = true;
  /** The content change (ReadReplicas.change) this replica has been seen to replay; -1: none yet. */
  replayed = -1;
  nextCheck = 0;
  lagCheckMs = LAG_CHECK_MIN_MS;
  behindSince: number | null = null;
  warnedBehind = false;
  notStandby = false;

  constructor(
    readonly pool: pg.Pool,
    readonly name: string,
  ) {}
}

@Injectable()
export class ReadReplicas implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ReadReplicas.name);
  private readonly replicas: Replica[];
  /** Counts content changes: a replica serves only once it has replayed the latest. */
  private change = 0;
  private next = 0;
  private watching: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private stopped = false;
  private primaryWarned = false;

  constructor(
    @Inject(APP_CONFIG) config: ResolvedConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.replicas = config.databaseReadUrls.map((url) => {
      const pool = new pg.Pool({
        connectionString: url,
        max: 10,
        connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS,
        query_timeout: REPLICA_QUERY_TIMEOUT_MS,
        keepAlive: true,
        application_name: 'masthead',
      });
      const replica = new Replica(pool, redacted(url));
      // An idle connection ended by the server (a replica shutting down) is reported here; without a
      // listener it would crash the process.
      pool.on('error', (error) => (unreachable(error) ? this.lost(replica, error) : this.logger.warn(`replica ${replica.name}: ${error.message}`)));
      return replica;
    });
  }

  onModuleInit(): void {
    if (this.replicas.length === 0) return;
    routeReplicaReads(this.dataSource, this);
    // Nothing is read from a replica before it has been seen to have replayed the primary's WAL as of now.
    this.contentChanged();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    routeReplicaReads(this.dataSource, null);
    this.wake?.();
    await this.watching;
    await Promise.all(this.replicas.map((replica) => replica.pool.end().catch(() => undefined)));
  }

  /** What readers see has changed (or may have): no replica serves until it has replayed the change. */
  contentChanged(): void {
    if (this.replicas.length === 0 || this.stopped) return;
    this.change++;
    for (const replica of this.replicas) {
      if (!replica.up || replica.notStandby) continue;
      replica.nextCheck = 0;
      replica.lagCheckMs = LAG_CHECK_MIN_MS;
    }
    this.watch();
  }

  /** Replicas that serve now, and how many are configured: for logs and tests. */
  status(): { serving: number; configured: number } {
    return { serving: this.replicas.filter((replica) => this.serves(replica)).length, configured: this.replicas.length };
  }

  /**
   * Runs a public read on a replica that serves (taking turns among them), or on the primary when
   * none does, or when the replica fails because it cannot be reached or replay cancelled the query.
   */
  async query<Row extends QueryResultRow>(statement: QueryConfig): Promise<Row[]> {
    const replica = this.pick();
    if (replica) {
      try {
        return (await replica.pool.query<Row>(statement)).rows;
      } catch (error) {
        if (unreachable(error)) this.lost(replica, error);
        else if ((error as { code?: unknown }).code !== RECOVERY_CONFLICT) throw error;
      }
    }
    return (await this.primary().query<Row>(statement)).rows;
  }

  private primary(): pg.Pool {
    return (this.dataSource.driver as PostgresDriver).master as pg.Pool;
  }

  private serves(replica: Replica): boolean {
    return replica.up && replica.replayed === this.change;
  }

  private pick(): Replica | null {
    for (let i = 0; i < this.replicas.length; i++) {
      const replica = this.replicas[(this.next + i) % this.replicas.length];
      if (this.serves(replica)) {
        this.next = (this.next + i + 1) % this.replicas.length;
        return replica;
      }
    }
    return null;
  }

  private lost(replica: Replica, error: unknown): void {
    if (!replica.up) return;
    replica.up = false;
    replica.nextCheck = Date.now() + PROBE_MS;
    this.logger.warn(`replica ${replica.name} cannot be reached (${reason(error)}): public reads go to the primary until it is back`);
    this.watch();
  }

  /** Starts the background loop that brings replicas back into service, unless it runs already. */
  private watch(): void {
    if (this.watching) {
      this.wake?.();
      return;
    }
    this.watching = this.bringBack()
      .catch((error: unknown) => this.logger.error(`replica watch stopped: ${reason(error)}`))
      .finally(() => (this.watching = null));
  }

  /**
   * While some replica does not serve: learns the primary's WAL position for the latest change, then
   * asks each waiting replica how far it has replayed (lagging ones soon and then less often, those
   * that could not be reached once a second).
   */
  private async bringBack(): Promise<void> {
    let target: { change: number; lsn: string } | null = null;
    while (!this.stopped) {
      const waiting = this.replicas.filter((replica) => !this.serves(replica) && !replica.notStandby);
      if (waiting.length === 0) return;
      if (target?.change !== this.change) {
        const change: number = this.change;
        const lsn = await this.primaryPosition();
        target = lsn === null ? null : { change, lsn };
        if (target === null) {
          await this.sleep(PROBE_MS);
          continue;
        }
      }
      const now = Date.now();
      const due = waiting.filter((replica) => replica.nextCheck <= now);
      await Promise.all(due.map((replica) => this.check(replica, target!)));
      const soonest = Math.min(...waiting.map((replica) => replica.nextCheck));
      await this.sleep(Math.max(1, soonest - Date.now()));
    }
  }

  /**
   * Where the primary's WAL ends now: a notification is delivered after its transaction committed,
   * so the commit lies before this position. Null when the primary does not answer.
   */
  private async primaryPosition(): Promise<string | null> {
    try {
      const { rows } = await this.primary().query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn');
      this.primaryWarned = false;
      return rows[0].lsn;
    } catch (error) {
      if (!this.primaryWarned) this.logger.warn(`cannot read the primary's WAL position (${reason(error)}): no replica serves until it can`);
      this.primaryWarned = true;
      return null;
    }
  }

  private async check(replica: Replica, target: { change: number; lsn: string }): Promise<void> {
    let replayed: boolean | null;
    try {
      const { rows } = await replica.pool.query<{ replayed: boolean | null }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS replayed', [
        target.lsn,
      ]);
      replayed = rows[0].replayed;
    } catch (error) {
      if (replica.up) this.lost(replica, error);
      else replica.nextCheck = Date.now() + PROBE_MS;
      return;
    }
    if (!replica.up) {
      replica.up = true;
      this.logger.log(`replica ${replica.name} answers again; it serves public reads once it has replayed the latest change`);
    }
    if (replayed === null) {
      // Not in recovery: a server of its own, whose position says nothing about the primary's changes.
      replica.notStandby = true;
      this.logger.warn(`${replica.name} is not a streaming replica (pg_last_wal_replay_lsn() is null): it is not used`);
      return;
    }
    if (replayed) {
      if (target.change === this.change) replica.replayed = target.change;
      if (replica.warnedBehind) this.logger.log(`replica ${replica.name} has caught up: it serves public reads again`);
      replica.behindSince = null;
      replica.warnedBehind = false;
      return;
    }
    const now = Date.now();
    replica.behindSince ??= now;
    if (!replica.warnedBehind && now - replica.behindSince > LAG_WARNING_MS) {
      replica.warnedBehind = true;
      this.logger.warn(
        `replica ${replica.name} has not replayed the latest change after ${LAG_WARNING_MS / 1000} s: public reads go to the primary meanwhile`,
      );
    }
    replica.nextCheck = now + replica.lagCheckMs;
    replica.lagCheckMs = Math.min(replica.lagCheckMs * 2, LAG_CHECK_MAX_MS);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      const wake = () => done();
      this.wake = wake;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}

/** The replica cannot be reached, or did not answer in time (node-postgres's query_timeout). */
function unreachable(error: unknown): boolean {
  return isDatabaseUnavailable(error) || (error instanceof Error && error.message === 'Query read timeout');
}

function reason(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  return (
    [typeof e.code === 'string' ? e.code : null, typeof e.message === 'string' && e.message ? e.message : null].filter(Boolean).join(' ') ||
    'unknown error'
  );
}
