// Helpers for the stories tests (articles, workflow, content, scheduler): photos straight in the
// library table (the upload API is another module's), and thin wrappers over the admin API.
import request from 'supertest';
import { MediaAsset } from '../../src/media/media-asset.entity.js';
import type { TestApp, TestContext } from './app.js';
import type { TestUser } from './users.js';

export interface StoryResponse {
  id: string;
  slug: string;
  status: string;
  version: number;
  headline: string;
  currentRevision: number;
  publishedRevision: number | null;
  allowedActions: string[];
  [field: string]: unknown;
}

export async function createPhoto(t: Pick<TestContext, 'dataSource'>, fields: Partial<MediaAsset> = {}): Promise<MediaAsset> {
  const repo = t.dataSource.getRepository(MediaAsset);
  return repo.save(
    repo.create({
      status: 'ready',
      caption: '布林肯与拉夫罗夫在日内瓦会面。',
      credit: '路透社',
      altText: null,
      width: 1600,
      height: 1067,
      renditions: [{ name: 'medium', format: 'webp', width: 800, height: 533, bytes: 1000, storageKey: 'k/medium.webp', sha256: 'x' }],
      ...fields,
    }),
  );
}

export const paragraphs = (...texts: string[]) => texts.map((text) => ({ type: 'paragraph', text }));

export async function createStory(t: TestApp, user: TestUser, body: Record<string, unknown> = {}): Promise<StoryResponse> {
  const res = await request(t.http)
    .post('/api/admin/articles')
    .set('Authorization', user.auth)
    .send({
      headline: '布林肯与拉夫罗夫在日内瓦会面',
      body: paragraphs('美国国务卿布林肯与俄罗斯外长拉夫罗夫当地时间周五在瑞士日内瓦会面。'),
      ...body,
    });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as StoryResponse;
}

export function act(t: TestApp, user: TestUser, story: Pick<StoryResponse, 'id' | 'version'>, action: string, body: Record<string, unknown> = {}) {
  return request(t.http)
    .post(`/api/admin/articles/${story.id}/${action}`)
    .set('Authorization', user.auth)
    .set('If-Match', `"${story.version}"`)
    .send(body);
}

/** Takes the action and expects it to succeed; returns the story after it. */
export async function actOk(
  t: TestApp,
  user: TestUser,
  story: Pick<StoryResponse, 'id' | 'version'>,
  action: string,
  body: Record<string, unknown> = {},
): Promise<StoryResponse> {
  const res = await act(t, user, story, action, body);
  if (res.status !== 200) throw new Error(`${action} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as StoryResponse;
}

export function edit(t: TestApp, user: TestUser, story: Pick<StoryResponse, 'id' | 'version'>, body: Record<string, unknown>) {
  return request(t.http).patch(`/api/admin/articles/${story.id}`).set('Authorization', user.auth).set('If-Match', `"${story.version}"`).send(body);
}

export async function editOk(
  t: TestApp,
  user: TestUser,
  story: Pick<StoryResponse, 'id' | 'version'>,
  body: Record<string, unknown>,
): Promise<StoryResponse> {
  const res = await edit(t, user, story, body);
  if (res.status !== 200) throw new Error(`edit failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as StoryResponse;
}

export async function createCategory(t: TestApp, user: TestUser, body: Record<string, unknown>): Promise<{ id: string; slug: string; name: string }> {
  const res = await request(t.http).post('/api/admin/categories').set('Authorization', user.auth).send(body);
  if (res.status !== 201) throw new Error(`category failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; slug: string; name: string };
}

/** Audit entries about one entity, oldest first (read straight from the table). */
export async function auditOf(
  t: TestApp,
  entityId: string,
): Promise<Array<{ action: string; actor_id: string | null; summary: Record<string, unknown> }>> {
  return t.dataSource.query(`SELECT action, actor_id, summary FROM audit_entry WHERE entity_id = $1 ORDER BY id`, [entityId]);
}
