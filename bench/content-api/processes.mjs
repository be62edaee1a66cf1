// `run.mjs --processes=N`: the same routes through a local reverse proxy in front of N app processes
// on the same database, against the same proxy in front of one of them, after the single-process run.
// Masthead's processes share nothing but PostgreSQL (and the media store), so N of them behind a
// proxy answer exactly as one does; this measures what the extra processes buy on this machine.
//
// The proxy is nginx (Debian: apt-get install -y nginx-light) with a generated configuration in a
// temporary folder: one worker (the machine's cores are shared with the client, the apps and
// PostgreSQL), HTTP/1.1 keep-alive connections to the upstreams. Without nginx a small node:http
// round-robin proxy stands in, and the figures then include its own, larger, cost.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { cpuSeconds, figure, freePort } from '../support.mjs';

const BENCH = 'content-api ×2';



function nginxVersion() {
  try {
    return execFileSync('nginx', ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim() || 'nginx';
  } catch (error) {
    if (error.code === 'ENOENT') return null;
    // nginx -v prints to stderr
    return String(error.stderr ?? '').trim() || null;
  }
}

const hostOf = (url) => new URL(url).host;

/**
 * nginx listening on two ports: `one` in front of the first upstream only, `all` in front of all of
 * them (round robin). Returns { name, one, all, pids(), stop() }.
 */
async function startNginx(upstreams, version) {
  const dir = await mkdtemp(join(tmpdir(), 'masthead-bench-nginx-'));
  const [onePort, allPort] = [await freePort(), await freePort()];
  const proxy = (upstream) => `proxy_pass http://${upstream}; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`;
  const config = `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  # Which upstream answered each request (to show that every process served), written in batches.
  log_format upstream '$upstream_addr';
  access_log ${dir}/upstream.log upstream buffer=64k flush=1s;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream one { server ${hostOf(upstreams[0])}; keepalive 64; }
  upstream all { ${upstreams.map((u) => `server ${hostOf(u)};`).join(' ')} keepalive 64; }
  server { listen 127.0.0.1:${onePort}; location / { ${proxy('one')} } }
  server { listen 127.0.0.1:${allPort}; location / { ${proxy('all')} } }
}
`;
  await writeFile(join(dir, 'nginx.conf'), config);
  // As root the workers would switch to the `nobody` user, which may not read the temporary folder: keep ours.
  const user = process.getuid?.() === 0 ? ['-g', 'user root;'] : [];
  const child = spawn('nginx', ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf'), ...user], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const one = `http://127.0.0.1:${onePort}`;
  const all = `http://127.0.0.1:${allPort}`;
  await waitUntilAnswering([one, all], () =>
    child.exitCode !== null ? `nginx exited: ${stderr}${readFileSync(join(dir, 'error.log'), 'utf8')}` : null,
  );
  const workers = () => {
    try {
      return execFileSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  };
  return {
    name: version,
    one,
    all,
    pids: () => [child.pid, ...workers()],
    // nginx writes its log at least every second: wait for the last batch, then count by upstream.
    served: async () => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return countLines(readFileSync(join(dir, 'upstream.log'), 'utf8'));
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGQUIT'); // graceful: finishes the requests in flight
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The stand-in when nginx is missing: round robin over keep-alive connections, in this process. */
async function startNodeProxy(upstreams) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let turn = 0;
  const counts = new Map();
  const listen = (pick) =>
    new Promise((resolve) => {
      const server = http.createServer((req, res) => {
        const picked = pick();
        counts.set(hostOf(picked), (counts.get(hostOf(picked)) ?? 0) + 1);
        const target = new URL(picked);
        const upstream = http.request(
          { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
          (answer) => {
            res.writeHead(answer.statusCode, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', () => {
          if (!res.headersSent) res.writeHead(502);
          res.end();
        });
        req.pipe(upstream);
      });
      server.keepAliveTimeout = 60_000;
      server.listen(0, '127.0.0.1', () => resolve(server));
    });
  const one = await listen(() => upstreams[0]);
  const all = await listen(() => upstreams[turn++ % upstreams.length]);
  return {
    name: 'node:http proxy (in the bench process)',
    one: `http://127.0.0.1:${one.address().port}`,
    all: `http://127.0.0.1:${all.address().port}`,
    pids: () => [],
    served: async () => new Map(counts),
    stop: async () => {
      await Promise.all([one, all].map((server) => new Promise((resolve) => server.close(resolve))));
      agent.destroy();
    },
  };
}

function countLines(text) {
  const counts = new Map();
  for (const line of text.split('\n')) if (line) counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}

async function waitUntilAnswering(urls, failed) {
  for (let i = 0; i < 100; i++) {
    const problem = failed();
    if (problem) throw new Error(problem);
    const answers = await Promise.all(
      urls.map((url) =>
        fetch(`${url}/health`).then(
          (r) => r.ok,
          () => false,
        ),
      ),
    );
    if (answers.every(Boolean)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the proxy did not answer on ${urls.join(', ')}`);
}

/** Same body and ETag from every process: they share nothing but the database. */
async function checkSameAnswers(apps, endpoints) {
  for (const endpoint of endpoints)
    for (const path of endpoint.paths.slice(0, 3)) {
      const answers = await Promise.all(
        apps.map(async (app) => {
          const res = await fetch(app.url + path);
          return { status: res.status, etag: res.headers.get('etag'), body: await res.text() };
        }),
      );
      for (const answer of answers.slice(1))
        if (answer.status !== 200 || !isDeepStrictEqual(answer, answers[0])) throw new Error(`${path}: the app processes answer differently`);
    }
}

/**
 * Runs after run.mjs's single-process measurement. `app` is the process already running; `startApp`
 * starts another on the same database (and the same JWT secret); `cannon(url, paths, seconds)` and
 * `results` (rows with `endpoint` and `app.rps`) are run.mjs's.
 */
export async function measureProcesses({ processes, app, startApp, endpoints, results, cannon, warmup, duration, cleanups, log }) {
  const apps = [app];
  for (let i = 1; i < processes; i++) {
    const extra = await startApp();
    cleanups.push(() => extra.stop());
    apps.push(extra);
  }
  await checkSameAnswers(apps, endpoints);
  const version = nginxVersion();
  if (!version)
    log('nginx not found (Debian/Ubuntu: apt-get install -y nginx-light): using a node:http proxy, whose own CPU cost counts in the figures');
  const proxy = version
    ? await startNginx(
        apps.map((a) => a.url),
        version,
      )
    : await startNodeProxy(apps.map((a) => a.url));
  cleanups.push(() => proxy.stop());
  log(
    `\n${processes} app processes (pids ${apps.map((a) => a.child.pid).join(', ')}) on the same database behind ${proxy.name}; same answers from each`,
  );
  figure({ bench: BENCH, name: 'reverse proxy', value: proxy.name });

  for (const endpoint of endpoints) {
    const measured = {};
    for (const [label, url] of [
      ['1 process', proxy.one],
      [`${processes} processes`, proxy.all],
    ]) {
      await cannon(url, endpoint.paths, warmup);
      const servedBefore = await proxy.served();
      const before = apps.map((a) => cpuSeconds(a.child.pid));
      const proxyBefore = proxy.pids().reduce((sum, pid) => sum + cpuSeconds(pid), 0);
      const result = await cannon(url, endpoint.paths, duration);
      const used = apps.map((a, i) => cpuSeconds(a.child.pid) - before[i]);
      const proxyUsed = proxy.pids().reduce((sum, pid) => sum + cpuSeconds(pid), 0) - proxyBefore;
      const failed = result.non2xx + result.errors + result.timeouts;
      measured[label] = result.requests.average;
      const total = used.reduce((a, b) => a + b, 0);
      const servedAfter = await proxy.served();
      const served = apps.map((a) => (servedAfter.get(hostOf(a.url)) ?? 0) - (servedBefore.get(hostOf(a.url)) ?? 0));
      const servedTotal = served.reduce((a, b) => a + b, 0);
      log(
        `  ${endpoint.name} · ${label} behind the proxy: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ` +
          `requests answered by each process ${served.map((n) => `${servedTotal ? ((n / servedTotal) * 100).toFixed(0) : 0}%`).join(' / ')}, ` +
          `node CPU/request ${((total * 1000) / result.requests.total).toFixed(2)} ms (${used.map((u) => `${u.toFixed(1)} s`).join(' + ')})` +
          `${proxy.pids().length ? `, proxy CPU/request ${((proxyUsed * 1000) / result.requests.total).toFixed(2)} ms` : ''}` +
          `${failed ? `, ${failed} FAILED` : ''}  [load ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}]`,
      );
      figure({ bench: BENCH, name: `${endpoint.name}: req/s, ${label} behind the proxy`, value: result.requests.average, unit: 'req/s' });
      if (label !== '1 process')
        figure({ bench: BENCH, name: `${endpoint.name}: p99, ${label} behind the proxy`, value: result.latency.p99, unit: 'ms' });
    }
    const direct = results.find((r) => r.endpoint === endpoint.name)?.app.rps;
    figure({
      bench: BENCH,
      name: `${endpoint.name}: ${processes} processes / 1 process (both behind the proxy)`,
      value: measured[`${processes} processes`] / measured['1 process'],
      unit: '×',
    });
    if (direct)
      figure({
        bench: BENCH,
        name: `${endpoint.name}: ${processes} processes behind the proxy / 1 process direct`,
        value: measured[`${processes} processes`] / direct,
        unit: '×',
      });
  }
}
