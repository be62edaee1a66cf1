// Two application instances on one database, as behind a load balancer: each event reaches an
// endpoint once, whichever instance made the change and whichever delivers it; and an instance that
// did not make the change is woken by PostgreSQL's NOTIFY, not only by its poll.
import request from 'supertest';
import { WebhookDeliveryWorker } from '../../src/distribution/webhooks/webhook-delivery.worker.js';
import type { TestApp } from '../support/app.js';
import { createSharedDatabase, startAppOn } from '../support/shared-db.js';
import { actOk, createStory } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';
import { FAST_WEBHOOKS, quietFor, startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const STORIES = 16;

describe('webhooks with two app instances', () => {
  let db: { url: string; drop(): Promise<void> };
  let a: TestApp;
  let b: TestApp;
  let admin: TestUser;
  let editor: TestUser;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    db = await createSharedDatabase();
    receiver = await startWebhookReceiver();
    a = await startAppOn(db.url, FAST_WEBHOOKS);
    // B looks by itself only once a minute: within this test only a notification can wake it.
    b = await startAppOn(db.url, { ...FAST_WEBHOOKS, WEBHOOK_POLL_INTERVAL_MS: '60000' });
    admin = await createUser(a, ['admin']);
    editor = await createUser(a, ['editor']);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await receiver.close();
    await db.drop();
  });

  it('delivers each event once when both instances deliver', async () => {
    await request(a.http)
      .post('/api/admin/webhooks')
      .set('Authorization', admin.auth)
      .send({ url: receiver.url('/both'), events: ['story.published'] })
      .expect(201);
    const published = await Promise.all(
      Array.from({ length: STORIES }, async (_, i) => {
        const via = i % 2 ? a : b;
        return actOk(via, editor, await createStory(via, editor, { headline: `两个进程同时发布的第${i + 1}篇报道` }), 'publish');
      }),
    );
    await receiver.waitFor(STORIES, { path: '/both' });
    await quietFor(800);
    const received = receiver.received.filter((r) => r.path === '/both');
    expect(received).toHaveLength(STORIES);
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(STORIES);
    const stories = received.map((r) => (JSON.parse(r.body) as { data: { id: string } }).data.id).sort();
    expect(stories).toEqual(published.map((s) => s.id).sort());
  });

  it('wakes the instance that did not make the change by NOTIFY', async () => {
    await request(a.http)
      .post('/api/admin/webhooks')
      .set('Authorization', admin.auth)
      .send({ url: receiver.url('/notified'), events: ['story.published'] })
      .expect(201);
    // A writes but no longer delivers; B's next poll is a minute away.
    await a.app.get(WebhookDeliveryWorker).beforeApplicationShutdown();
    const started = Date.now();
    const story = await actOk(a, editor, await createStory(a, editor), 'publish');
    const [received] = await receiver.waitFor(1, { path: '/notified', timeoutMs: 5_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((JSON.parse(received.body) as { data: { id: string } }).data.id).toBe(story.id);
  });
});
