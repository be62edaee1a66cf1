// Server state of the photo library: browsing and searching, reading a file's IPTC/XMP before
// saving, uploading, editing the words and the focal point, filling placeholders.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { ensureOk, ifMatch, unwrap } from '../api/problem';

export type Photo = Schemas['MediaResponse'];
export type PhotoMetadata = Schemas['PhotoMetadataDto'];
export type PhotoWords = Pick<
  Schemas['UpdateMediaDto'],
  'caption' | 'credit' | 'creator' | 'copyright' | 'source' | 'altText' | 'title' | 'usageTerms'
>;

export function usePhotos(filters: { q?: string; status?: 'ready' | 'placeholder' }) {
  return useInfiniteQuery({
    queryKey: ['photos', 'list', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/admin/media', { params: { query: { q: filters.q || undefined, status: filters.status, cursor: pageParam, limit: 30 } } }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function usePhoto(id: string | null) {
  return useQuery({
    queryKey: ['photos', 'one', id],
    enabled: id !== null,
    queryFn: async () => unwrap(await api.GET('/api/admin/media/{id}', { params: { path: { id: id! } } })),
  });
}

const fileForm = (file: File, words: Record<string, string | null | undefined> = {}) => {
  const form = new FormData();
  form.append('file', file);
  for (const [key, value] of Object.entries(words)) if (value?.trim()) form.append(key, value.trim());
  return form;
};

/** The caption, credit and the rest the file carries; nothing is stored. */
export function useReadPhotoMetadata() {
  return useMutation({
    mutationFn: async (file: File) =>
      unwrap(await api.POST('/api/admin/media/metadata', { body: { file: '' }, bodySerializer: () => fileForm(file) })),
  });
}

function usePhotoWrite<T>(write: (input: T) => Promise<Photo>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (photo) => {
      queryClient.setQueryData(['photos', 'one', photo.id], photo);
      void queryClient.invalidateQueries({ queryKey: ['photos', 'list'] });
      // Stories show a photo's own words beside their overrides.
      void queryClient.invalidateQueries({ queryKey: ['stories', 'one'] });
    },
  });
}

export const useUploadPhoto = () =>
  usePhotoWrite(async ({ file, words }: { file: File; words: PhotoWords }) =>
    unwrap(await api.POST('/api/admin/media', { body: { file: '' }, bodySerializer: () => fileForm(file, words) })),
  );

export const useUpdatePhoto = () =>
  usePhotoWrite(async ({ id, version, changes }: { id: string; version: number; changes: Schemas['UpdateMediaDto'] }) =>
    unwrap(await api.PATCH('/api/admin/media/{id}', { params: { path: { id }, header: { 'If-Match': ifMatch(version) } }, body: changes })),
  );

export const useFillPlaceholder = () =>
  usePhotoWrite(async ({ id, version, file }: { id: string; version: number; file: File }) =>
    unwrap(
      await api.PUT('/api/admin/media/{id}/file', {
        params: { path: { id }, header: { 'If-Match': ifMatch(version) } },
        body: { file: '' },
        bodySerializer: () => fileForm(file),
      }),
    ),
  );

export function useDeletePhoto() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) =>
      ensureOk(await api.DELETE('/api/admin/media/{id}', { params: { path: { id }, header: { 'If-Match': ifMatch(version) } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['photos', 'list'] }),
  });
}

/** The staff preview of a rendition (works before the photo is published). */
export const previewUrl = (mediaId: string, rendition: { name: string; format: string }) =>
  `/api/admin/media/${mediaId}/renditions/${rendition.name}.${rendition.format}`;

/** The best rendition named `name` (WebP when there is one). */
export function pickRendition<R extends { name: string; format: string }>(renditions: readonly R[], name: string): R | undefined {
  const named = renditions.filter((r) => r.name === name);
  return named.find((r) => r.format === 'webp') ?? named[0];
}
