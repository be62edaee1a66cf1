// Webhook delivery benchmark: a newsroom of 100,000 published stories (loaded with SQL, as
// bench/content-api does), the real server (node dist/src/main.js) in a child process, and a local
// receiver (node:http, answering 204) in this process. Two figures, with their targets:
//
//   latency     publish-to-delivery: from sending POST /api/admin/articles/:id/publish until the
//               receiver has the story.published request, for --samples stories published one
//               after another. Target p95 < 1 s.
//   throughput  deliveries per second: one transaction queues --burst story.updated messages (a
//               section of that many live stories is merged into another, refiling every story),
//               and the time from its commit until the receiver has the last one is measured.
//               Target ≥ 200/s.
//
// Every delivery's webhook-id is counted (each must arrive once) and a sample of signatures is
// verified with the standardwebhooks package. A measurement, not a test: exits 0 whatever the
// figures (1 only when the run itself fails).
//
//   npm run build && node bench/distribution/webhooks.mjs [--articles=100000] [--samples=200]
//     [--burst=3000] [--processes=1] [--keep] [--reuse=<database>] [--json]
//
// BENCH_DATABASE_URL names the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres);
// the run creates a throwaway database and drops it afterwards (--keep leaves it and prints its
// name; --reuse=<name> uses a database a --keep run left, skipping the load).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { runMigrations } from '../../dist/src/database/migrate.js';
import { hashPassword } from '../../dist/src/users/passwords.js';
import { loadPublishedArticles } from '../content-api/load-articles.mjs';
import { cpuSeconds, freePort, onServer, SERVER, withDatabase } from '../support.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARGET = { p95Ms: 1000, perSecond: 200 };
const ADMIN = { email: 'bench-admin@newsroom.test', password: 'a long bench passphrase 7' };

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    samples: { type: 'string', default: '200' },
    burst: { type: 'string', default: '3000' },
    processes: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const opt = { articles: Number(args.articles), samples: Number(args.samples), burst: Number(args.burst), processes: Number(args.processes) };

const log = (message) => process.stderr.write(`${message}\n`);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];


/** The real server, as deployed, delivering to this machine (WEBHOOK_ALLOW_PRIVATE). */
async function startApp(databaseUrl, dataDir, jwtSecret) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--max-old-space-size=256', 'dist/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: jwtSecret,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SEED_ON_EMPTY_DATABASE: 'false',
      SCHEDULER_ENABLED: 'false',
      WEBHOOK_ALLOW_PRIVATE: 'true',
      MALLOC_ARENA_MAX: '2',
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stderr.on('data', keep);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start in 120 s:\n${output.join('')}`)), 120_000);
    child.stdout.on('data', (chunk) => {
      keep(chunk);
      if (chunk.toString().includes('Masthead listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited with ${code} while starting:\n${output.join('')}`));
    });
  });
  child.removeAllListeners('exit');
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, output, stop };
}

