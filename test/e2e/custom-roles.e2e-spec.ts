// Custom roles built from single permissions get exactly what those permissions promise: a role
// with article.edit.any (and not article.edit.own) reads and edits every story; one with only
// media.edit browses the library it looks after.
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { actOk, createPhoto, createStory, editOk, paragraphs } from '../support/stories.js';
import { createUser, type TestUser } from '../support/users.js';

describe('custom roles', () => {
  let t: TestApp;
  let admin: TestUser;
  let contributor: TestUser;

  const role = (name: string, permissions: string[]) =>
    request(t.http).post('/api/admin/roles').set('Authorization', admin.auth).send({ name, permissions }).expect(201);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t, ['admin']);
    contributor = await createUser(t, ['contributor']);
    await role('desk-chief', ['article.edit.any', 'article.publish']);
    await role('librarian', ['media.edit']);
    await role('auditor', ['audit.read']);
  });

  afterAll(async () => {
    await t.close();
  });

  it('lets article.edit.any alone read, search, revise and publish anyone’s story', async () => {
    const chief = await createUser(t, ['desk-chief']);
    const story = await createStory(t, contributor, { headline: '柔佛新山发生水管爆裂', body: paragraphs('供水中断影响两万户。') });
    const get = (path: string) => request(t.http).get(path).set('Authorization', chief.auth);

    expect((await get('/api/admin/articles').expect(200)).body.items.map((a: { id: string }) => a.id)).toContain(story.id);
    expect((await get('/api/admin/articles?q=' + encodeURIComponent('水管')).expect(200)).body.items[0].id).toBe(story.id);
    await get(`/api/admin/articles/${story.id}`).expect(200);
    const revised = await editOk(t, chief, story, { headline: '新山水管爆裂 两万户停水' });
    await get(`/api/admin/articles/${story.id}/revisions`).expect(200);
    await get(`/api/admin/articles/${story.id}/diff?from=1&to=2`).expect(200);
    const published = await actOk(t, chief, revised, 'publish');
    expect(published.status).toBe('published');
  });

  it('lets media.edit alone browse the library', async () => {
    const librarian = await createUser(t, ['librarian']);
    const photo = await createPhoto(t, { caption: '新山水管爆裂现场', credit: '星洲日报' });
    await request(t.http).get('/api/admin/media').set('Authorization', librarian.auth).expect(200);
    await request(t.http).get(`/api/admin/media/${photo.id}`).set('Authorization', librarian.auth).expect(200);
  });

  it('answers 403 naming the permissions when a role holds none of them', async () => {
    const auditor = await createUser(t, ['auditor']);
    const res = await request(t.http).get('/api/admin/articles').set('Authorization', auditor.auth).expect(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ missingPermissions: ['article.edit.own', 'article.edit.any'], anyOf: true });
    await request(t.http).get('/api/admin/media').set('Authorization', auditor.auth).expect(403);
  });
});
