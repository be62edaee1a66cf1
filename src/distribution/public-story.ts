// A published story as every channel sees it: the content API's story shape (already converted to
// the requested script variant, with embargoed photos left out). Feeds, ninjs and JSON-LD are built
// from it, so all channels say the same thing.

export interface PublicRendition {
  name: string;
  /** Relative to Masthead's public base: `/media/<id>/medium.webp`. */
  url: string;
  format: string;
  width: number;
  height: number;
}

export interface PublicPhoto {
  caption: string | null;
  credit: string | null;
  altText: string | null;
  width: number | null;
  height: number | null;
  renditions: PublicRendition[];
}

export interface PublicCorrection {
  text: string;
  at: string;
}

export interface PublicStory {
  slug: string;
  headline: string;
  subheadline: string | null;
  dateline: string | null;
  language: string;
  excerpt: string | null;
  featuredImage: PublicPhoto | null;
  category: { name: string; slug: string } | null;
  tags: string[];
  authors: Array<{ displayName: string }>;
  byline: string | null;
  publishedAt: string;
  updatedAt: string;
  /** Content API body blocks; image blocks carry the photo fields. */
  body: unknown[];
  corrections: PublicCorrection[];
}

/** A body block as the content API gives it, narrowed for rendering. */
export type PublicBlock =
  | { type: 'paragraph' | 'subheading'; text: string }
  | { type: 'quote'; text: string; attribution?: string | null }
  | { type: 'list'; items: string[] }
  | ({ type: 'image' } & PublicPhoto);

export const photosOf = (story: Pick<PublicStory, 'featuredImage' | 'body'>): PublicPhoto[] => [
  ...(story.featuredImage ? [story.featuredImage] : []),
  ...(story.body as PublicBlock[]).filter((b): b is { type: 'image' } & PublicPhoto => b.type === 'image'),
];

/** The largest rendition, preferring widely readable formats (JPEG, PNG) when sizes tie. */
export function bestRendition(photo: PublicPhoto): PublicRendition | null {
  const rank = (r: PublicRendition) => r.width * 10 + (r.format === 'jpeg' || r.format === 'png' ? 1 : 0);
  return photo.renditions.reduce<PublicRendition | null>((best, r) => (best === null || rank(r) > rank(best) ? r : best), null);
}

export const RENDITION_MIME: Readonly<Record<string, string>> = {
  webp: 'image/webp',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  avif: 'image/avif',
};
