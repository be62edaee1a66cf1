// Named prepared statements on TypeORM's pg pool, for the hot read paths (public content, search):
// planning such a statement costs about as much as running it, and each pooled connection keeps
// the plan once it has prepared it. Statement texts are fixed per query shape, so the names are few.
// Public reads may ask for a replica ('replica'): with DATABASE_READ_URLS set, ReadReplicas
// (read-replicas.ts) decides whether one serves them now; otherwise they run on the primary.
import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryConfig, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

const names = new Map<string, string>();

/** A statement's name: a hash of its text (remembered for the first thousand texts). */
export function statementName(sql: string): string {
  let name = names.get(sql);
  if (name === undefined) {
    name = `s_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    if (names.size < 1000) names.set(sql, name);
  }
  return name;
}

/** Where a read may run: `primary` (always), or `replica` (a public read that a replica may answer). */
export type ReadRoute = 'primary' | 'replica';

interface ReplicaReader {
  query<Row extends QueryResultRow>(statement: QueryConfig): Promise<Row[]>;
}

const replicaReaders = new WeakMap<DataSource, ReplicaReader>();

/** Sends a data source's `replica` reads through `reader` (null: back to the primary). */
export function routeReplicaReads(dataSource: DataSource, reader: ReplicaReader | null): void {
  if (reader) replicaReaders.set(dataSource, reader);
  else replicaReaders.delete(dataSource);
}

/**
 * Runs `sql` as a named prepared statement on a pooled connection (outside any transaction): on the
 * primary, or for `replica` on a streaming replica when one is configured and up to date.
 */
export async function queryPrepared<Row extends QueryResultRow>(
  dataSource: DataSource,
  sql: string,
  values: unknown[],
  route: ReadRoute = 'primary',
): Promise<Row[]> {
  const statement = { name: statementName(sql), text: sql, values };
  const replicas = route === 'replica' ? replicaReaders.get(dataSource) : undefined;
  if (replicas) return replicas.query<Row>(statement);
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  return (await pool.query<Row>(statement)).rows;
}

/** The same on a connection the caller holds (e.g. its transaction's). */
export async function queryPreparedOn(connection: PoolClient, sql: string, values: unknown[]): Promise<void> {
  await connection.query({ name: statementName(sql), text: sql, values });
}
