// Server-side request forgery: without WEBHOOK_ALLOW_PRIVATE, webhooks never reach loopback, private
// or link-local addresses, whether the URL names one outright (refused at registration) or a name
// comes to resolve to one later (refused at delivery, after DNS, on the address actually connected
// to). Redirects are never followed, so a receiver cannot bounce a delivery inside either.
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { actOk, createStory } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';
import { answer, FAST_WEBHOOKS, quietFor, startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

interface DeliveryBody {
  status: string;
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
}

async function firstAttempt(t: TestApp, admin: TestUser, endpointId: string): Promise<DeliveryBody> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await request(t.http).get(`/api/admin/webhooks/${endpointId}/deliveries`).set('Authorization', admin.auth).expect(200);
    const [delivery] = (res.body as { items: DeliveryBody[] }).items;
    if (delivery?.lastError) return delivery;
    if (Date.now() > deadline) throw new Error(`no attempt was logged: ${JSON.stringify(res.body)}`);
    await quietFor(50);
  }
}

describe('webhook destinations', () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());
  beforeEach(() => {
    receiver.received.length = 0;
  });

  describe('without WEBHOOK_ALLOW_PRIVATE', () => {
    let t: TestApp;
    let admin: TestUser;
    let editor: TestUser;

    beforeAll(async () => {
      t = await createTestApp({ ...FAST_WEBHOOKS, WEBHOOK_ALLOW_PRIVATE: 'false' });
      admin = await createUser(t, ['admin']);
      editor = await createUser(t, ['editor']);
    });
    afterAll(() => t.close());

    it('refuses at registration a URL naming this machine or a private network', async () => {
      const port = new URL(receiver.url()).port;
      for (const url of [
        receiver.url(),
        `http://localhost:${port}/hook`,
        `http://[::1]:${port}/hook`,
        `http://[::ffff:127.0.0.1]:${port}/hook`,
        `http://0x7f000001:${port}/hook`,
        'http://169.254.169.254/latest/meta-data/',
        'http://10.20.30.40/hook',
        'http://192.168.0.10/hook',
        'http://100.64.1.1/hook',
        'http://[fd00::1]/hook',
      ]) {
        const res = await request(t.http)
          .post('/api/admin/webhooks')
          .set('Authorization', admin.auth)
          .send({ url, events: ['story.published'] })
          .expect(422);
        expect(res.body.errors).toEqual([{ field: 'url', message: expect.stringMatching(/not a public destination.*WEBHOOK_ALLOW_PRIVATE=true/) }]);
      }
      const list = await request(t.http).get('/api/admin/webhooks').set('Authorization', admin.auth).expect(200);
      expect(list.body.items).toEqual([]);
    });

    it('refuses at delivery a destination that resolves to this machine, and connects to nothing', async () => {
      const port = new URL(receiver.url()).port;
      const byName = await request(t.http)
        .post('/api/admin/webhooks')
        .set('Authorization', admin.auth)
        .send({ url: 'https://hooks.newsroom.example/masthead', events: ['story.published'] })
        .expect(201);
      const byAddress = await request(t.http)
        .post('/api/admin/webhooks')
        .set('Authorization', admin.auth)
        .send({ url: 'https://hooks2.newsroom.example/masthead', events: ['story.published'] })
        .expect(201);
      // As when the names' DNS records come to point inside after registration (or a row predates the rule).
      await t.dataSource.query(`UPDATE webhook_endpoint SET url = $2 WHERE id = $1`, [byName.body.id, `http://localhost:${port}/by-name`]);
      await t.dataSource.query(`UPDATE webhook_endpoint SET url = $2 WHERE id = $1`, [byAddress.body.id, `http://127.0.0.1:${port}/by-address`]);

      await actOk(t, editor, await createStory(t, editor), 'publish');
      const named = await firstAttempt(t, admin, byName.body.id as string);
      expect(named).toMatchObject({ status: 'pending', responseStatus: null });
      expect(named.lastError).toMatch(/^refused destination: localhost resolves to a refused address: .* loopback/);
      const literal = await firstAttempt(t, admin, byAddress.body.id as string);
      expect(literal.lastError).toBe('refused destination: 127.0.0.1 is a loopback address');
      await quietFor(300);
      expect(receiver.received).toEqual([]);
    });
  });

  describe('redirects, even with WEBHOOK_ALLOW_PRIVATE', () => {
    let t: TestApp;
    let admin: TestUser;
    let editor: TestUser;

    beforeAll(async () => {
      t = await createTestApp(FAST_WEBHOOKS);
      admin = await createUser(t, ['admin']);
      editor = await createUser(t, ['editor']);
    });
    afterAll(() => t.close());

    it('does not follow a redirect (here to 127.0.0.1), logs it as a failure and retries', async () => {
      receiver.respond((r, res) =>
        r.path === '/bounce' ? answer(302, '', { location: receiver.url('/inside') })(r, res, 0) : res.writeHead(204).end(),
      );
      const endpoint = await request(t.http)
        .post('/api/admin/webhooks')
        .set('Authorization', admin.auth)
        .send({ url: receiver.url('/bounce'), events: ['story.published'] })
        .expect(201);
      await actOk(t, editor, await createStory(t, editor), 'publish');
      const delivery = await firstAttempt(t, admin, endpoint.body.id as string);
      expect(delivery).toMatchObject({
        status: 'pending',
        responseStatus: 302,
        lastError: `HTTP 302: redirect to ${receiver.url('/inside')} not followed`,
      });
      await receiver.waitFor(2, { path: '/bounce' });
      expect(receiver.received.filter((r) => r.path === '/inside')).toEqual([]);
      await request(t.http).patch(`/api/admin/webhooks/${endpoint.body.id}`).set('Authorization', admin.auth).send({ active: false }).expect(200);
    });
  });
});
