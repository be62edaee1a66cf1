// Once per `npm test`: find a PostgreSQL (TEST_DATABASE_URL, or an embedded one in .data/test) and
// build a template database with every migration applied; each test file clones it. Jest loads this
// file outside its transform, so it uses the compiled sources (`pretest` builds them).
import pg from 'pg';
import { startEmbeddedPostgres } from '../../dist/src/database/embedded-postgres.js';
import { runMigrations } from '../../dist/src/database/migrate.js';

import { randomBytes } from 'node:crypto';

export default async function globalSetup() {
  // Both database tiers name this file; one template serves the whole run.
  if (process.env.MASTHEAD_TEST_TEMPLATE) return;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres('.data/test');
    globalThis.__embeddedTestDatabase = embedded;
    serverUrl = embedded.url;
  }
  // Names are unique per run so concurrent runs against one server never touch each other's databases.
  const TEMPLATE_DB = `masthead_test_${randomBytes(4).toString('hex')}_template`;
  process.env.MASTHEAD_TEST_SERVER_URL = serverUrl;
  process.env.MASTHEAD_TEST_TEMPLATE = TEMPLATE_DB;
  const onServer = new URL(serverUrl);
  onServer.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: onServer.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const template = new URL(serverUrl);
  template.pathname = `/${TEMPLATE_DB}`;
  await runMigrations(template.toString());
}
