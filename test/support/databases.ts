import { randomBytes } from 'node:crypto';
import pg from 'pg';


export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function serverUrl(): string {
  const url = process.env.MASTHEAD_TEST_SERVER_URL;
  if (!url) throw new Error('the Jest global setup did not run');
  return url;
}

async function onServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl(), 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file: a clone of the migrated template, or empty when `empty`. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const template = process.env.MASTHEAD_TEST_TEMPLATE;
  if (!template) throw new Error('the Jest global setup did not run');
  const name = `${template.replace(/_template$/, '')}_${randomBytes(5).toString('hex')}`;
  await onServer(async (c) => {
    // Cloning needs the template idle; retry briefly while another file is cloning it.
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(options.empty ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${template}`);
        return;
      } catch (e) {
        if (attempt > 50 || !String((e as Error).message).includes('being accessed by other users')) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
  return {
    url: withDatabase(serverUrl(), name),
    drop: () =>
      onServer(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}
