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
}

export const ALL_PERMISSIONS: readonly Permission[] = Object.values(Permission);

export const isPermission = (value: string): value is Permission => (ALL_PERMISSIONS as readonly string[]).includes(value);
