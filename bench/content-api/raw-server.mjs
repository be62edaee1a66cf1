// The baseline for bench/content-api/run.mjs: a minimal node:http + pg server answering the three
// benchmarked content routes with the same SQL as src/content/content.repository.ts (list without
// filters, keyset cursor, by slug), the same JSON shape as src/content/content.mapper.ts and the same
// ETag and Cache-Control headers as the controller. No framework, no validation pipe, no logging.
// What the app does on top of this is what the bench measures.
//
// Started by run.mjs with DATABASE_URL and PORT (0: any free port); prints one JSON line {url, pid}
// when listening and stops when its standard input closes.
import { createHash } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { BY_SLUG_SQL, FIRST_PAGE_SQL, NEXT_PAGE_SQL } from './queries.mjs';

const POOL_SIZE = 10; // as the app's TypeORM pool (src/database/data-source-options.ts)
const CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';
const DEFAULT_PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: POOL_SIZE, application_name: 'masthead-bench-raw' });

const photo = (p) => ({ caption: p.caption, credit: p.credit, altText: p.altText, width: p.width, height: p.height, renditions: p.renditions });

function summary(row) {
  return {
    slug: row.slug,
    headline: row.headline,
    subheadline: row.subheadline,
    dateline: row.dateline,
    language: row.language,
    excerpt: row.excerpt,
    featuredImage: row.featured_image ? photo(row.featured_image) : null,
    category: row.category_slug && row.category_name ? { name: row.category_name, slug: row.category_slug } : null,
    tags: row.tags,
    authors: row.authors.map((a) => ({ displayName: a.displayName })),
    byline: row.byline,
    publishedAt: row.published_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const etagOf = (...parts) =>
  `"${createHash('sha256')
    .update(parts.map((p) => String(p)).join('\u0000'))
    .digest('base64url')
    .slice(0, 27)}"`;

function send(res, status, body, etag) {
  const json = JSON.stringify(body);
  const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) };
  if (etag) Object.assign(headers, { ETag: etag, 'Cache-Control': CACHE_CONTROL });
  res.writeHead(status, headers);
  res.end(json);
}

const problem = (res, status, title) => send(res, status, { type: 'about:blank', title, status });

async function list(res, params) {
  const limitText = params.get('limit');
  const limit = limitText === null ? DEFAULT_PAGE_SIZE : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return problem(res, 422, 'Bad limit');
  let after = null;
  const cursor = params.get('cursor');
  if (cursor) {
    try {
      after = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      after = null;
    }
    if (!after || typeof after.p !== 'string' || Number.isNaN(Date.parse(after.p)) || typeof after.id !== 'string' || !UUID.test(after.id))
      return problem(res, 422, 'Bad cursor');
  }
  const { rows } = after ? await pool.query(NEXT_PAGE_SQL, [after.p, after.id, limit + 1]) : await pool.query(FIRST_PAGE_SQL, [limit + 1]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? Buffer.from(JSON.stringify({ p: last.published_at.toISOString(), id: last.article_id })).toString('base64url')
      : null;
  const etag = etagOf(nextCursor, ...page.flatMap((r) => [r.article_id, r.updated_at.toISOString()]));
  send(res, 200, { items: page.map(summary), nextCursor }, etag);
}

async function bySlug(res, slug) {
  const { rows } = await pool.query(BY_SLUG_SQL, [slug]);
  const row = rows[0];
  if (!row) return problem(res, 404, 'Not Found');
  const body = (row.body ?? []).map((b) => (b.type === 'image' ? { type: 'image', ...photo(b) } : b));
  send(res, 200, { ...summary(row), body }, etagOf(row.article_id, row.updated_at.toISOString()));
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const work =
    req.method !== 'GET'
      ? problem(res, 405, 'Method Not Allowed')
      : url.pathname === '/api/content/articles'
        ? list(res, url.searchParams)
        : url.pathname.startsWith('/api/content/articles/') && url.pathname.indexOf('/', 22) === -1
          ? bySlug(res, decodeURIComponent(url.pathname.slice(22)))
          : problem(res, 404, 'Not Found');
  Promise.resolve(work).catch((error) => {
    process.stderr.write(`raw server: ${error.stack ?? error}\n`);
    if (!res.headersSent) problem(res, 500, 'Internal Server Error');
    else res.destroy();
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}`, pid: process.pid }) + '\n');
});

process.stdin.resume();
process.stdin.on('end', () => {
  server.close();
  server.closeAllConnections();
  void pool.end().then(() => process.exit(0));
});
