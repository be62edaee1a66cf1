// The story as the editor form holds it, and back: what changed since the version the editor
// started from (only that is sent, so an untouched embargo or slug is never re-sent), and the
// character count a Chinese newsroom measures stories by.
import type { Story, StoryChanges } from './hooks';

type ParagraphBlock = { type: 'paragraph'; text: string };
type SubheadingBlock = { type: 'subheading'; text: string };
type QuoteBlock = { type: 'quote'; text: string; attribution: string };
type ListBlock = { type: 'list'; items: string[] };
type ImageBlock = { type: 'image'; mediaId: string; caption: string; credit: string; altText: string };

export type BlockType = 'paragraph' | 'subheading' | 'quote' | 'list' | 'image';
export type EditableBlock = { key: string } & (ParagraphBlock | SubheadingBlock | QuoteBlock | ListBlock | ImageBlock);

/** A photo as a story uses it: the story's own caption, credit and alt text ('' = the photo's). */
export interface PhotoUseFields {
  mediaId: string;
  caption: string;
  credit: string;
  altText: string;
}

export interface EditableStory {
  headline: string;
  subheadline: string;
  dateline: string;
  byline: string;
  language: string;
  excerpt: string;
  categoryId: string | null;
  tags: string[];
  authors: string[];
  embargoUntil: string | null;
  featuredImage: PhotoUseFields | null;
  body: EditableBlock[];
  /** Overrides for search engines and social cards ('' = the default: headline, excerpt, reader-site URL). */
  seoTitle: string;
  seoDescription: string;
  canonicalUrl: string;
}

/** What a story kept in local storage before the SEO fields existed lacks. */
export const SEO_DEFAULTS: Pick<EditableStory, 'seoTitle' | 'seoDescription' | 'canonicalUrl'> = {
  seoTitle: '',
  seoDescription: '',
  canonicalUrl: '',
};

let keys = 0;
export const newKey = () => `b${Date.now().toString(36)}${(keys++).toString(36)}`;

type ResponseBlock = Story['body'][number];

function fromBlock(block: ResponseBlock): EditableBlock {
  const key = newKey();
  switch (block.type) {
    case 'paragraph':
    case 'subheading':
      return { key, type: block.type, text: block.text };
    case 'quote':
      return { key, type: 'quote', text: block.text, attribution: block.attribution ?? '' };
    case 'list':
      return { key, type: 'list', items: [...block.items] };
    case 'image': {
      return {
        key,
        type: 'image',
        mediaId: block.mediaId,
        caption: block.overrides.caption ?? '',
        credit: block.overrides.credit ?? '',
        altText: block.overrides.altText ?? '',
      };
    }
  }
}

export function fromStory(story: Story): EditableStory {
  const featured = story.featuredImage;
  return {
    headline: story.headline,
    subheadline: story.subheadline ?? '',
    dateline: story.dateline ?? '',
    byline: story.byline ?? '',
    language: story.language,
    excerpt: story.excerptDerived ? '' : (story.excerpt ?? ''),
    categoryId: story.categoryId,
    tags: [...story.tags],
    authors: story.authors.map((a) => a.id),
    embargoUntil: story.embargoUntil ? new Date(story.embargoUntil).toISOString() : null,
    featuredImage: featured
      ? {
          mediaId: featured.mediaId,
          caption: featured.overrides.caption ?? '',
          credit: featured.overrides.credit ?? '',
          altText: featured.overrides.altText ?? '',
        }
      : null,
    body: story.body.map(fromBlock),
    seoTitle: story.seoTitle ?? '',
    seoDescription: story.seoDescription ?? '',
    canonicalUrl: story.canonicalUrl ?? '',
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

type RequestBlock = NonNullable<StoryChanges['body']>[number];

/** The body as the API takes it; blocks left empty are dropped. */
export function toBody(blocks: readonly EditableBlock[]): RequestBlock[] {
  const body: RequestBlock[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'subheading':
        if (block.text.trim()) body.push({ type: block.type, text: block.text.trim() });
        break;
      case 'quote':
        if (block.text.trim()) body.push({ type: 'quote', text: block.text.trim(), attribution: orNull(block.attribution) });
        break;
      case 'list': {
        const items = block.items.map((i) => i.trim()).filter(Boolean);
        if (items.length) body.push({ type: 'list', items });
        break;
      }
      case 'image':
        body.push({
          type: 'image',
          mediaId: block.mediaId,
          caption: orNull(block.caption),
          credit: orNull(block.credit),
          altText: orNull(block.altText),
        });
        break;
    }
  }
  return body;
}

const photoUse = (p: PhotoUseFields | null) =>
  p ? { mediaId: p.mediaId, caption: orNull(p.caption), credit: orNull(p.credit), altText: orNull(p.altText) } : null;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ from `base`, as a PATCH body. */
export function changesFrom(base: EditableStory, current: EditableStory): StoryChanges {
  const changes: StoryChanges = {};
  if (current.headline.trim() !== base.headline.trim()) changes.headline = current.headline.trim();
  for (const field of ['subheadline', 'dateline', 'byline', 'excerpt', 'seoTitle', 'seoDescription', 'canonicalUrl'] as const) {
    if (orNull(current[field]) !== orNull(base[field])) changes[field] = orNull(current[field]);
  }
  if (current.language !== base.language) changes.language = current.language;
  if (current.categoryId !== base.categoryId) changes.categoryId = current.categoryId;
  if (!same(current.tags, base.tags)) changes.tags = current.tags;
  if (!same(current.authors, base.authors)) changes.authors = current.authors;
  if (current.embargoUntil !== base.embargoUntil) changes.embargoUntil = current.embargoUntil;
  if (!same(photoUse(current.featuredImage), photoUse(base.featuredImage))) changes.featuredImage = photoUse(current.featuredImage);
  if (!same(toBody(current.body), toBody(base.body))) changes.body = toBody(current.body);
  return changes;
}

export const hasChanges = (base: EditableStory, current: EditableStory) => Object.keys(changesFrom(base, current)).length > 0;

/** Characters as a Chinese newsroom counts them (字数): every character but spaces; a Latin letter counts one too. */
export function countCharacters(text: string): number {
  let count = 0;
  for (const ch of text) if (!/\s/u.test(ch)) count++;
  return count;
}

/** The story's text a reader reads in the body. */
export function bodyText(blocks: readonly EditableBlock[]): string {
  return blocks
    .map((b) => (b.type === 'list' ? b.items.join('\n') : b.type === 'image' ? '' : b.text))
    .filter(Boolean)
    .join('\n');
}

/** Tags typed as one line: commas (, ，) and the ideographic comma (、) separate them. */
export const parseTags = (line: string) =>
  line
    .split(/[,，、]/)
    .map((t) => t.trim())
    .filter((t, i, all) => t && all.indexOf(t) === i);

/** A headline beyond this many characters is long for the language (a hint, not a rule). */
export const headlineTarget = (language: string) => (language.startsWith('zh') ? 30 : 70);

/** Plain text of the working copy: what "copy my text" puts on the clipboard. */
export function plainText(story: EditableStory): string {
  return [story.headline, story.subheadline, story.dateline, bodyText(story.body)].filter((s) => s.trim()).join('\n\n');
}
