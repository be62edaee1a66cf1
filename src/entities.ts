// Every entity, listed explicitly so Nest, Jest and the migration CLI load the same set.
import { ArticleMedia } from './articles/article-media.entity.js';
import { ArticleRevision } from './articles/article-revision.entity.js';
import { Article } from './articles/article.entity.js';
import { AuditEntry } from './audit/audit-entry.entity.js';
import { LoginAttempt } from './auth/login-attempt.entity.js';
import { RefreshToken } from './auth/refresh-token.entity.js';
import { Category } from './categories/category.entity.js';
import { PublishedArticle } from './articles/published-article.entity.js';
import { PreviewGrant } from './distribution/previews/preview-grant.entity.js';
import { ImportRecord } from './importer/import-record.entity.js';
import { MediaAsset } from './media/media-asset.entity.js';
import { SearchDocument } from './search/search-document.entity.js';
import { Role } from './users/role.entity.js';
import { User } from './users/user.entity.js';
import { WebhookDelivery } from './distribution/webhooks/webhook-delivery.entity.js';
import { WebhookEndpoint } from './distribution/webhooks/webhook-endpoint.entity.js';

export const entities: Function[] = [User, Role, RefreshToken, AuditEntry, MediaAsset, LoginAttempt, Category, Article, ArticleRevision, ArticleMedia, PublishedArticle, SearchDocument, ImportRecord, PreviewGrant, WebhookEndpoint, WebhookDelivery];
