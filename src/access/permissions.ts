// The permission vocabulary. Which role holds which is data (seeded by migration), not code.
export enum Permission {
  ArticleCreate = 'article.create',
  ArticleEditOwn = 'article.edit.own',
  ArticleEditAny = 'article.edit.any',
  ArticleSubmit = 'article.submit',
  ArticlePublish = 'article.publish',
  ArticleSchedule = 'article.schedule',
  ArticleUnpublish = 'article.unpublish',
  ArticleArchive = 'article.archive',
  ArticleDelete = 'article.delete',
  CategoryManage = 'category.manage',
  MediaUpload = 'media.upload',
  MediaEdit = 'media.edit',
  MediaDelete = 'media.delete',
  UserManage = 'user.manage',
  RoleManage = 'role.manage',
  AuditRead = 'audit.read',
  ImportRun = 'import.run',
  WebhookManage = 'webhook.manage',
}

export const ALL_PERMISSIONS: readonly Permission[] = Object.values(Permission);

export const isPermission = (value: string): value is Permission => (ALL_PERMISSIONS as readonly string[]).includes(value);

/** What each permission lets its holder do, as shown to administrators choosing grants. */
export const PERMISSION_DESCRIPTIONS: Readonly<Record<Permission, string>> = {
  [Permission.ArticleCreate]: 'Create stories.',
  [Permission.ArticleEditOwn]: 'Edit stories one created or is credited on.',
  [Permission.ArticleEditAny]: 'Edit and act on every story.',
  [Permission.ArticleSubmit]: 'Submit stories for review.',
  [Permission.ArticlePublish]: 'Publish stories (own ones, or any with article.edit.any) and send them back for changes.',
  [Permission.ArticleSchedule]: 'Schedule and unschedule publication.',
  [Permission.ArticleUnpublish]: 'Take published stories down.',
  [Permission.ArticleArchive]: 'Archive stories.',
  [Permission.ArticleDelete]: 'Delete stories.',
  [Permission.CategoryManage]: 'Create, edit and reorder sections.',
  [Permission.MediaUpload]: 'Upload photos and files.',
  [Permission.MediaEdit]: 'Edit captions, credits and other photo metadata.',
  [Permission.MediaDelete]: 'Delete photos and files.',
  [Permission.UserManage]: 'Create staff accounts, assign roles, deactivate accounts and reset passwords.',
  [Permission.RoleManage]: 'Create, change and delete roles.',
  [Permission.AuditRead]: 'Read the audit log.',
  [Permission.ImportRun]: 'Import stories from text.',
  [Permission.WebhookManage]: 'Register, change and delete webhook endpoints, read their delivery logs and redeliver.',
};
