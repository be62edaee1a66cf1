// DATABASE_READ_URLS: the streaming replicas public reads may use (src/database/read-replicas.ts).
// Checked by hand rather than by a class-validator rule so that each bad entry is named on its own
// with its reason, and so that no message repeats a password.

/** The entries of DATABASE_READ_URLS, or the problems with them (each naming the entry it is about). */
export function parseReadReplicaUrls(value: string | undefined, databaseUrl: string | undefined): { urls: string[]; problems: string[] } {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) return { urls: [], problems: [] };
  if (!databaseUrl)
    return {
      urls: [],
      problems: ['DATABASE_READ_URLS: needs DATABASE_URL (replicas follow a PostgreSQL server you run; the embedded database has none)'],
    };
  const primary = serverOf(databaseUrl);
  const seen = new Map<string, number>();
  const problems: string[] = [];
  entries.forEach((entry, index) => {
    const name = `DATABASE_READ_URLS: entry ${index + 1} (${redacted(entry)})`;
    if (!/^postgres(ql)?:\/\//.test(entry)) return problems.push(`${name}: must be a postgres:// or postgresql:// connection URL`);
    const server = serverOf(entry);
    if (server === null) return problems.push(`${name}: is not a URL with a host name`);
    if (server === primary) return problems.push(`${name}: names the same server and database as DATABASE_URL; list only its replicas`);
    const earlier = seen.get(server);
    if (earlier !== undefined) return problems.push(`${name}: repeats entry ${earlier + 1}`);
    seen.set(server, index);
  });
  return { urls: problems.length ? [] : entries, problems };
}

/** host:port/database, or null when the URL cannot be parsed or names no host. */
function serverOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (!u.hostname) return null;
    return `${u.hostname.toLowerCase()}:${u.port || '5432'}${u.pathname || '/'}`;
  } catch {
    return null;
  }
}

/** The URL with its password (if any) replaced, for messages and logs. */
export function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    // Not parseable: hide anything between "://user:" and "@", the usual place of a password.
    return url.replace(/(:\/\/[^:/@]*:)[^@]*@/, '$1***@');
  }
}
