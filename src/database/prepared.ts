// Named prepared statements on TypeORM's pg pool, for the hot read paths (public content, search):
// planning such a statement costs about as much as running it, and each pooled connection keeps
// the plan once it has prepared it. Statement texts are fixed per query shape, so the names are few.
import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
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

/** Runs `sql` as a named prepared statement on a pooled connection (outside any transaction). */
export async function queryPrepared<Row extends QueryResultRow>(dataSource: DataSource, sql: string, values: unknown[]): Promise<Row[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  return (await pool.query<Row>({ name: statementName(sql), text: sql, values })).rows;
}

/** The same on a connection the caller holds (e.g. its transaction's). */
export async function queryPreparedOn(connection: PoolClient, sql: string, values: unknown[]): Promise<void> {
  await connection.query({ name: statementName(sql), text: sql, values });
}
