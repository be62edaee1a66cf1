// The database goes away under a running app (issue 11, item 7): its own PostgreSQL cluster is
// stopped, then started again. Meanwhile the API answers 503 problem+json with Retry-After, the
// public content API keeps serving the pages it had cached (stale-if-error), and once the database
// is back, writes succeed again within seconds.
//
// The app reaches the cluster through a TCP relay on a fixed port: the embedded cluster comes back
// on a new port, the relay makes it look like a server restarted at the same address (closed
// while the cluster is down, so connecting is refused, as it is to a stopped server).
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, Socket, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/database/embedded-postgres.js';
import { runMigrations } from '../../src/database/migrate.js';
import type { TestApp } from '../support/app.js';
import { eventually, startAppOn } from '../support/shared-db.js';
import { actOk, createStory } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';

/** Forwards connections on a fixed local port to `target`; `close()` refuses new ones and cuts the open ones. */
class Relay {
  private server: Server | null = null;
  private readonly open = new Set<Socket>();
  port = 0;

  async listen(target: number): Promise<void> {
    const server = createServer((client) => {
      const upstream = new Socket();
      this.open.add(client).add(upstream);
      const cut = () => {
        client.destroy();
        upstream.destroy();
        this.open.delete(client);
        this.open.delete(upstream);
      };
      client.on('error', cut).on('close', cut);
      upstream.on('error', cut).on('close', cut);
      upstream.connect(target, '127.0.0.1', () => {
        client.pipe(upstream);
        upstream.pipe(client);
      });
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.open) socket.destroy();
    this.open.clear();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

const portOf = (url: string) => Number(new URL(url).port);
const viaRelay = (url: string, port: number) => Object.assign(new URL(url), { port: String(port) }).toString();

describe('database outage', () => {
  let dataDir: string;
  let cluster: EmbeddedDatabase | null = null;
  const relay = new Relay();
  let t: TestApp;
  let editor: TestUser;
  let slug: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'masthead-outage-'));
    cluster = await startEmbeddedPostgres(dataDir);
    await relay.listen(portOf(cluster.url));
    const url = viaRelay(cluster.url, relay.port);
    await runMigrations(url);
    t = await startAppOn(url, { SCHEDULER_ENABLED: 'false' });
    editor = await createUser(t, ['editor']);
    slug = (await actOk(t, editor, await createStory(t, editor, { headline: '停电期间照常出版' }), 'publish')).slug;
  });
  afterAll(async () => {
    await t?.close();
    await relay.close();
    await cluster?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const createDraft = () =>
    request(t.http)
      .post('/api/admin/articles')
      .set('Authorization', editor.auth)
      .send({ headline: `恢复后写入 ${Date.now()}` });

  it('answers 503 with Retry-After while PostgreSQL is down, serves cached public pages, and takes writes again once it is back', async () => {
    // Readers' pages are in the response cache before the outage.
    const list = await request(t.http).get('/api/content/articles').expect(200);
    const story = await request(t.http).get(`/api/content/articles/${slug}`).expect(200);
    expect(list.headers['cache-control']).toContain('stale-if-error=');

    await relay.close();
    await cluster!.stop();
    cluster = null;

    const admin = await request(t.http).get('/api/admin/articles').set('Authorization', editor.auth);
    expect(admin.status).toBe(503);
    expect(admin.headers['content-type']).toContain('application/problem+json');
    expect(admin.headers['retry-after']).toMatch(/^\d+$/);
    expect(admin.body).toMatchObject({ status: 503, type: '/problems/database-unavailable' });
    const write = await createDraft();
    expect([write.status, write.headers['retry-after']]).toEqual([503, expect.stringMatching(/^\d+$/)]);
    expect((await request(t.http).post('/api/auth/login').send({ email: editor.email, password: editor.password })).status).toBe(503);
    expect((await request(t.http).get('/health/ready')).status).toBe(503);

    // Cached pages are served as they were; a page never cached cannot be, and says why.
    const cachedList = await request(t.http).get('/api/content/articles').expect(200);
    expect(cachedList.body).toEqual(list.body);
    expect(cachedList.headers.etag).toBe(list.headers.etag);
    expect((await request(t.http).get(`/api/content/articles/${slug}`).expect(200)).body).toEqual(story.body);
    const uncached = await request(t.http).get('/api/content/articles?limit=7');
    expect([uncached.status, uncached.headers['retry-after']]).toEqual([503, expect.stringMatching(/^\d+$/)]);

    cluster = await startEmbeddedPostgres(dataDir);
    await relay.listen(portOf(cluster.url));
    const created = await eventually(async () => ((await createDraft()).status === 201 ? true : undefined), 15_000, 100);
    expect(created).toBe(true);
    expect((await request(t.http).get('/health/ready')).status).toBe(200);
  });
});
