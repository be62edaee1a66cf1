// Staff: the people a story can credit (any writer may read them), and the user and role
// administration (user.manage, role.manage).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { ensureOk, unwrap } from '../api/problem';

export type StaffUser = Schemas['UserResponse'];
export type Role = Schemas['RoleResponse'];

export function usePeople() {
  return useQuery({
    queryKey: ['people'],
    queryFn: async () => unwrap(await api.GET('/api/admin/desk/people')).items,
    staleTime: 60_000,
  });
}

export function useUsers(q: string) {
  return useInfiniteQuery({
    queryKey: ['users', q],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => unwrap(await api.GET('/api/admin/users', { params: { query: { q: q || undefined, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

function useStaffWrite<T, R>(write: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['roles'] });
      void queryClient.invalidateQueries({ queryKey: ['people'] });
    },
  });
}

export const useCreateUser = () => useStaffWrite(async (body: Schemas['CreateUserRequest']) => unwrap(await api.POST('/api/admin/users', { body })));

export const useUpdateUser = () =>
  useStaffWrite(async ({ id, ...body }: Schemas['UpdateUserRequest'] & { id: string }) =>
    unwrap(await api.PATCH('/api/admin/users/{id}', { params: { path: { id } }, body })),
  );

export function useRoles(enabled = true) {
  return useQuery({ queryKey: ['roles'], queryFn: async () => unwrap(await api.GET('/api/admin/roles')).items, enabled });
}

export function usePermissionList() {
  return useQuery({ queryKey: ['permissions'], queryFn: async () => unwrap(await api.GET('/api/admin/permissions')).items, staleTime: Infinity });
}

export const useCreateRole = () => useStaffWrite(async (body: Schemas['CreateRoleRequest']) => unwrap(await api.POST('/api/admin/roles', { body })));

export const useUpdateRole = () =>
  useStaffWrite(async ({ id, ...body }: Schemas['UpdateRoleRequest'] & { id: string }) =>
    unwrap(await api.PATCH('/api/admin/roles/{id}', { params: { path: { id } }, body })),
  );

export const useDeleteRole = () =>
  useStaffWrite(async (id: string) => ensureOk(await api.DELETE('/api/admin/roles/{id}', { params: { path: { id } } })));
