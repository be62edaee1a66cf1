// The ceiling for a cache hit in bench/content-api/run.mjs: a bare node:http server answering every
// request with one fixed response (the app's answer for the hot story: its bytes and its headers, as
// recorded by run.mjs). No routing, no lookup: what returning those bytes costs on this machine.
//
// Started by run.mjs with STATIC_RESPONSE naming a JSON file {headers, body (base64)}; prints one
// JSON line {url, pid} when listening and stops when its standard input closes.
import { readFileSync } from 'node:fs';
import http from 'node:http';

const recorded = JSON.parse(readFileSync(process.env.STATIC_RESPONSE, 'utf8'));
const body = Buffer.from(recorded.body, 'base64');
const headers = { ...recorded.headers, 'content-length': body.length };

const server = http.createServer((req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}`, pid: process.pid }) + '\n');
});

process.stdin.resume();
process.stdin.on('end', () => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
});
