import pg from 'pg';

export default async function globalTeardown() {
  // Both database tiers name this file; the first call cleans up for the run.
  if (globalThis.__mastheadTestTornDown) return;
  globalThis.__mastheadTestTornDown = true;
  const serverUrl = process.env.MASTHEAD_TEST_SERVER_URL;
  const template = process.env.MASTHEAD_TEST_TEMPLATE;
  if (serverUrl && template && !globalThis.__embeddedTestDatabase) {
    const onServer = new URL(serverUrl);
    onServer.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: onServer.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
  await globalThis.__embeddedTestDatabase?.stop();
}
