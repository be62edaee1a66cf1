import { DataSource } from 'typeorm';
import { entities } from '../../src/entities.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { runMigrations } from '../../src/database/migrate.js';
import { migrations } from '../../src/database/migrations.js';
import { createTestDatabase } from '../support/databases.js';

describe('migrations on an empty database', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
  });
  afterAll(async () => {
    await db.drop();
  });

  const tables = async (ds: DataSource) =>
    (await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`)).map((r: { tablename: string }) => r.tablename);

  it('apply all, revert all, and apply again; a second run applies nothing', async () => {
    const applied = await runMigrations(db.url);
    expect(applied).toHaveLength(migrations.length);
    expect(await runMigrations(db.url)).toEqual([]);

    const ds = new DataSource(dataSourceOptions(db.url, { entities, poolSize: 1 }));
    await ds.initialize();
    try {
      expect(await tables(ds)).toEqual(expect.arrayContaining(['user', 'role', 'audit_entry']));
      const extensions = (await ds.query(`SELECT extname FROM pg_extension`)).map((r: { extname: string }) => r.extname);
      expect(extensions).toEqual(expect.arrayContaining(['pgcrypto', 'pg_trgm']));
      const roles = (await ds.query(`SELECT name FROM role WHERE built_in ORDER BY name`)).map((r: { name: string }) => r.name);
      expect(roles).toEqual(['admin', 'author', 'contributor', 'editor']);

      for (let i = 0; i < migrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      expect(await tables(ds)).toEqual([]);
      expect(await ds.query(`SELECT * FROM migrations`)).toEqual([]);
    } finally {
      await ds.destroy();
    }
    expect(await runMigrations(db.url)).toHaveLength(migrations.length);
  });

  it('entities and migrations agree (no schema change pending)', async () => {
    const ds = new DataSource(dataSourceOptions(db.url, { entities, poolSize: 1 }));
    await ds.initialize();
    try {
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
