// The typed client for the admin API: paths, parameters and bodies come from schema.d.ts, which
// `npm run console:api` generates from the server's own OpenAPI document.
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

export const api = createClient<paths>({ baseUrl: '' });
