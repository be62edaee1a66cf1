// A story's revisions, the diff between two of them, and restoring one.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { ifMatch, unwrap } from '../api/problem';
import { storyKeys } from '../stories/hooks';

export type RevisionSummary = Schemas['RevisionSummaryDto'];
export type StoryDiff = Schemas['DiffResponseDto'];
export type FieldDiff = Schemas['FieldDiffDto'];

export function useRevisions(storyId: string) {
  return useInfiniteQuery({
    queryKey: ['revisions', storyId],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(await api.GET('/api/admin/articles/{id}/revisions', { params: { path: { id: storyId }, query: { cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useDiff(storyId: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: ['revisions', storyId, 'diff', from, to],
    enabled: from !== null && to !== null && from !== to,
    queryFn: async () =>
      unwrap(await api.GET('/api/admin/articles/{id}/diff', { params: { path: { id: storyId }, query: { from: from!, to: to! } } })),
    staleTime: Infinity,
  });
}

export function useRestoreRevision(storyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ number, version }: { number: number; version: number }) =>
      unwrap(
        await api.POST('/api/admin/articles/{id}/revisions/{number}/restore', {
          params: { path: { id: storyId, number }, header: { 'If-Match': ifMatch(version) } },
        }),
      ),
    onSuccess: (story) => {
      queryClient.setQueryData(storyKeys.one(storyId), story);
      void queryClient.invalidateQueries({ queryKey: ['revisions', storyId] });
      void queryClient.invalidateQueries({ queryKey: ['stories', 'list'] });
    },
  });
}
