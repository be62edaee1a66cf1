// Server state of stories: the desk's lists and counts, one story, saving it and its workflow, its
// corrections and its preview links.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { ensureOk, ifMatch, unwrap } from '../api/problem';

export type Story = Schemas['ArticleResponseDto'];
export type StoryStatus = Story['status'];
export type WorkflowAction = Story['allowedActions'][number];
export type StoryChanges = Schemas['UpdateArticleDto'];
export type NewStory = Schemas['CreateArticleDto'];
export type PreviewGrant = Schemas['PreviewGrantDto'];

export const STATUSES: readonly StoryStatus[] = ['draft', 'in_review', 'scheduled', 'published', 'unpublished', 'archived'];

export interface DeskFilters {
  status?: StoryStatus;
  categoryId?: string;
  authorId?: string;
  q?: string;
}

export const storyKeys = {
  all: ['stories'] as const,
  list: (filters: DeskFilters) => ['stories', 'list', filters] as const,
  counts: (filters: Omit<DeskFilters, 'status' | 'q'>) => ['stories', 'counts', filters] as const,
  one: (id: string) => ['stories', 'one', id] as const,
};

const PAGE = 25;

export function useStories(filters: DeskFilters) {
  return useInfiniteQuery({
    queryKey: storyKeys.list(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(await api.GET('/api/admin/articles', { params: { query: { ...filters, cursor: pageParam, limit: PAGE } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useDeskCounts(filters: Omit<DeskFilters, 'status' | 'q'>) {
  return useQuery({
    queryKey: storyKeys.counts(filters),
    queryFn: async () => unwrap(await api.GET('/api/admin/desk/counts', { params: { query: filters } })),
  });
}

export function useStory(id: string) {
  return useQuery({
    queryKey: storyKeys.one(id),
    queryFn: async () => unwrap(await api.GET('/api/admin/articles/{id}', { params: { path: { id } } })),
    // A scheduled story turns published on its own: watch for it.
    refetchInterval: (query) => (query.state.data?.status === 'scheduled' ? 3000 : false),
  });
}

/** After a write: the story as the server answered, and lists and counts fetched again. */
function settle(queryClient: QueryClient, story: Story) {
  queryClient.setQueryData(storyKeys.one(story.id), story);
  void queryClient.invalidateQueries({ queryKey: ['stories', 'list'] });
  void queryClient.invalidateQueries({ queryKey: ['stories', 'counts'] });
  void queryClient.invalidateQueries({ queryKey: ['revisions', story.id] });
}

export function useCreateStory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (story: NewStory) => unwrap(await api.POST('/api/admin/articles', { body: story })),
    onSuccess: (story) => settle(queryClient, story),
  });
}

export function useSaveStory(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, changes }: { version: number; changes: StoryChanges }) =>
      unwrap(await api.PATCH('/api/admin/articles/{id}', { params: { path: { id }, header: { 'If-Match': ifMatch(version) } }, body: changes })),
    onSuccess: (story) => settle(queryClient, story),
  });
}

export interface ActionInput {
  version: number;
  note?: string;
  publishAt?: string;
}

async function runAction(id: string, action: WorkflowAction, { version, note, publishAt }: ActionInput): Promise<Story> {
  const params = { path: { id }, header: { 'If-Match': ifMatch(version) } };
  switch (action) {
    case 'submit':
      return unwrap(await api.POST('/api/admin/articles/{id}/submit', { params, body: {} }));
    case 'request-changes':
      return unwrap(await api.POST('/api/admin/articles/{id}/request-changes', { params, body: { note: note ?? '' } }));
    case 'publish':
      return unwrap(await api.POST('/api/admin/articles/{id}/publish', { params, body: {} }));
    case 'schedule':
      return unwrap(await api.POST('/api/admin/articles/{id}/schedule', { params, body: { publishAt: publishAt ?? '' } }));
    case 'unschedule':
      return unwrap(await api.POST('/api/admin/articles/{id}/unschedule', { params, body: {} }));
    case 'unpublish':
      return unwrap(await api.POST('/api/admin/articles/{id}/unpublish', { params, body: {} }));
    case 'archive':
      return unwrap(await api.POST('/api/admin/articles/{id}/archive', { params, body: {} }));
  }
}

function useStoryAction(id: string, action: WorkflowAction) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: ActionInput) => runAction(id, action, input), onSuccess: (story) => settle(queryClient, story) });
}

export const useSubmitStory = (id: string) => useStoryAction(id, 'submit');
export const useRequestChanges = (id: string) => useStoryAction(id, 'request-changes');
export const usePublishStory = (id: string) => useStoryAction(id, 'publish');
export const useScheduleStory = (id: string) => useStoryAction(id, 'schedule');
export const useUnscheduleStory = (id: string) => useStoryAction(id, 'unschedule');
export const useUnpublishStory = (id: string) => useStoryAction(id, 'unpublish');
export const useArchiveStory = (id: string) => useStoryAction(id, 'archive');

/**
 * Appends a correction notice to a published story: public at once, kept as a `correction` revision
 * of the same working copy (pending edits stay unpublished). If-Match: the version the editor holds.
 */
export function useAppendCorrection(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, text }: { version: number; text: string }) =>
      unwrap(
        await api.POST('/api/admin/articles/{id}/corrections', {
          params: { path: { id }, header: { 'If-Match': ifMatch(version) } },
          body: { text },
        }),
      ),
    onSuccess: (story) => settle(queryClient, story),
  });
}

/** A signed link to the story's saved working copy; the API decides who may have one (403/404 otherwise). */
export function useIssuePreviewLink(id: string) {
  return useMutation({
    mutationFn: async (expiresInSeconds: number) =>
      unwrap(await api.POST('/api/admin/articles/{id}/preview', { params: { path: { id } }, body: { expiresInSeconds } })),
  });
}

/** Every preview link to the story, whoever issued it, stops working. */
export function useRevokePreviewLinks(id: string) {
  return useMutation({
    mutationFn: async () => ensureOk(await api.DELETE('/api/admin/articles/{id}/preview', { params: { path: { id } } })),
  });
}