/** The site developer's receiver: answers 204 at once and notes when each message arrived. */
async function startReceiver() {
  const arrivals = new Map(); // webhook-id -> { at, count, storyId, type }
  const samples = [];
  let waiter = null;
  const server = createHttpServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const at = performance.now();
      const body = Buffer.concat(chunks).toString('utf8');
      const id = req.headers['webhook-id'];
      const seen = arrivals.get(id);
      if (seen) seen.count += 1;
      else {
        const payload = JSON.parse(body);
        arrivals.set(id, { at, count: 1, storyId: payload.data.id, type: payload.type });
        if (samples.length < 50 && arrivals.size % 7 === 1) samples.push({ body, headers: { ...req.headers } });
      }
      res.writeHead(204).end();
      waiter?.();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/masthead`,
    arrivals,
    samples,
    /** Resolves once `ok()` holds, or rejects after `timeoutMs`. */
    until: async (ok, timeoutMs, what) => {
      const deadline = Date.now() + timeoutMs;
      while (!ok()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => {
          waiter = resolve;
          setTimeout(resolve, 100);
        });
      }
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

async function api(base, token, method, path, body, headers = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

async function createAdmin(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `INSERT INTO "user" (email, display_name, password_hash) VALUES ($1, 'Bench admin', $2)
       ON CONFLICT (email) DO UPDATE SET password_hash = excluded.password_hash RETURNING id`,
      [ADMIN.email, await hashPassword(ADMIN.password)],
    );
    await client.query(`INSERT INTO user_role (user_id, role_id) SELECT $1, id FROM role WHERE name IN ('admin', 'editor') ON CONFLICT DO NOTHING`, [
      rows[0].id,
    ]);
  } finally {
    await client.end();
  }
}

async function query(databaseUrl, sql, params = []) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Publishes `count` new stories one after another; returns when each publish request was sent, by story id. */
async function publishOneByOne(app, token, count, label) {
  const sentAt = new Map();
  const answeredAt = new Map();
  for (let i = 0; i < count; i++) {
    const draft = await api(app.url, token, 'POST', '/api/admin/articles', {
      headline: `${label}：吉隆坡股市今日收高 第${i + 1}篇`,
      body: [{ type: 'paragraph', text: '吉隆坡综合指数今日在银行股带动下收高，成交量较昨日增加。' }],
    });
    const sent = performance.now();
    await api(app.url, token, 'POST', `/api/admin/articles/${draft.id}/publish`, undefined, { 'if-match': `"${draft.version}"` });
    sentAt.set(draft.id, sent);
    answeredAt.set(draft.id, performance.now());
  }
  return { sentAt, answeredAt };
}

async function main() {
  const database = args.reuse ?? `masthead_bench_webhooks_${randomBytes(4).toString('hex')}`;
  const databaseUrl = withDatabase(SERVER, database);
  const dataDir = await mkdtemp(join(tmpdir(), 'masthead-bench-webhooks-'));
  const cleanups = [() => rm(dataDir, { recursive: true, force: true })];
  const cleanup = async () => {
    while (cleanups.length)
      await cleanups
        .pop()()
        .catch((e) => log(`cleanup: ${e.message}`));
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    let loadSeconds = null;
    if (!args.reuse) {
      await onServer(`CREATE DATABASE ${database}`);
      if (!args.keep) cleanups.push(() => onServer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
      await runMigrations(databaseUrl);
      log(`loading ${opt.articles.toLocaleString('en')} published stories into ${database} …`);
      let shown = 0;
      const loaded = await loadPublishedArticles(databaseUrl, opt.articles, {
        onProgress: ({ loaded: n, count, elapsedMs }) => {
          if (n - shown >= count / 5 || n === count) {
            shown = n;
            log(`  ${n.toLocaleString('en')} / ${count.toLocaleString('en')}  (${(elapsedMs / 1000).toFixed(0)} s)`);
          }
        },
      });
      loadSeconds = loaded.elapsedMs / 1000;
    }
    await createAdmin(databaseUrl);
    const [{ n: liveStories }] = await query(databaseUrl, 'SELECT count(*)::int AS n FROM published_article');

    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const jwtSecret = randomBytes(32).toString('hex');
    const apps = [];
    for (let i = 0; i < opt.processes; i++) {
      const app = await startApp(databaseUrl, dataDir, jwtSecret);
      cleanups.push(() => app.stop());
      apps.push(app);
    }
    const app = apps[0];
    const { accessToken: token } = await api(app.url, null, 'POST', '/api/auth/login', ADMIN);
    const endpoint = await api(app.url, token, 'POST', '/api/admin/webhooks', {
      url: receiver.url,
      events: ['story.published', 'story.updated'],
      description: 'bench receiver',
    });

    // Latency, after a few publishes to warm the server up.
    await publishOneByOne(app, token, 5, '预热');
    await receiver.until(() => receiver.arrivals.size >= 5, 30_000, 'the warm-up deliveries');
    log(`latency: publishing ${opt.samples} stories one after another …`);
    const load = loadavg()[0];
    const { sentAt, answeredAt } = await publishOneByOne(app, token, opt.samples, '测延迟');
    const byStory = () => new Map([...receiver.arrivals.values()].filter((a) => a.type === 'story.published').map((a) => [a.storyId, a]));
    await receiver.until(() => [...sentAt.keys()].every((id) => byStory().has(id)), 60_000, 'every published story to arrive');
    const arrivedBy = byStory();
    const fromRequest = [...sentAt].map(([id, at]) => arrivedBy.get(id).at - at).sort((x, y) => x - y);
    const fromAnswer = [...answeredAt].map(([id, at]) => arrivedBy.get(id).at - at).sort((x, y) => x - y);

    // Throughput: one transaction that queues a burst. A section holding --burst live stories is
    // merged into another (every story is refiled, and readers see each change: story.updated).
    log(`throughput: merging a section of ${opt.burst} live stories into another …`);
    const burstSection = await api(app.url, token, 'POST', '/api/admin/categories', { name: `快讯${randomBytes(3).toString('hex')}` });
    const targetSection = await api(app.url, token, 'POST', '/api/admin/categories', { name: `要闻${randomBytes(3).toString('hex')}` });
    // Setup by SQL: files --burst live stories under the section to be merged.
    await query(
      databaseUrl,
      `WITH chosen AS (SELECT article_id FROM published_article ORDER BY published_at LIMIT $2),
            live AS (UPDATE published_article p SET category_id = $1 FROM chosen WHERE p.article_id = chosen.article_id RETURNING p.article_id)
       UPDATE article a SET category_id = $1 FROM live WHERE a.id = live.article_id`,
      [burstSection.id, opt.burst],
    );
    const before = receiver.arrivals.size;
    const mergeStarted = performance.now();
    await api(app.url, token, 'DELETE', `/api/admin/categories/${burstSection.id}?moveTo=${targetSection.id}`);
    const committed = performance.now();
    const cpuAtCommit = apps.reduce((sum, a) => sum + cpuSeconds(a.pid), 0);
    const [{ n: backlog }] = await query(databaseUrl, `SELECT count(*)::int AS n FROM webhook_delivery WHERE endpoint_id = $1 AND event_type = 'story.updated'`, [
      endpoint.id,
    ]);
    await receiver.until(() => receiver.arrivals.size >= before + backlog, 300_000, `the burst of ${backlog} to arrive`);
    const cpuDraining = apps.reduce((sum, a) => sum + cpuSeconds(a.pid), 0) - cpuAtCommit;
    const burst = [...receiver.arrivals.values()].filter((a) => a.type === 'story.updated').map((a) => a.at);
    const first = Math.min(...burst);
    const last = Math.max(...burst);
    const drainSeconds = (last - Math.min(first, committed)) / 1000;
    const perSecond = backlog / drainSeconds;
    await sleep(1000);

    const duplicates = [...receiver.arrivals.values()].filter((a) => a.count > 1).length;
    const badSignatures = receiver.samples.filter(({ body, headers }) => {
      try {
        new Webhook(endpoint.secret).verify(body, headers);
        return false;
      } catch {
        return true;
      }
    }).length;

    const p95 = percentile(fromRequest, 95);
    const figures = {
      liveStories,
      loadSeconds,
      processes: opt.processes,
      loadAverageAtStart: load,
      latency: {
        samples: fromRequest.length,
        p50Ms: percentile(fromRequest, 50),
        p95Ms: p95,
        maxMs: fromRequest.at(-1),
        p95FromAnswerMs: percentile(fromAnswer, 95),
        targetP95Ms: TARGET.p95Ms,
        met: p95 < TARGET.p95Ms,
      },
      throughput: {
        backlog,
        transactionSeconds: (committed - mergeStarted) / 1000,
        firstAfterCommitMs: first - committed,
        drainSeconds,
        perSecond,
        appCpuMsPerDelivery: (cpuDraining * 1000) / backlog,
        target: TARGET.perSecond,
        met: perSecond >= TARGET.perSecond,
      },
      deliveries: receiver.arrivals.size,
      duplicates,
      signaturesChecked: receiver.samples.length,
      badSignatures,
    };
    if (args.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    const ms = (v) => `${v.toFixed(0)} ms`;
    const verdict = (met) => (met ? 'met' : 'NOT met');
    log('');
    log(`webhooks, ${liveStories.toLocaleString('en')} live stories, ${opt.processes} app process${opt.processes > 1 ? 'es' : ''} (load average ${load.toFixed(2)} at start)`);
    log(
      `  publish-to-delivery  p50 ${ms(figures.latency.p50Ms)}  p95 ${ms(p95)}  max ${ms(figures.latency.maxMs)}  over ${fromRequest.length} publishes` +
        `   target p95 < ${TARGET.p95Ms} ms: ${verdict(figures.latency.met)}`,
    );
    log(`    (from the publish answer: p95 ${ms(figures.latency.p95FromAnswerMs)}; a delivery may arrive before the answer does)`);
    log(
      `  deliveries/s         ${perSecond.toFixed(0)}/s  (${backlog} story.updated queued by one section merge, ${figures.throughput.transactionSeconds.toFixed(1)} s; delivered in ${drainSeconds.toFixed(2)} s from its commit)` +
        `   target ≥ ${TARGET.perSecond}/s: ${verdict(figures.throughput.met)}`,
    );
    log(`    (the app used ${figures.throughput.appCpuMsPerDelivery.toFixed(2)} ms of CPU per delivery while sending them)`);
    log(`  each delivery once: ${duplicates === 0 ? 'yes' : `NO, ${duplicates} arrived more than once`} (${receiver.arrivals.size} messages)`);
    log(`  signatures verified with standardwebhooks: ${receiver.samples.length - badSignatures}/${receiver.samples.length}`);
    if (args.keep && !args.reuse) log(`kept database ${database} (--reuse=${database})`);
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  log(error.stack ?? String(error));
  process.exit(1);
});
