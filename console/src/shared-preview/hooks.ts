// The public preview a link opens: the content API's preview route, asked without the session (the
// token is the only key, and whoever opens the link usually has no account).
import { useQuery } from '@tanstack/react-query';
import createClient from 'openapi-fetch';
import type { Schemas } from '../api/client';
import { unwrap } from '../api/problem';
import type { paths } from '../api/schema';

export type SharedPreview = Schemas['ContentPreviewDto'];

const publicApi = createClient<paths>({ baseUrl: '' });

export function useSharedPreview(token: string | null) {
  return useQuery({
    queryKey: ['shared-preview', token],
    enabled: token !== null,
    queryFn: async () => unwrap(await publicApi.GET('/api/content/preview/{token}', { params: { path: { token: token! } } })),
  });
}
