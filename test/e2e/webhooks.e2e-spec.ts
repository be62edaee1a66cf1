// Webhooks end to end: administrators register endpoints over the admin API; publishing and the
// other editorial changes reach a real HTTP receiver, signed as Standard Webhooks says (checked with
// the `standardwebhooks` package), retried until delivered, logged, redeliverable; an endpoint that
// keeps failing is disabled; secrets never leave the server but once.
import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { MediaAsset } from '../../src/media/media-asset.entity.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { actOk, createCategory, createPhoto, createStory, type StoryResponse } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';
import { answer, FAST_WEBHOOKS, quietFor, startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from '../support/webhook-receiver.js';

interface EndpointBody {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  secret?: string;
  version: number;
  disabledReason: string | null;
  failingSince: string | null;
  previousSecretExpiresAt: string | null;
}

interface DeliveryBody {
  id: string;
  eventType: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  latencyMs: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
}

const SITE = 'https://news.example';

describe('webhooks', () => {
  let t: TestApp;
  let admin: TestUser;
  let editor: TestUser;
  let receiver: WebhookReceiver;
  /** Every secret the API handed out, to prove none shows up anywhere else. */
  const issued: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ ...FAST_WEBHOOKS, PUBLIC_SITE_URL: SITE });
    admin = await createUser(t, ['admin']);
    editor = await createUser(t, ['editor']);
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.respond(answer(204));
  });

  async function register(body: Record<string, unknown>): Promise<EndpointBody> {
    const res = await request(t.http).post('/api/admin/webhooks').set('Authorization', admin.auth).send(body).expect(201);
    const endpoint = res.body as EndpointBody;
    if (endpoint.secret) issued.push(endpoint.secret);
    return endpoint;
  }

  /** Registers an endpoint on its own receiver path, so tests do not see each other's deliveries. */
  const endpointFor = (path: string, events: string[]) => register({ url: receiver.url(path), events });
  const at = (path: string) => receiver.received.filter((r) => r.path === path);

  async function deliveries(endpointId: string, query = ''): Promise<DeliveryBody[]> {
    const res = await request(t.http).get(`/api/admin/webhooks/${endpointId}/deliveries${query}`).set('Authorization', admin.auth).expect(200);
    return (res.body as { items: DeliveryBody[] }).items;
  }

  async function untilDelivery(endpointId: string, ok: (d: DeliveryBody[]) => boolean, timeoutMs = 10_000): Promise<DeliveryBody[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const log = await deliveries(endpointId);
      if (ok(log)) return log;
      if (Date.now() > deadline) throw new Error(`the delivery log never got there: ${JSON.stringify(log)}`);
      await quietFor(50);
    }
  }

  const publishStory = async (body: Record<string, unknown> = {}): Promise<StoryResponse> =>
    actOk(t, editor, await createStory(t, editor, body), 'publish');

  const verify = (secret: string, r: ReceivedWebhook) =>
    new Webhook(secret).verify(r.body, {
      'webhook-id': String(r.headers['webhook-id']),
      'webhook-timestamp': String(r.headers['webhook-timestamp']),
      'webhook-signature': String(r.headers['webhook-signature']),
    });

  describe('the admin API', () => {
    it('registers an endpoint, shows its whsec_ secret once, and never again', async () => {
      const res = await request(t.http)
        .post('/api/admin/webhooks')
        .set('Authorization', admin.auth)
        .send({ url: receiver.url('/once'), events: ['story.published', 'story.updated'], description: '重建读者网站' })
        .expect(201);
      const created = res.body as EndpointBody;
      issued.push(created.secret!);
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(res.headers.location).toBe(`/api/admin/webhooks/${created.id}`);
      expect(res.headers.etag).toBe('"1"');
      expect(created).toMatchObject({ url: receiver.url('/once'), events: ['story.published', 'story.updated'], active: true, disabledReason: null });

      const one = await request(t.http).get(`/api/admin/webhooks/${created.id}`).set('Authorization', admin.auth).expect(200);
      expect(one.body).not.toHaveProperty('secret');
      expect(one.body).toMatchObject({ id: created.id, description: '重建读者网站', version: 1 });
      const list = await request(t.http).get('/api/admin/webhooks').set('Authorization', admin.auth).expect(200);
      expect((list.body as { items: EndpointBody[] }).items.map((e) => e.id)).toContain(created.id);
      expect(JSON.stringify(list.body)).not.toContain('whsec_');
    });

    it('refuses bad fields with 422 naming them, and changes nothing', async () => {
      const before = (await request(t.http).get('/api/admin/webhooks').set('Authorization', admin.auth)).body.items.length as number;
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ url: 'ftp://files.example/x', events: ['story.published'] }, 'url'],
        [{ url: 'https://u:p@hooks.example/x', events: ['story.published'] }, 'url'],
        [{ url: 'not a url', events: ['story.published'] }, 'url'],
        [{ url: 'https://hooks.example/x', events: ['story.exploded'] }, 'events'],
        [{ url: 'https://hooks.example/x', events: [] }, 'events'],
        [{ url: 'https://hooks.example/x' }, 'events'],
        [{ url: 'https://hooks.example/x', events: ['story.published'], secret: 'whsec_mine' }, 'secret'],
      ];
      for (const [body, field] of cases) {
        const res = await request(t.http).post('/api/admin/webhooks').set('Authorization', admin.auth).send(body).expect(422);
        expect((res.body as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toContain(field);
      }
      const after = (await request(t.http).get('/api/admin/webhooks').set('Authorization', admin.auth)).body.items.length as number;
      expect(after).toBe(before);
    });

    it('changes an endpoint with an optional If-Match, 412 when stale, and deletes it', async () => {
      const endpoint = await endpointFor('/change', ['story.published']);
      const changed = await request(t.http)
        .patch(`/api/admin/webhooks/${endpoint.id}`)
        .set('Authorization', admin.auth)
        .set('If-Match', '"1"')
        .send({ events: ['story.published', 'section.changed'], description: null })
        .expect(200);
      expect(changed.headers.etag).toBe('"2"');
      expect(changed.body).toMatchObject({ events: ['story.published', 'section.changed'], description: null, version: 2 });
      expect(changed.body).not.toHaveProperty('secret');
      await request(t.http)
        .patch(`/api/admin/webhooks/${endpoint.id}`)
        .set('Authorization', admin.auth)
        .set('If-Match', '"1"')
        .send({ active: false })
        .expect(412);
      await request(t.http).patch(`/api/admin/webhooks/${endpoint.id}`).set('Authorization', admin.auth).send({ url: 'gopher://x' }).expect(422);
      await request(t.http).delete(`/api/admin/webhooks/${endpoint.id}`).set('Authorization', admin.auth).set('If-Match', '"1"').expect(412);
      await request(t.http).delete(`/api/admin/webhooks/${endpoint.id}`).set('Authorization', admin.auth).expect(204);
      await request(t.http).get(`/api/admin/webhooks/${endpoint.id}`).set('Authorization', admin.auth).expect(404);
      await request(t.http).get(`/api/admin/webhooks/${endpoint.id}/deliveries`).set('Authorization', admin.auth).expect(404);
    });

    it('is for administrators: an editor gets 403 and sees nothing', async () => {
      const endpoint = await endpointFor('/private-to-admins', ['story.published']);
      await request(t.http).get('/api/admin/webhooks').set('Authorization', editor.auth).expect(403);
      await request(t.http).get(`/api/admin/webhooks/${endpoint.id}`).set('Authorization', editor.auth).expect(403);
      await request(t.http).get(`/api/admin/webhooks/${endpoint.id}/deliveries`).set('Authorization', editor.auth).expect(403);
      await request(t.http)
        .post('/api/admin/webhooks')
        .set('Authorization', editor.auth)
        .send({ url: receiver.url('/editor'), events: ['story.published'] })
        .expect(403);
      await request(t.http).patch(`/api/admin/webhooks/${endpoint.id}`).set('Authorization', editor.auth).send({ rotateSecret: true }).expect(403);
      await request(t.http).delete(`/api/admin/webhooks/${endpoint.id}`).set('Authorization', editor.auth).expect(403);
      const me = await request(t.http).get('/api/auth/me').set('Authorization', admin.auth).expect(200);
      expect(me.body.permissions).toContain('webhook.manage');
    });
  });

  describe('delivery', () => {
    it('delivers a publication once, signed so that standardwebhooks verifies it, with the reader URL and version', async () => {
      const endpoint = await endpointFor('/publish', ['story.published']);
      const section = await createCategory(t, admin, { name: '体育' });
      const story = await publishStory({ headline: '马来西亚羽球队夺冠', categoryId: section.id });
      const [received] = await receiver.waitFor(1, { path: '/publish' });
      await quietFor(600);
      expect(at('/publish')).toHaveLength(1);

      const payload = verify(endpoint.secret!, received) as { type: string; timestamp: string; data: Record<string, unknown> };
      expect(payload).toEqual({
        type: 'story.published',
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        data: { id: story.id, slug: story.slug, url: `${SITE}/${section.slug}/${story.slug}`, version: story.version },
      });
      expect(received.headers['content-type']).toBe('application/json');
      expect(Math.abs(Number(received.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(30);

      const [logged] = await untilDelivery(endpoint.id, (log) => log[0]?.status === 'delivered');
      expect(logged).toMatchObject({
        id: received.headers['webhook-id'],
        eventType: 'story.published',
        status: 'delivered',
        attempts: 1,
        responseStatus: 204,
      });
      expect(logged.latencyMs).toEqual(expect.any(Number));
      expect(logged.payload).toEqual(payload);
    });

    it('tells story.updated, story.unpublished and story.deleted apart, each only to the endpoints that asked', async () => {
      const all = await endpointFor('/lifecycle', ['story.published', 'story.updated', 'story.unpublished', 'story.deleted']);
      const onlyRemovals = await endpointFor('/removals', ['story.unpublished', 'story.deleted']);
      const story = await publishStory({ headline: '国会今日复会' });
      const republished = await actOk(t, editor, story, 'publish');
      const unpublished = await actOk(t, editor, republished, 'unpublish');
      const again = await actOk(t, editor, unpublished, 'publish');
      await request(t.http).delete(`/api/admin/articles/${story.id}`).set('Authorization', editor.auth).expect(204);
      await untilDelivery(all.id, (log) => log.length === 5 && log.every((d) => d.status === 'delivered'));
      await untilDelivery(onlyRemovals.id, (log) => log.length === 2 && log.every((d) => d.status === 'delivered'));

      // The log pages newest first with its cursor.
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: request.Response = await request(t.http)
          .get(`/api/admin/webhooks/${all.id}/deliveries`)
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .set('Authorization', admin.auth)
          .expect(200);
        seen.push(...(page.body as { items: DeliveryBody[] }).items.map((d) => d.eventType));
        cursor = (page.body as { nextCursor: string | null }).nextCursor;
      } while (cursor);
      expect(seen).toEqual(['story.deleted', 'story.published', 'story.unpublished', 'story.updated', 'story.published']);
      await request(t.http).get(`/api/admin/webhooks/${all.id}/deliveries?cursor=bogus`).set('Authorization', admin.auth).expect(422);
      const failedOnly = await request(t.http)
        .get(`/api/admin/webhooks/${all.id}/deliveries?status=failed`)
        .set('Authorization', admin.auth)
        .expect(200);
      expect(failedOnly.body.items).toEqual([]);

      const types = (path: string) => at(path).map((r) => (JSON.parse(r.body) as { type: string }).type);
      expect(types('/lifecycle').sort()).toEqual(
        ['story.deleted', 'story.published', 'story.published', 'story.unpublished', 'story.updated'].sort(),
      );
      expect(types('/removals').sort()).toEqual(['story.deleted', 'story.unpublished']);
      const removal = at('/removals').map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> });
      const unpublishedMessage = removal.find((m) => m.type === 'story.unpublished')!;
      // Where it was: receivers purge that page.
      expect(unpublishedMessage.data).toEqual({ id: story.id, slug: story.slug, url: `${SITE}/news/${story.slug}`, version: unpublished.version });
      expect(again.status).toBe('published');
    });

    it('sends media.updated for a photo a live story shows (with story.updated for the story), and section.changed', async () => {
      const endpoint = await endpointFor('/media', ['media.updated', 'story.updated', 'section.changed']);
      const shown = await createPhoto(t);
      const draftOnly = await createPhoto(t);
      const story = await publishStory({ featuredImage: { mediaId: shown.id } });
      await createStory(t, editor, { featuredImage: { mediaId: draftOnly.id } });
      for (const photo of [shown, draftOnly]) {
        const current = await t.dataSource.getRepository(MediaAsset).findOneByOrFail({ id: photo.id });
        await request(t.http)
          .patch(`/api/admin/media/${photo.id}`)
          .set('Authorization', editor.auth)
          .set('If-Match', `"${current.version}"`)
          .send({ credit: '美联社' })
          .expect(200);
      }
      const section = await createCategory(t, admin, { name: '财经' });
      const log = await untilDelivery(endpoint.id, (l) => l.length === 3 && l.every((d) => d.status === 'delivered'));
      const byType = new Map(log.map((d) => [d.eventType, d.payload.data]));
      const photoNow = await t.dataSource.getRepository(MediaAsset).findOneByOrFail({ id: shown.id });
      expect(byType.get('media.updated')).toEqual({ id: shown.id, slug: null, url: null, version: photoNow.version });
      expect(byType.get('story.updated')).toMatchObject({ id: story.id, slug: story.slug });
      expect(byType.get('section.changed')).toEqual({ id: section.id, slug: section.slug, url: null, version: null, change: 'created' });
    });

    it('retries a receiver that fails three times, and the fourth attempt carries the same webhook-id', async () => {
      const endpoint = await endpointFor('/flaky', ['story.published']);
      receiver.respond((r, res) => {
        const attemptsSoFar = at('/flaky').length;
        if (r.path === '/flaky' && attemptsSoFar <= 3) res.writeHead(attemptsSoFar === 2 ? 429 : 503, { 'retry-after': '0' }).end('busy');
        else res.writeHead(200).end('ok');
      });
      await publishStory();
      await receiver.waitFor(4, { path: '/flaky' });
      const attempts = at('/flaky');
      expect(new Set(attempts.map((r) => r.headers['webhook-id'])).size).toBe(1);
      for (const attempt of attempts) expect(() => verify(endpoint.secret!, attempt)).not.toThrow();
      const [logged] = await untilDelivery(endpoint.id, (log) => log[0]?.status === 'delivered');
      expect(logged).toMatchObject({ attempts: 4, responseStatus: 200, lastError: null, id: attempts[0].headers['webhook-id'] });
      await quietFor(400);
      expect(at('/flaky')).toHaveLength(4);
    });

    it('logs a failing attempt with its status, error, answer and next attempt', async () => {
      const endpoint = await endpointFor('/broken', ['story.published']);
      receiver.respond((r, res) => (r.path === '/broken' ? res.writeHead(500).end('Internal error: 数据库不可用') : res.writeHead(204).end()));
      await publishStory();
      const [logged] = await untilDelivery(endpoint.id, (log) => (log[0]?.attempts ?? 0) >= 1 && log[0].responseStatus === 500);
      expect(logged).toMatchObject({ status: 'pending', lastError: 'HTTP 500', responseExcerpt: 'Internal error: 数据库不可用' });
      await request(t.http).patch(`/api/admin/webhooks/${endpoint.id}`).set('Authorization', admin.auth).send({ active: false }).expect(200);
    });

    it('redelivers by hand with the same webhook-id, and audits it', async () => {
      const endpoint = await endpointFor('/redeliver', ['story.published']);
      await publishStory();
      const [first] = await untilDelivery(endpoint.id, (log) => log[0]?.status === 'delivered');
      const res = await request(t.http)
        .post(`/api/admin/webhooks/${endpoint.id}/deliveries/${first.id}/redeliver`)
        .set('Authorization', admin.auth)
        .expect(202);
      expect(res.body).toMatchObject({ id: first.id, status: 'pending' });
      await untilDelivery(endpoint.id, (log) => log[0]?.status === 'delivered' && log[0].attempts === 2);
      expect(at('/redeliver').map((r) => r.headers['webhook-id'])).toEqual([first.id, first.id]);
      const audit = await t.dataSource.query(`SELECT summary FROM audit_entry WHERE action = 'webhook.redeliver' AND entity_id = $1`, [endpoint.id]);
      expect(audit).toEqual([{ summary: expect.objectContaining({ deliveryId: first.id }) }]);
      await request(t.http)
        .post(`/api/admin/webhooks/${endpoint.id}/deliveries/${endpoint.id}/redeliver`)
        .set('Authorization', admin.auth)
        .expect(404);
    });

    it('disables an endpoint that has failed continuously for days, says why, and sends what waited once enabled again', async () => {
      const endpoint = await endpointFor('/dead', ['story.published']);
      receiver.respond((r, res) => res.writeHead(r.path === '/dead' ? 502 : 204).end());
      // It has been failing for four days (the default limit is three).
      await t.dataSource.query(`UPDATE webhook_endpoint SET failing_since = now() - interval '4 days' WHERE id = $1`, [endpoint.id]);
      await publishStory();
      const deadline = Date.now() + 10_000;
      let shown: EndpointBody;
      do {
        await quietFor(50);
        shown = (await request(t.http).get(`/api/admin/webhooks/${endpoint.id}`).set('Authorization', admin.auth).expect(200)).body as EndpointBody;
      } while (shown.active && Date.now() < deadline);
      expect(shown.active).toBe(false);
      expect(shown.disabledReason).toMatch(/failed since .* the last: HTTP 502/);
      const audit = await t.dataSource.query(`SELECT actor_id, summary FROM audit_entry WHERE action = 'webhook.disable' AND entity_id = $1`, [
        endpoint.id,
      ]);
      expect(audit).toEqual([{ actor_id: null, summary: expect.objectContaining({ reason: shown.disabledReason }) }]);

      // Nothing is sent while it is off; redelivery says why not.
      const [waiting] = await deliveries(endpoint.id);
      expect(waiting.status).toBe('pending');
      const refused = await request(t.http)
        .post(`/api/admin/webhooks/${endpoint.id}/deliveries/${waiting.id}/redeliver`)
        .set('Authorization', admin.auth)
        .expect(409);
      expect(refused.body.disabledReason).toBe(shown.disabledReason);
      const attemptsWhileOff = at('/dead').length;
      await quietFor(400);
      expect(at('/dead')).toHaveLength(attemptsWhileOff);

      receiver.respond(answer(204));
      const enabled = await request(t.http)
        .patch(`/api/admin/webhooks/${endpoint.id}`)
        .set('Authorization', admin.auth)
        .send({ active: true })
        .expect(200);
      expect(enabled.body).toMatchObject({ active: true, disabledReason: null, disabledAt: null, failingSince: null });
      await untilDelivery(endpoint.id, (log) => log[0]?.status === 'delivered');
    });

    it('rotates the secret: the new one is shown once, and for a grace period both sign', async () => {
      const endpoint = await endpointFor('/rotate', ['story.published']);
      const rotated = await request(t.http)
        .patch(`/api/admin/webhooks/${endpoint.id}`)
        .set('Authorization', admin.auth)
        .send({ rotateSecret: true })
        .expect(200);
      const fresh = (rotated.body as EndpointBody).secret!;
      issued.push(fresh);
      expect(fresh).toMatch(/^whsec_/);
      expect(fresh).not.toBe(endpoint.secret);
      expect(rotated.body.previousSecretExpiresAt).toEqual(expect.any(String));
      await publishStory();
      const [delivered] = await receiver.waitFor(1, { path: '/rotate' });
      expect(String(delivered.headers['webhook-signature']).split(' ')).toHaveLength(2);
      expect(() => verify(fresh, delivered)).not.toThrow();
      expect(() => verify(endpoint.secret!, delivered)).not.toThrow();
      const after = await request(t.http).get(`/api/admin/webhooks/${endpoint.id}`).set('Authorization', admin.auth).expect(200);
      expect(after.body).not.toHaveProperty('secret');
    });

    it('never shows a secret in any listing, log or audit entry', async () => {
      expect(issued.length).toBeGreaterThan(5);
      const audit = JSON.stringify(await t.dataSource.query(`SELECT * FROM audit_entry WHERE entity = 'webhook'`));
      expect(audit).toContain('webhook.create');
      expect(audit).toContain('"secretRotated":true');
      const listing = JSON.stringify((await request(t.http).get('/api/admin/webhooks').set('Authorization', admin.auth)).body);
      const auditApi = JSON.stringify((await request(t.http).get('/api/admin/audit?entity=webhook&limit=100').set('Authorization', admin.auth)).body);
      for (const secret of issued) {
        const key = secret.slice('whsec_'.length);
        for (const text of [audit, listing, auditApi]) expect(text).not.toContain(key);
      }
      expect(auditApi).not.toContain('whsec_');
    });
  });
});
