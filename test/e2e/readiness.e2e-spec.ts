// /health/ready tells a load balancer, or a newcomer's script, when the server may take traffic: on
// a first start that is once the first administrator and the initial content are in place, not as
// soon as the port is open.
import { createSharedDatabase, spawnServer, type ServerProcess } from '../support/shared-db.js';

describe('readiness on a first start', () => {
  let db: Awaited<ReturnType<typeof createSharedDatabase>>;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    db = await createSharedDatabase();
  });
  afterAll(async () => {
    await server?.stop();
    await db.drop();
  });

  it('answers 200 only once the seed stories are published', async () => {
    server = await spawnServer(db.url, {
      SEED_ON_EMPTY_DATABASE: 'true',
      ADMIN_EMAIL: 'chief@newsroom.test',
      ADMIN_PASSWORD: 'a-long-test-password-1',
    });
    const base = `http://127.0.0.1:${server.port}`;
    const seen: number[] = [];
    for (let i = 0; i < 600; i++) {
      const res = await fetch(`${base}/health/ready`);
      seen.push(res.status);
      if (res.status === 200) break;
      expect(res.status).toBe(503);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen.at(-1)).toBe(200);
    // Whenever it first says ready, the initial content is already there.
    const stories = (await (await fetch(`${base}/api/content/articles`)).json()) as { items: unknown[] };
    expect(stories.items.length).toBeGreaterThan(0);
  });
});
