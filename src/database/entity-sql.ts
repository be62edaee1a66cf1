// Plain SQL for entities, from TypeORM's own metadata (column names, and the driver's conversions of
// values both ways), for the hottest reads and writes: TypeORM's query builder rewrites the text of
// every statement it builds with regular expressions and maps aliased columns back, which cost more
// CPU than PostgreSQL spent on these single-row statements. Flat entities only (no embedded columns).
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/** The entity for `row` (a row of the entity's table, columns by their database names). */
export function hydrate<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, row: Record<string, unknown>): T {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    const value = row[column.databaseName];
    if (value !== undefined) column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(value, column));
  }
  return entity;
}

export interface Statement {
  sql: string;
  parameters: unknown[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * `UPDATE` of the row whose primary key is `id` with `changes` (by property name; undefined ones are
 * left alone), setting its update-date column to the database's clock as TypeORM's update does.
 * Parameters are numbered from `$1`.
 */
export function updateById<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, id: unknown, changes: Partial<T>): Statement {
  const metadata = dataSource.getMetadata(target);
  const parameters: unknown[] = [];
  const sets: string[] = [];
  for (const [property, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    parameters.push(dataSource.driver.preparePersistentValue(value, column));
    sets.push(`${quote(column.databaseName)} = $${parameters.length}`);
  }
  if (metadata.updateDateColumn && !(metadata.updateDateColumn.propertyName in changes))
    sets.push(`${quote(metadata.updateDateColumn.databaseName)} = CURRENT_TIMESTAMP`);
  parameters.push(id);
  return {
    sql: `UPDATE ${quote(metadata.tableName)} SET ${sets.join(', ')} WHERE ${quote(metadata.primaryColumns[0].databaseName)} = $${parameters.length}`,
    parameters,
  };
}

/**
 * `INSERT … ON CONFLICT (primary key) DO UPDATE` of `entity`: its defined properties are written
 * either way (undefined ones take their defaults on insert and stay as they are on update).
 * Parameters are numbered from `$1`.
 */
export function upsert<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, entity: T): Statement {
  const metadata = dataSource.getMetadata(target);
  const parameters: unknown[] = [];
  const columns = metadata.columns.filter((column) => column.getEntityValue(entity) !== undefined);
  for (const column of columns) parameters.push(dataSource.driver.preparePersistentValue(column.getEntityValue(entity), column));
  const keys = metadata.primaryColumns.map((column) => quote(column.databaseName));
  const updates = columns
    .filter((column) => !column.isPrimary)
    .map((column) => `${quote(column.databaseName)} = EXCLUDED.${quote(column.databaseName)}`);
  return {
    sql:
      `INSERT INTO ${quote(metadata.tableName)} (${columns.map((column) => quote(column.databaseName)).join(', ')}) ` +
      `VALUES (${parameters.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updates.join(', ')}`,
    parameters,
  };
}
