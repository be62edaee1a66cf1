// `npm run -s db:url`: the connection URL of Masthead's database, for PostgreSQL's own tools:
//   psql "$(npm run -s db:url)"      pg_dump -Fc "$(npm run -s db:url)" > masthead.dump
// With DATABASE_URL set, that; otherwise the embedded database of DATA_DIR while a Masthead process
// runs on it (it listens on 127.0.0.1, on a port chosen at each start). Exit status 1 when neither.
import { loadConfig } from '../config/config.js';
import { runningEmbeddedDatabaseUrl } from '../database/embedded-postgres.js';

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const url = config.databaseUrl ?? (await runningEmbeddedDatabaseUrl(config.dataDir));
  if (!url) {
    process.stderr.write(`No Masthead process is running on ${config.dataDir}: start it (npm start) and ask again; its database listens only while it runs.\n`);
    return 1;
  }
  process.stdout.write(url + '\n');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
