// A problem from the API in words an editor understands, in the UI language.
import { ApiProblem } from '../api/problem';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/i18n';

const BY_CODE: Partial<Record<string, MessageKey>> = {
  offline: 'problem.offline',
  'version-mismatch': 'problem.versionMismatch',
  'precondition-required': 'problem.versionMismatch',
  'photos-missing-credit': 'problem.photosMissingCredit',
  embargoed: 'problem.embargoed',
  'already-public': 'problem.alreadyPublic',
  'slug-taken': 'problem.slugTaken',
  'action-not-allowed': 'problem.actionNotAllowed',
  forbidden: 'problem.forbidden',
  'not-found': 'problem.notFound',
  'too-many-requests': 'problem.tooManyRequests',
  'email-taken': 'problem.emailTaken',
  'last-administrator': 'problem.lastAdministrator',
  'role-in-use': 'problem.roleInUse',
  'role-name-taken': 'problem.roleNameTaken',
  'built-in-role': 'problem.builtInRole',
  'core-grants': 'problem.builtInRole',
  'category-in-use': 'problem.categoryInUse',
  'category-has-children': 'problem.categoryHasChildren',
  'category-name-taken': 'problem.categoryNameTaken',
  'payload-too-large': 'problem.tooLarge',
  'image-too-large': 'problem.tooLarge',
  'unsupported-media-type': 'problem.notAPhoto',
  'image-unreadable': 'problem.notAPhoto',
  'revision-photos-missing': 'problem.revisionPhotosMissing',
  unauthorized: 'problem.unauthorized',
  'not-published': 'problem.notPublished',
  'webhook-inactive': 'problem.webhookInactive',
  'too-many-webhooks': 'problem.tooManyWebhooks',
};

/** A sentence for `error`; field errors are listed after it. */
export function problemMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiProblem)) return t('problem.unexpected');
  const key = BY_CODE[error.code];
  if (key) return t(key);
  if (error.code === 'validation-failed') {
    const fields = error.fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return fields ? `${t('problem.validation')} ${fields}` : t('problem.validation');
  }
  if (error.status >= 500) return t('problem.server', { requestId: String(error.body.requestId ?? '') });
  return error.message;
}
