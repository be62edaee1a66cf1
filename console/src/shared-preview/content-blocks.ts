// The public preview's body blocks, read from the content API (whose OpenAPI document types them only
// as objects): the five block kinds, image blocks carrying the photo's words and renditions. A block
// of a kind this console does not know is left out rather than shown wrongly.

export interface ContentRendition {
  name: string;
  url: string;
  format: string;
}

export interface ContentPhoto {
  caption: string | null;
  credit: string | null;
  altText: string | null;
  renditions: ContentRendition[];
}

export type ContentBlock =
  | { type: 'paragraph' | 'subheading'; text: string }
  | { type: 'quote'; text: string; attribution: string | null }
  | { type: 'list'; items: string[] }
  | ({ type: 'image' } & ContentPhoto);

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function contentPhoto(raw: Record<string, unknown>): ContentPhoto {
  const renditions = Array.isArray(raw.renditions) ? (raw.renditions as Array<Record<string, unknown>>) : [];
  return {
    caption: text(raw.caption),
    credit: text(raw.credit),
    altText: text(raw.altText),
    renditions: renditions
      .filter((r) => typeof r.name === 'string' && typeof r.url === 'string')
      .map((r) => ({ name: String(r.name), url: String(r.url), format: text(r.format) ?? '' })),
  };
}

export function contentBlocks(body: readonly unknown[]): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  for (const item of body) {
    if (!item || typeof item !== 'object') continue;
    const raw = item as Record<string, unknown>;
    switch (raw.type) {
      case 'paragraph':
      case 'subheading':
        if (text(raw.text) !== null) blocks.push({ type: raw.type, text: String(raw.text) });
        break;
      case 'quote':
        if (text(raw.text) !== null) blocks.push({ type: 'quote', text: String(raw.text), attribution: text(raw.attribution) });
        break;
      case 'list':
        if (Array.isArray(raw.items)) blocks.push({ type: 'list', items: raw.items.filter((i): i is string => typeof i === 'string') });
        break;
      case 'image':
        blocks.push({ type: 'image', ...contentPhoto(raw) });
        break;
    }
  }
  return blocks;
}
