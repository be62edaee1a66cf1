// Turns a row read with plain SQL into an entity, the way TypeORM's own finds do (its column
// metadata: property names, and the driver's conversions of stored values), for hot reads where
// building the find's SQL and mapping its aliased columns cost more than the query itself.
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
