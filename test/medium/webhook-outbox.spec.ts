// The outbox on PostgreSQL: rows commit or roll back with the editorial write that queued them;
// a delivery is never held only in memory (a claim whose process died is taken again after its
// lease); and housekeeping purges the log after its retention.
import { randomUUID } from 'node:crypto';
import { ArticleWorkflowService } from '../../src/articles/article-workflow.service.js';
import { ArticlesService } from '../../src/articles/articles.service.js';
import { WebhookEndpointsService } from '../../src/distribution/webhooks/webhook-endpoints.service.js';
import { HousekeepingService } from '../../src/housekeeping/housekeeping.service.js';
import type { AuthUser } from '../../src/access/auth-user.js';
import { createTestContext, type TestContext } from '../support/app.js';
import { authUserOf, createUser } from '../support/users.js';
import { FAST_WEBHOOKS, quietFor, startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

describe('webhook outbox', () => {
  let t: TestContext;
  let receiver: WebhookReceiver;
  let admin: AuthUser;
  let editor: AuthUser;
  let endpointId: string;

  beforeAll(async () => {
    t = await createTestContext({ env: FAST_WEBHOOKS });
    receiver = await startWebhookReceiver();
    admin = await authUserOf(t, await createUser(t, ['admin']));
    editor = await authUserOf(t, await createUser(t, ['editor']));
    endpointId = (await t.app.get(WebhookEndpointsService).create(admin, { url: receiver.url(), events: ['story.published'] })).id;
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
  });

  const rowsFor = async (articleId: string): Promise<number> =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM webhook_delivery WHERE body::jsonb -> 'data' ->> 'id' = $1`, [articleId]))[0].n);

  async function scheduledStory(): Promise<string> {
    const articles = t.app.get(ArticlesService);
    const story = await articles.create(editor, { headline: '内阁改组', body: [{ type: 'paragraph', text: '首相今日宣布内阁改组。' }] });
    const at = new Date(Date.now() + 3_600_000).toISOString();
    await t.app.get(ArticleWorkflowService).apply(editor, story.id, 'schedule', story.version, { publishAt: at });
    return story.id;
  }

  it('writes nothing, and sends nothing, for a write that rolls back', async () => {
    const id = await scheduledStory();
    let queuedInside = 0;
    await expect(
      t.dataSource.transaction(async (manager) => {
        await t.app.get(ArticleWorkflowService).publishScheduled(manager, id);
        queuedInside = Number(
          (await manager.query(`SELECT count(*) AS n FROM webhook_delivery WHERE body::jsonb -> 'data' ->> 'id' = $1`, [id]))[0].n,
        );
        throw new Error('the write fails after the outbox row was written');
      }),
    ).rejects.toThrow('the write fails');
    expect(queuedInside).toBe(1);
    expect(await rowsFor(id)).toBe(0);
    await quietFor(600);
    expect(receiver.received).toEqual([]);
  });

  it('sends what a committed write queued', async () => {
    const id = await scheduledStory();
    await t.dataSource.transaction((manager) => t.app.get(ArticleWorkflowService).publishScheduled(manager, id));
    const [received] = await receiver.waitFor(1);
    expect((JSON.parse(received.body) as { data: { id: string } }).data.id).toBe(id);
  });

  it('takes again a delivery whose worker died mid-attempt once its lease ends, and leaves one under a live lease', async () => {
    const [orphaned, leased] = [randomUUID(), randomUUID()];
    const body = (id: string) =>
      JSON.stringify({ type: 'story.published', timestamp: new Date().toISOString(), data: { id, slug: 's', url: null, version: 1 } });
    await t.dataSource.query(
      `INSERT INTO webhook_delivery (id, endpoint_id, event_type, body, attempts, next_attempt_at, locked_until) VALUES
         ($1, $3, 'story.published', $4, 1, now() - interval '1 minute', now() - interval '1 second'),
         ($2, $3, 'story.published', $5, 1, now() - interval '1 minute', now() + interval '1 hour')`,
      [orphaned, leased, endpointId, body(orphaned), body(leased)],
    );
    const [received] = await receiver.waitFor(1);
    expect(received.headers['webhook-id']).toBe(orphaned);
    await quietFor(600);
    expect(receiver.received).toHaveLength(1);
    const rows = await t.dataSource.query(`SELECT id, status, attempts FROM webhook_delivery WHERE id = ANY($1::uuid[]) ORDER BY attempts DESC`, [
      [orphaned, leased],
    ]);
    expect(rows).toEqual([
      { id: orphaned, status: 'delivered', attempts: 2 },
      { id: leased, status: 'pending', attempts: 1 },
    ]);
  });

  it('purges delivered entries after 30 days and failed ones after 90, never pending ones', async () => {
    await t.dataSource.query(`DELETE FROM webhook_delivery`);
    const insert = (status: string, days: number) =>
      t.dataSource.query(
        `INSERT INTO webhook_delivery (endpoint_id, event_type, body, status, created_at, next_attempt_at)
         VALUES ($1, 'story.published', '{}', $2, now() - make_interval(days => $3), CASE WHEN $2 = 'pending' THEN now() + interval '1 day' END)
         RETURNING status`,
        [endpointId, status, days],
      );
    for (const [status, days] of [
      ['delivered', 31],
      ['delivered', 29],
      ['failed', 31],
      ['failed', 91],
      ['pending', 120],
    ] as const)
      await insert(status, days);
    const counts = await t.app.get(HousekeepingService).sweep({ media: false });
    expect(counts.webhookDeliveries).toBe(2);
    const left: Array<{ status: string; days: number }> = await t.dataSource.query(
      `SELECT status, round(extract(epoch FROM now() - created_at) / 86400)::int AS days FROM webhook_delivery ORDER BY status, days`,
    );
    expect(left).toEqual([
      { status: 'delivered', days: 29 },
      { status: 'failed', days: 31 },
      { status: 'pending', days: 120 },
    ]);
  });
});
