// When a story's slug follows its headline. Before first publication an automatic slug tracks
// headline edits; once published (or once an editor chose one) it stays, so links keep working.
import { slugify } from '../common/slug.js';
import { LIMITS } from './editorial-rules.js';

/** The slug a headline gives, before uniqueness: pinyin for Chinese, `article-<id>` when nothing is left. */
export function headlineSlug(headline: string, articleId: string): string {
  return slugify(headline, LIMITS.slug) || `article-${articleId.slice(0, 8)}`;
}

/** Whether `slug` is what the headline produced (possibly with a -N suffix added for uniqueness). */
export function isAutomaticSlug(slug: string, headline: string, articleId: string): boolean {
  const base = headlineSlug(headline, articleId);
  if (slug === base) return true;
  const suffixed = slug.match(/^(.*)(-\d+)$/u);
  if (!suffixed) return false;
  const [, prefix, suffix] = suffixed;
  // uniqueSlug shortens the base at a word boundary only when base + suffix would be too long.
  return prefix === base || (base.length + suffix.length > LIMITS.slug && base.startsWith(`${prefix}-`));
}

/** True when an edit of the headline should also change the slug. */
export function slugFollowsHeadline(current: { slug: string; headline: string; publishedAt: Date | null }, articleId: string): boolean {
  return current.publishedAt === null && isAutomaticSlug(current.slug, current.headline, articleId);
}
