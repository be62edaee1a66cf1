// Every authenticated route and the permission it requires. The access-matrix test checks each row
// against every built-in role and fails when the OpenAPI document lists an /api/admin route, or any
// route declaring bearer auth (/api/auth/me, …), that is missing here: add one line per new route.
import { ALL_PERMISSIONS, Permission } from '../../src/access/permissions.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AuthenticatedRoute {
  method: HttpMethod;
  /** Express-style template; `:xxxId`/`:id` become a UUID nobody has, other params `999999`. */
  path: string;
  /** null: any valid access token will do; `{ anyOf }`: one of these will do. */
  permission: Permission | { anyOf: Permission[] } | null;
  /** Sent with POST/PUT/PATCH (default `{}`): it must not change anything, e.g. fail validation. */
  body?: Record<string, unknown>;
}

const route = (method: HttpMethod, path: string, permission: AuthenticatedRoute['permission'], body?: Record<string, unknown>): AuthenticatedRoute => ({
  method,
  path,
  permission,
  body,
});

const STORY_READER = { anyOf: [Permission.ArticleEditOwn, Permission.ArticleEditAny] };
const LIBRARY_READER = { anyOf: [Permission.MediaUpload, Permission.MediaEdit, Permission.MediaDelete] };

export const AUTHENTICATED_ROUTES: readonly AuthenticatedRoute[] = [
  route('GET', '/api/auth/me', null),
  route('POST', '/api/auth/password', null),
  route('GET', '/api/admin/users', Permission.UserManage),
  route('POST', '/api/admin/users', Permission.UserManage),
  route('GET', '/api/admin/users/:id', Permission.UserManage),
  route('PATCH', '/api/admin/users/:id', Permission.UserManage),
  route('POST', '/api/admin/users/:id/unlock', Permission.UserManage),
  route('GET', '/api/admin/permissions', Permission.RoleManage),
  route('GET', '/api/admin/roles', Permission.RoleManage),
  route('POST', '/api/admin/roles', Permission.RoleManage),
  route('GET', '/api/admin/roles/:id', Permission.RoleManage),
  route('PATCH', '/api/admin/roles/:id', Permission.RoleManage),
  route('DELETE', '/api/admin/roles/:id', Permission.RoleManage),
  route('GET', '/api/admin/audit', Permission.AuditRead),
  route('GET', '/api/admin/desk/counts', STORY_READER),
  route('GET', '/api/admin/desk/people', { anyOf: [Permission.ArticleCreate, Permission.ArticleEditOwn, Permission.ArticleEditAny] }),
  route('GET', '/api/admin/newsroom', { anyOf: [...ALL_PERMISSIONS] }),
  route('POST', '/api/admin/media', Permission.MediaUpload),
  route('POST', '/api/admin/media/metadata', Permission.MediaUpload),
  route('GET', '/api/admin/media', LIBRARY_READER),
  route('GET', '/api/admin/media/:id', LIBRARY_READER),
  route('PATCH', '/api/admin/media/:id', Permission.MediaEdit),
  route('DELETE', '/api/admin/media/:id', Permission.MediaDelete),
  route('GET', '/api/admin/media/:id/file', Permission.MediaEdit),
  route('PUT', '/api/admin/media/:id/file', Permission.MediaEdit),
  route('GET', '/api/admin/media/:id/renditions/:rendition', LIBRARY_READER),
  route('GET', '/api/admin/categories', { anyOf: [Permission.CategoryManage, Permission.ArticleCreate, Permission.ArticleEditOwn, Permission.ArticleEditAny] }),
  route('POST', '/api/admin/categories', Permission.CategoryManage),
  route('GET', '/api/admin/categories/:id', Permission.CategoryManage),
  route('PATCH', '/api/admin/categories/:id', Permission.CategoryManage),
  route('DELETE', '/api/admin/categories/:id', Permission.CategoryManage),
  route('GET', '/api/admin/articles', STORY_READER),
  route('POST', '/api/admin/articles', Permission.ArticleCreate),
  route('GET', '/api/admin/articles/:id', STORY_READER),
  route('PATCH', '/api/admin/articles/:id', STORY_READER),
  route('DELETE', '/api/admin/articles/:id', Permission.ArticleDelete),
  route('POST', '/api/admin/articles/:id/submit', Permission.ArticleSubmit),
  route('POST', '/api/admin/articles/:id/request-changes', Permission.ArticlePublish),
  route('POST', '/api/admin/articles/:id/publish', Permission.ArticlePublish),
  route('POST', '/api/admin/articles/:id/schedule', Permission.ArticleSchedule),
  route('POST', '/api/admin/articles/:id/unschedule', Permission.ArticleSchedule),
  route('POST', '/api/admin/articles/:id/unpublish', Permission.ArticleUnpublish),
  route('POST', '/api/admin/articles/:id/archive', Permission.ArticleArchive),
  route('GET', '/api/admin/articles/:id/revisions', STORY_READER),
  route('GET', '/api/admin/articles/:id/revisions/:number', STORY_READER),
  route('GET', '/api/admin/articles/:id/diff', STORY_READER),
  route('POST', '/api/admin/articles/:id/revisions/:number/restore', STORY_READER),
  route('POST', '/api/admin/articles/:id/corrections', Permission.ArticlePublish, { text: '' }),
  route('POST', '/api/admin/articles/:id/preview', STORY_READER, { expiresInSeconds: 1 }),
  route('DELETE', '/api/admin/articles/:id/preview', STORY_READER),
  route('POST', '/api/admin/imports', Permission.ImportRun),
  route('GET', '/api/admin/webhooks', Permission.WebhookManage),
  route('POST', '/api/admin/webhooks', Permission.WebhookManage),
  route('GET', '/api/admin/webhooks/:id', Permission.WebhookManage),
  route('PATCH', '/api/admin/webhooks/:id', Permission.WebhookManage),
  route('DELETE', '/api/admin/webhooks/:id', Permission.WebhookManage),
  route('GET', '/api/admin/webhooks/:id/deliveries', Permission.WebhookManage),
  route('POST', '/api/admin/webhooks/:id/deliveries/:deliveryId/redeliver', Permission.WebhookManage),
];

export const NOBODY_ID = '00000000-0000-4000-8000-000000000000';

/** The concrete URL a row is exercised with. */
export function bogusUrl(path: string): string {
  return path.replace(/:(\w+)/g, (_, name: string) => (/id$/i.test(name) ? NOBODY_ID : '999999'));
}

/** `/api/admin/users/:id` → `/api/admin/users/{id}`, as OpenAPI writes paths. */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
