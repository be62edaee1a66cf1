import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { ensureOk, unwrap } from '../api/problem';

export type Section = Schemas['CategoryResponseDto'];

export function useSections() {
  return useQuery({
    queryKey: ['sections'],
    queryFn: async () => unwrap(await api.GET('/api/admin/categories')).items,
    staleTime: 60_000,
  });
}

/** `国际 › 亚洲` for each section: names with their parents, for pickers. */
export function sectionPaths(sections: readonly Section[]): Map<string, string> {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const path = (s: Section, seen = new Set<string>()): string => {
    const parent = s.parentId ? byId.get(s.parentId) : undefined;
    if (!parent || seen.has(parent.id)) return s.name;
    seen.add(s.id);
    return `${path(parent, seen)} › ${s.name}`;
  };
  return new Map(sections.map((s) => [s.id, path(s)]));
}

function useSectionWrite<T>(write: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sections'] }) });
}

export const useCreateSection = () =>
  useSectionWrite(async (body: Schemas['CreateCategoryDto']) => unwrap(await api.POST('/api/admin/categories', { body })));

export const useUpdateSection = () =>
  useSectionWrite(async ({ id, ...body }: Schemas['UpdateCategoryDto'] & { id: string }) =>
    unwrap(await api.PATCH('/api/admin/categories/{id}', { params: { path: { id } }, body })),
  );

export const useDeleteSection = () =>
  useSectionWrite(async (id: string) => ensureOk(await api.DELETE('/api/admin/categories/{id}', { params: { path: { id } } })));
