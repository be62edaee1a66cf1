// RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents for a list of stories, made with the `feed` package.
// Each story's featured photo goes out as Media RSS (media:content with media:description = caption
// and media:credit = credit) in RSS and Atom, and as `image` plus a `_media` extension in JSON Feed;
// corrections follow the body in the item's HTML.
import { Feed, type Item } from 'feed';
import { escapeHtml, storyHtml } from '../html/story-html.js';
import { bestRendition, RENDITION_MIME, type PublicPhoto, type PublicStory } from '../public-story.js';

export const FEED_FORMATS = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const FEED_MEDIA_TYPE: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

const MEDIA_RSS = 'http://search.yahoo.com/mrss/';

export interface FeedMeta {
  title: string;
  /** The page the feed stands for on the reader site. */
  link: string;
  /** This feed's own absolute address, per format. */
  self: Record<FeedFormat, string>;
  language: string | null;
  description?: string;
}

export interface FeedStory {
  story: PublicStory;
  /** The story's page on the reader site. */
  url: string;
}

/** XML 1.0 forbids most control characters, which a pasted headline may carry. */
// eslint-disable-next-line no-control-regex
const xmlSafe = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

/** Builds the feed in `format`; `absolute` turns `/media/…` paths into public addresses. */
export function buildFeed(format: FeedFormat, meta: FeedMeta, stories: readonly FeedStory[], absolute: (path: string) => string): string {
  const updated = stories.reduce<Date | undefined>((latest, { story }) => {
    const at = new Date(story.updatedAt);
    return !latest || at > latest ? at : latest;
  }, undefined);
  const feed = new Feed({
    id: meta.self[format],
    title: xmlSafe(meta.title),
    link: meta.link,
    ...(meta.description ? { description: xmlSafe(meta.description) } : {}),
    ...(meta.language ? { language: meta.language } : {}),
    updated: updated ?? new Date(0),
    generator: 'Masthead',
    feedLinks: { rss: meta.self.rss, atom: meta.self.atom, json: meta.self.json },
  });
  for (const entry of stories) feed.addItem(item(format, entry, absolute));
  const photos = stories.map(({ story }) => story.featuredImage);
  switch (format) {
    case 'rss':
      return withMediaRss(feed.rss2(), '<rss version="2.0"', '</item>', photos, absolute);
    case 'atom':
      return withMediaRss(feed.atom1(), '<feed xmlns="http://www.w3.org/2005/Atom"', '</entry>', photos, absolute);
    case 'json':
      return jsonFeed11(feed.json1(), meta);
  }
}

function item(format: FeedFormat, { story, url }: FeedStory, absolute: (path: string) => string): Item {
  // Atom's and RSS's descriptions are HTML; JSON Feed's title and summary are plain text.
  const html = (text: string) => (format === 'json' ? text : escapeHtml(text));
  const image = story.featuredImage ? bestRendition(story.featuredImage) : null;
  return {
    title: xmlSafe(format === 'atom' ? html(story.headline) : story.headline),
    id: url,
    link: url,
    date: new Date(story.updatedAt),
    published: new Date(story.publishedAt),
    ...(story.excerpt ? { description: xmlSafe(html(story.excerpt)) } : {}),
    content: xmlSafe(storyHtml(story.body, { absolute, featuredImage: story.featuredImage, corrections: story.corrections })),
    author: story.authors.length ? story.authors.map((a) => ({ name: xmlSafe(a.displayName) })) : story.byline ? [{ name: xmlSafe(story.byline) }] : undefined,
    category: story.category ? [{ name: xmlSafe(story.category.name), term: story.category.slug }] : undefined,
    ...(image && format !== 'rss' ? { image: { url: absolute(image.url), type: RENDITION_MIME[image.format] } } : {}),
    ...(format === 'json' && story.featuredImage
      ? { extensions: [{ name: '_media', objects: { caption: story.featuredImage.caption, credit: story.featuredImage.credit } }] }
      : {}),
  };
}

const attr = (text: string) => escapeHtml(xmlSafe(text));

/** `<media:content>` for a photo: its largest rendition, caption and credit. */
function mediaContent(photo: PublicPhoto | null, absolute: (path: string) => string): string {
  const rendition = photo ? bestRendition(photo) : null;
  if (!photo || !rendition) return '';
  const attributes = `url="${attr(absolute(rendition.url))}" medium="image" type="${RENDITION_MIME[rendition.format] ?? 'image'}" width="${rendition.width}" height="${rendition.height}"`;
  const description = photo.caption ? `<media:description type="plain">${attr(photo.caption)}</media:description>` : '';
  const credit = photo.credit ? `<media:credit>${attr(photo.credit)}</media:credit>` : '';
  return `<media:content ${attributes}>${description}${credit}</media:content>`;
}

/** Adds the Media RSS namespace and each item's media:content (the `feed` package writes neither). */
function withMediaRss(xml: string, root: string, closing: string, photos: readonly (PublicPhoto | null)[], absolute: (path: string) => string): string {
  let index = 0;
  const withItems = xml.replaceAll(closing, () => `${mediaContent(photos[index++] ?? null, absolute)}${closing}`);
  return withItems.replace(root, `${root} xmlns:media="${MEDIA_RSS}"`);
}

/** The `feed` package writes JSON Feed 1; 1.1 adds `language` and `authors` in place of `author`. */
function jsonFeed11(json: string, meta: FeedMeta): string {
  const feed = JSON.parse(json) as Record<string, unknown> & { items: Array<Record<string, unknown>> };
  feed.version = 'https://jsonfeed.org/version/1.1';
  if (meta.language) feed.language = meta.language;
  for (const item of feed.items) {
    if (item.author) {
      item.authors = [item.author];
      delete item.author;
    }
  }
  return JSON.stringify(feed);
}
