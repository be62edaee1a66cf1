// A story's body as HTML for channels that carry markup (feeds, ninjs): built from our blocks with
// every piece of text escaped, then passed through sanitize-html with a small allow-list, so nothing
// a writer typed can become markup or script.
import sanitizeHtml from 'sanitize-html';
import { bestRendition, type PublicBlock, type PublicCorrection, type PublicPhoto } from '../public-story.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Text with its line breaks kept. */
const lines = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h2', 'blockquote', 'footer', 'ul', 'li', 'figure', 'img', 'figcaption', 'span', 'aside', 'time'],
  allowedAttributes: { img: ['src', 'alt', 'width', 'height'], span: ['class'], aside: ['class'], time: ['datetime'] },
  allowedSchemes: ['http', 'https'],
  allowProtocolRelative: false,
};

/** `absolute` turns a rendition's `/media/…` path into the address readers fetch it from. */
function figure(photo: PublicPhoto, absolute: (path: string) => string): string {
  const rendition = bestRendition(photo);
  const img = rendition
    ? `<img src="${escapeHtml(absolute(rendition.url))}" alt="${escapeHtml(photo.altText ?? photo.caption ?? '')}" width="${rendition.width}" height="${rendition.height}">`
    : '';
  const words = [photo.caption ? lines(photo.caption) : '', photo.credit ? `<span class="credit">${lines(photo.credit)}</span>` : ''].filter(Boolean);
  return `<figure>${img}${words.length ? `<figcaption>${words.join(' ')}</figcaption>` : ''}</figure>`;
}

function block(b: PublicBlock, absolute: (path: string) => string): string {
  switch (b.type) {
    case 'paragraph':
      return `<p>${lines(b.text)}</p>`;
    case 'subheading':
      return `<h2>${lines(b.text)}</h2>`;
    case 'quote':
      return `<blockquote><p>${lines(b.text)}</p>${b.attribution ? `<footer>${lines(b.attribution)}</footer>` : ''}</blockquote>`;
    case 'list':
      return `<ul>${b.items.map((item) => `<li>${lines(item)}</li>`).join('')}</ul>`;
    case 'image':
      return figure(b, absolute);
    default:
      return '';
  }
}

export interface StoryHtmlOptions {
  absolute: (path: string) => string;
  /** Put the featured photo first (feeds); ninjs carries it as an association instead. */
  featuredImage?: PublicPhoto | null;
  corrections?: readonly PublicCorrection[];
}

/** The body (and, when given, the featured photo before it and the corrections after it) as safe HTML. */
export function storyHtml(body: readonly unknown[], options: StoryHtmlOptions): string {
  const parts = [
    options.featuredImage ? figure(options.featuredImage, options.absolute) : '',
    ...(body as PublicBlock[]).map((b) => block(b, options.absolute)),
    options.corrections?.length ? correctionsHtml(options.corrections) : '',
  ];
  return sanitizeHtml(parts.join(''), ALLOWED);
}

function correctionsHtml(corrections: readonly PublicCorrection[]): string {
  const items = corrections.map((c) => `<p><time datetime="${escapeHtml(c.at)}">${escapeHtml(c.at.slice(0, 10))}</time> ${lines(c.text)}</p>`);
  return `<aside class="corrections">${items.join('')}</aside>`;
}

/** Characters of reader-visible text in the body (ninjs charCount), captions excluded. */
export function bodyCharCount(body: readonly unknown[]): number {
  let count = 0;
  for (const b of body as PublicBlock[]) {
    if (b.type === 'paragraph' || b.type === 'subheading' || b.type === 'quote') count += [...b.text].length;
    if (b.type === 'list') for (const item of b.items) count += [...item].length;
  }
  return count;
}
