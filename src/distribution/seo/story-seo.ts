// What search engines and social cards read: the editor's overrides or their defaults (headline,
// excerpt, the reader-site URL, the featured photo), and a ready schema.org NewsArticle for Google's
// article rich results.
import { bestRendition, type PublicPhoto, type PublicStory } from '../public-story.js';

export interface SeoOverrides {
  seoTitle: string | null;
  seoDescription: string | null;
  canonicalUrl: string | null;
  socialImage: PublicPhoto | null;
}

export interface SeoContext {
  /** The story's page on the reader site. */
  url: string;
  publicationName: string;
  siteUrl: string;
  absolute: (path: string) => string;
}

export interface StorySeo {
  seoTitle: string;
  seoDescription: string | null;
  canonicalUrl: string;
  socialImage: PublicPhoto | null;
  jsonLd: Record<string, unknown>;
}

/** Effective SEO fields and the NewsArticle JSON-LD object for one story. */
export function storySeo(story: PublicStory, overrides: SeoOverrides, context: SeoContext): StorySeo {
  const seoTitle = overrides.seoTitle ?? story.headline;
  const seoDescription = overrides.seoDescription ?? story.excerpt;
  const canonicalUrl = overrides.canonicalUrl ?? context.url;
  const socialImage = overrides.socialImage ?? story.featuredImage;
  return { seoTitle, seoDescription, canonicalUrl, socialImage, jsonLd: newsArticle(story, { seoTitle, seoDescription, canonicalUrl, socialImage }, context) };
}

function newsArticle(story: PublicStory, seo: Omit<StorySeo, 'jsonLd'>, context: SeoContext): Record<string, unknown> {
  const publisher = { '@type': 'NewsMediaOrganization', name: context.publicationName, url: context.siteUrl };
  const images = [seo.socialImage, story.featuredImage].filter((p, i, all): p is PublicPhoto => p !== null && all.indexOf(p) === i);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: seo.seoTitle,
    ...(seo.seoDescription ? { description: seo.seoDescription } : {}),
    url: context.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': seo.canonicalUrl },
    datePublished: story.publishedAt,
    dateModified: story.updatedAt,
    inLanguage: story.language,
    ...(story.category ? { articleSection: story.category.name } : {}),
    ...(story.tags.length ? { keywords: story.tags } : {}),
    author: authorsOf(story, publisher),
    image: images.flatMap((photo) => imageObject(photo, context)),
    publisher,
  };
}

/** Staff authors as people; else the byline (an agency, a reporter's line); else the publication. */
function authorsOf(story: PublicStory, publisher: Record<string, unknown>): Array<Record<string, unknown>> {
  if (story.authors.length) return story.authors.map((a) => ({ '@type': 'Person', name: a.displayName }));
  if (story.byline) return [{ '@type': 'Person', name: story.byline }];
  return [publisher];
}

function imageObject(photo: PublicPhoto, context: SeoContext): Array<Record<string, unknown>> {
  const rendition = bestRendition(photo);
  if (!rendition) return [];
  return [
    {
      '@type': 'ImageObject',
      url: context.absolute(rendition.url),
      width: rendition.width,
      height: rendition.height,
      ...(photo.caption ? { caption: photo.caption } : {}),
      ...(photo.credit ? { creditText: photo.credit } : {}),
    },
  ];
}
