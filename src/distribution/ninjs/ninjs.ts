// IPTC ninjs 3.3 (News in JSON) for partners: headlines, the body as safe HTML, byline, dateline,
// language, the section as a subject, photos as associations with caption, credit and renditions,
// and corrections as descriptions.
import { bodyCharCount, storyHtml } from '../html/story-html.js';
import { RENDITION_MIME, type PublicBlock, type PublicPhoto, type PublicStory } from '../public-story.js';

export const NINJS_MEDIA_TYPE = 'application/ninjs+json';
export const NINJS_VERSION = '3.3';
const NINJS_SCHEMA = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.3.json#';

export interface NinjsContext {
  /** The story's identifier: its content API address, stable for as long as the story is published. */
  uri: string;
  /** The story's page on the reader site. */
  url: string;
  absolute: (path: string) => string;
}

type Ninjs = Record<string, unknown>;

export function toNinjs(story: PublicStory, context: NinjsContext): Ninjs {
  const headlines = [{ role: 'main', value: story.headline }, ...(story.subheadline ? [{ role: 'sub', value: story.subheadline }] : [])];
  const descriptions = [
    ...(story.excerpt ? [{ role: 'summary', value: story.excerpt }] : []),
    ...story.corrections.map((c) => ({ role: 'correction', value: `${c.at.slice(0, 10)} ${c.text}` })),
  ];
  const by = story.byline ?? (story.authors.length ? story.authors.map((a) => a.displayName).join('、') : null);
  return {
    uri: context.uri,
    type: 'text',
    representationType: 'full',
    profile: 'masthead-story',
    version: story.updatedAt,
    firstCreated: story.publishedAt,
    versionCreated: story.updatedAt,
    pubStatus: 'usable',
    language: story.language,
    headlines,
    ...(descriptions.length ? { descriptions } : {}),
    bodies: [
      {
        role: 'main',
        contentType: 'text/html',
        charCount: bodyCharCount(story.body),
        value: storyHtml(story.body, { absolute: context.absolute }),
      },
    ],
    ...(by ? { by } : {}),
    ...(story.dateline ? { located: story.dateline } : {}),
    ...(story.authors.length ? { people: story.authors.map((a) => ({ name: a.displayName, rel: 'author' })) } : {}),
    subjects: [
      ...(story.category ? [{ name: story.category.name, rel: 'section', literal: story.category.slug }] : []),
      ...story.tags.map((tag) => ({ name: tag, rel: 'tag', literal: tag })),
    ],
    ...associationsOf(story, context),
    altIds: [
      { role: 'slug', value: story.slug },
      { role: 'url', value: context.url },
    ],
    standard: { name: 'ninjs', version: NINJS_VERSION, schema: NINJS_SCHEMA },
  };
}

function associationsOf(story: PublicStory, context: NinjsContext): { associations?: Ninjs[] } {
  const photos: Array<{ name: string; photo: PublicPhoto }> = [];
  if (story.featuredImage) photos.push({ name: 'featureimage', photo: story.featuredImage });
  (story.body as PublicBlock[]).forEach((block) => {
    if (block.type === 'image') photos.push({ name: `image${photos.length + 1}`, photo: block });
  });
  if (photos.length === 0) return {};
  return { associations: photos.map(({ name, photo }) => picture(name, photo, context)) };
}

function picture(name: string, photo: PublicPhoto, context: NinjsContext): Ninjs {
  const descriptions = [
    ...(photo.caption ? [{ role: 'caption', value: photo.caption }] : []),
    ...(photo.credit ? [{ role: 'credit', value: photo.credit }] : []),
    ...(photo.altText ? [{ role: 'alt', value: photo.altText }] : []),
  ];
  return {
    name,
    rel: name === 'featureimage' ? 'featured' : 'inline',
    uri: `${context.uri}#${name}`,
    type: 'picture',
    ...(photo.credit ? { by: photo.credit } : {}),
    ...(descriptions.length ? { descriptions } : {}),
    renditions: photo.renditions.map((r) => ({
      name: r.name,
      href: context.absolute(r.url),
      contentType: RENDITION_MIME[r.format] ?? `image/${r.format}`,
      width: r.width,
      height: r.height,
    })),
  };
}
