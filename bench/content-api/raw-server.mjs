// The baseline for bench/content-api/run.mjs: a minimal node:http + pg server answering the three
// benchmarked content routes with the same SQL as src/content/content.repository.ts (the embargoed
// photos, then the list without filters, the keyset cursor or the story by slug) and the same JSON,
// ETag and Cache-Control as the app. For the JSON it calls the app's own mapper and story presenter
// (from dist/), so both servers do the same work per request: no framework, no validation pipe, no
// logging, no response cache. What the app does on top of this is what the bench measures.
//
// Started by run.mjs with DATABASE_URL, PORT (0: any free port) and the app's configuration
// variables; prints one JSON line {url, pid} when listening and stops when its standard input closes.
import 'reflect-metadata';
import http from 'node:http';
import pg from 'pg';
import { loadConfig } from '../../dist/src/config/config.js';
import { contentEtag, toContentSummary } from '../../dist/src/content/content.mapper.js';
import { originalView } from '../../dist/src/content/content-view.js';
import { StoryPresenter } from '../../dist/src/content/story-presenter.js';
import { SiteLinks } from '../../dist/src/distribution/site-links.js';
import { BY_SLUG_SQL, EMBARGOED_PHOTOS_SQL, FIRST_PAGE_SQL, NEXT_PAGE_SQL } from './queries.mjs';

const POOL_SIZE = 10; // as the app's TypeORM pool (src/database/data-source-options.ts)
const config = loadConfig(process.env);
const DEFAULT_PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: POOL_SIZE, application_name: 'masthead-bench-raw' });
const presenter = new StoryPresenter(new SiteLinks(config));

/** As ContentViews.view() without a variant: the photos embargoes keep private now. */
async function view() {
  const { rows } = await pool.query(EMBARGOED_PHOTOS_SQL);
  return { ...originalView(), hiddenPhotos: new Set(rows.map((r) => r.media_id)) };
}

const etagOf = (base, v) => contentEtag(base, '', ...[...v.withheld].sort());

function send(res, status, body, etag, extra = {}) {
  const json = JSON.stringify(body);
  const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json), ...extra };
  if (etag) Object.assign(headers, { ETag: etag, 'Cache-Control': config.contentCacheControl });
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
  const v = await view();
  const { rows } = after ? await pool.query(NEXT_PAGE_SQL, [after.p, after.id, limit + 1]) : await pool.query(FIRST_PAGE_SQL, [limit + 1]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last ? Buffer.from(JSON.stringify({ p: last.published_at.toISOString(), id: last.article_id })).toString('base64url') : null;
  const items = page.map((row) => toContentSummary(row, v));
  send(res, 200, { items, nextCursor }, etagOf(contentEtag(nextCursor, ...page.flatMap((r) => [r.article_id, r.updated_at.toISOString()])), v));
}

async function bySlug(res, slug) {
  const v = await view();
  const { rows } = await pool.query(BY_SLUG_SQL, [slug]);
  const row = rows[0];
  if (!row) return problem(res, 404, 'Not Found');
  const story = presenter.present(row, v);
  send(res, 200, story, etagOf(contentEtag(row.article_id, row.updated_at.toISOString()), v), { 'Content-Language': story.language, Vary: 'Accept' });
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
