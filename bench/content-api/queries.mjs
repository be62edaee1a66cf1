// The content API's SQL for the benchmarked routes, copied from src/content/content.repository.ts
// (SUMMARY_COLUMNS, buildListQuery without section or tag filter, buildBySlugQuery, embargoedPhotos) for the raw
// baseline server. run.mjs checks at start that the app's repository still builds these texts.

const SUMMARY_COLUMNS = `p.article_id, p.slug, p.headline, p.subheadline, p.dateline, p.language, p.excerpt, p.featured_image,
  p.tags, p.authors, p.byline, p.published_at, p.updated_at, c.name AS category_name, c.slug AS category_slug`;
const ORDER = 'ORDER BY p.published_at DESC, p.article_id DESC';

/** Params: [limit + 1]. */
export const FIRST_PAGE_SQL = `SELECT ${SUMMARY_COLUMNS} FROM published_article p LEFT JOIN category c ON c.id = p.category_id ${ORDER} LIMIT $1`;

/** Params: [publishedAt (ISO), articleId, limit + 1]. */
export const NEXT_PAGE_SQL = `SELECT ${SUMMARY_COLUMNS} FROM published_article p LEFT JOIN category c ON c.id = p.category_id
  WHERE (p.published_at, p.article_id) < ($1::timestamptz, $2::uuid) ${ORDER} LIMIT $3`;

const FULL_COLUMNS = `${SUMMARY_COLUMNS}, p.body, p.corrections, p.seo_title, p.seo_description, p.canonical_url, p.social_image`;

/** Params: [slug]. */
export const BY_SLUG_SQL = `SELECT ${FULL_COLUMNS} FROM published_article p LEFT JOIN category c ON c.id = p.category_id WHERE p.slug = $1`;

/** The photos an embargo keeps private (ContentRepository.embargoedPhotos): every rendered response needs them. */
export const EMBARGOED_PHOTOS_SQL = `SELECT DISTINCT am.media_id FROM article a JOIN article_media am ON am.article_id = a.id
       WHERE a.embargo_until IS NOT NULL AND a.embargo_until > now() AND a.deleted_at IS NULL`;

/** Whitespace-insensitive comparison of two SQL texts. */
export const sameSql = (a, b) => a.replace(/\s+/gu, ' ').trim() === b.replace(/\s+/gu, ' ').trim();
