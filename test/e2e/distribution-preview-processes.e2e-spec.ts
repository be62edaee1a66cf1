// Preview links revoked in one process stop working in every other at once: grants live in
// PostgreSQL. (Its own file: two applications in one Jest process share passport's strategies.)
import request from 'supertest';
import { createSharedDatabase, startAppOn } from '../support/shared-db.js';
import { createStory } from '../support/stories.js';
import { createUser } from '../support/users.js';

describe('preview links across processes', () => {
  it('are revoked for every process sharing the database', async () => {
    const db = await createSharedDatabase();
    const one = await startAppOn(db.url, { SCHEDULER_ENABLED: 'false' });
    const two = await startAppOn(db.url, { SCHEDULER_ENABLED: 'false' });
    try {
      const chief = await createUser(one, ['editor']);
      const draft = await createStory(one, chief, { headline: '两台服务器' });
      const { token } = (await request(one.http).post(`/api/admin/articles/${draft.id}/preview`).set('Authorization', chief.auth).send({}).expect(201)).body;
      await request(two.http).get(`/api/content/preview/${token}`).expect(200);
      await request(one.http).delete(`/api/admin/articles/${draft.id}/preview`).set('Authorization', chief.auth).expect(204);
      await request(two.http).get(`/api/content/preview/${token}`).expect(404);
    } finally {
      await one.close();
      await two.close();
      await db.drop();
    }
  });
});
