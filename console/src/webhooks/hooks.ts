// Webhook administration (webhook.manage): the endpoints, adding, pausing and deleting one, and an
// endpoint's delivery log with redelivery by hand.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { ensureOk, ifMatch, unwrap } from '../api/problem';

export type WebhookEndpoint = Schemas['WebhookEndpointResponse'];
export type WebhookDelivery = Schemas['WebhookDeliveryResponse'];
export type NewWebhook = Schemas['CreateWebhookRequest'];
export type DeliveryStatus = WebhookDelivery['status'];

const keys = {
  all: ['webhooks'] as const,
  list: ['webhooks', 'list'] as const,
  one: (id: string) => ['webhooks', 'one', id] as const,
  deliveries: (id: string, status: DeliveryStatus | undefined) => ['webhooks', 'deliveries', id, status ?? 'all'] as const,
};

export function useWebhooks() {
  return useQuery({ queryKey: keys.list, queryFn: async () => unwrap(await api.GET('/api/admin/webhooks')).items });
}

/** Looked at again every 3 s while its deliveries fail: a redelivery that succeeds clears that. */
export function useWebhook(id: string) {
  return useQuery({
    queryKey: keys.one(id),
    // Not from the browser's HTTP cache: the ETag is the version, which failingSince and the disabled
    // state change without, so a revalidation would answer 304 with the old state.
    queryFn: async () => unwrap(await api.GET('/api/admin/webhooks/{id}', { params: { path: { id } }, cache: 'no-store' })),
    refetchInterval: (query) => (query.state.data?.failingSince ? 3000 : false),
  });
}

/** After a write: the endpoint and its log (or, after a deletion, only the list) fetched again. */
function useWebhookWrite<T, R>(write: (input: T) => Promise<R>, refetch: readonly string[] = keys.all) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => void queryClient.invalidateQueries({ queryKey: refetch }) });
}

/** The answer carries the signing secret, this once. */
export const useCreateWebhook = () => useWebhookWrite(async (body: NewWebhook) => unwrap(await api.POST('/api/admin/webhooks', { body })));

export const useSetWebhookActive = () =>
  useWebhookWrite(async ({ endpoint, active }: { endpoint: WebhookEndpoint; active: boolean }) =>
    unwrap(
      await api.PATCH('/api/admin/webhooks/{id}', {
        params: { path: { id: endpoint.id }, header: { 'If-Match': ifMatch(endpoint.version) } },
        body: { active },
      }),
    ),
  );

export const useDeleteWebhook = () =>
  useWebhookWrite(
    async (endpoint: WebhookEndpoint) =>
      ensureOk(
        await api.DELETE('/api/admin/webhooks/{id}', { params: { path: { id: endpoint.id }, header: { 'If-Match': ifMatch(endpoint.version) } } }),
      ),
    keys.list,
  );

/** Newest first; looked at again every 2 s while a delivery on screen is still pending. */
export function useDeliveries(id: string, status: DeliveryStatus | undefined) {
  return useInfiniteQuery({
    queryKey: keys.deliveries(id, status),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(await api.GET('/api/admin/webhooks/{id}/deliveries', { params: { path: { id }, query: { status, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some((d) => d.status === 'pending')) ? 2000 : false),
  });
}

export function useRedeliver(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (deliveryId: string) =>
      unwrap(await api.POST('/api/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { id: endpointId, deliveryId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['webhooks', 'deliveries', endpointId] }),
  });
}
