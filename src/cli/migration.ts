// `npm run migration:{run,revert,generate}`. `generate -- --check` fails when entities and
// migrations disagree (run in CI). Uses DATABASE_URL, or the embedded database when unset.
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config.js';
import { prepareRuntime } from '../database/runtime.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { entities } from '../entities.js';

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  const log = (m: string) => process.stderr.write(m + '\n');
  const runtime = await prepareRuntime(loadConfig(process.env), log, { migrate: command === 'run' || command === 'generate', role: 'tool' });
  const ds = new DataSource(dataSourceOptions(runtime.config.databaseUrl, { entities, poolSize: 2 }));
  await ds.initialize();
  try {
    if (command === 'run') {
      log(runtime.appliedMigrations.length ? `applied: ${runtime.appliedMigrations.join(', ')}` : 'no pending migrations');
      return 0;
    }
    if (command === 'revert') {
      await ds.undoLastMigration({ transaction: 'each' });
      log('reverted the last migration');
      return 0;
    }
    if (command === 'generate') return await generate(ds, args, log);
    log('usage: migration-cli run | revert | generate [--check] [Name]');
    return 2;
  } finally {
    await ds.destroy();
    await runtime.embedded?.stop();
  }
}

async function generate(ds: DataSource, args: string[], log: (m: string) => void): Promise<number> {
  const sql = await ds.driver.createSchemaBuilder().log();
  const check = args.includes('--check');
  if (sql.upQueries.length === 0) {
    log('entities and migrations agree: no changes');
    return 0;
  }
  if (check) {
    log('entities and migrations disagree; a migration is needed for:');
    for (const q of sql.upQueries) log(`  ${q.query}`);
    return 1;
  }
  const name = args.find((a) => !a.startsWith('--')) ?? 'Change';
  const ts = Date.now();
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  const up = sql.upQueries.map((q) => `    await q.query(\`${esc(q.query)}\`);`).join('\n');
  const down = sql.downQueries.reverse().map((q) => `    await q.query(\`${esc(q.query)}\`);`).join('\n');
  const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
  const file = `migrations/${ts}-${kebab}.ts`;
  await writeFile(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${ts} implements MigrationInterface {\n  name = '${name}${ts}';\n\n  async up(q: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
  );
  log(`wrote ${file}; add it to src/database/migrations.ts`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
