// The typed client for the admin API: paths, parameters and bodies come from schema.d.ts, which
// `npm run console:api` generates from the server's own OpenAPI document. Every request carries the
// session's access token; a 401 refreshes it once and repeats the request.
import createClient, { type Middleware } from 'openapi-fetch';
import { session } from '../auth/session';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

const retries = new WeakMap<Request, Request>();

const withSession: Middleware = {
  async onRequest({ request }) {
    const token = await session.accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    // Kept before the body is read, to repeat the request after a refresh.
    retries.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    const sent = request.headers.get('Authorization')?.slice('Bearer '.length);
    const retry = retries.get(request);
    if (response.status !== 401 || !sent || !retry) return response;
    const token = await session.afterRejection(sent);
    if (!token) return response;
    retry.headers.set('Authorization', `Bearer ${token}`);
    return fetch(retry);
  },
};

export const api = createClient<paths>({ baseUrl: '' });
api.use(withSession);

/** Bytes the API serves behind the token (photo previews): fetched with it, shown from a blob: URL. */
export async function fetchWithSession(url: string): Promise<Response> {
  const token = await session.accessToken();
  const headers = token ? { Authorization: `Bearer ${token}` } : undefined;
  let response = await fetch(url, { headers });
  if (response.status === 401 && token) {
    const fresh = await session.afterRejection(token);
    if (fresh) response = await fetch(url, { headers: { Authorization: `Bearer ${fresh}` } });
  }
  return response;
}
