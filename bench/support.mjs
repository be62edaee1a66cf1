// What the plain-JavaScript benches (content-api, media) share: the PostgreSQL server they make
// their throwaway databases on, and a deterministic random source for generated content.
import pg from 'pg';

/** BENCH_DATABASE_URL names the server (default: the local one, user postgres). */
export const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const withDatabase = (url, name) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();

/** Runs one statement (CREATE/DROP DATABASE) on the server's maintenance database. */
export async function onServer(sql) {
  const client = new pg.Client({ connectionString: withDatabase(SERVER, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** mulberry32: small, fast, deterministic. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
