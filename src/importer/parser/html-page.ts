/**
 * A news page as HTML, read into the same parse result as a text page. Readability (over linkedom,
 * which never runs scripts) finds the article; the page's own structure then names the fields:
 * `<h1>` or `og:title` the headline, `<h2>`/`<h3>` the crossheads, `<figure>`/`<figcaption>` the
 * photos with their credits, `<time>`/`article:published_time` the date, `article:section` the
 * section, `<html lang>` the script. Scripts, styles and frames are removed before anything is read.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { readBylineLine } from './bylines.js';
import { readCaptionLine, normaliseCredit } from './credits.js';
import { cleanHeadline } from './masthead.js';
import { finishDraft } from './page-parser.js';
import type { PageLanguage, ParsedPage, ParsePageOptions } from './parsed-page.js';
import { PageParsingError } from './parsed-page.js';
import { emptyDraft, type StoryDraft } from './story-draft.js';

/** Bigger than any article page; the request budget refuses larger bodies before this. */
export const MAX_HTML_BYTES = 1_500_000;
/** Elements a page may hold; more is a generated or hostile document, not an article. */
export const MAX_HTML_ELEMENTS = 30_000;

export class HtmlPageError extends Error {
  override readonly name = 'HtmlPageError';

  constructor(
    readonly reason: 'too-large' | 'too-complex',
    message: string,
  ) {
    super(message);
  }
}

type Element = {
  tagName: string;
  textContent: string | null;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): Iterable<Element>;
  getAttribute(name: string): string | null;
  remove(): void;
  children: Iterable<Element>;
};
type Document = Element & { documentElement: Element; title: string };

const text = (element: Element | null | undefined): string => (element?.textContent ?? '').replace(/\s+/gu, ' ').trim();
const meta = (document: Document, name: string): string | null =>
  document.querySelector(`meta[property="${name}"]`)?.getAttribute('content') ??
  document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ??
  null;

/** Parses HTML into a story; throws HtmlPageError on a page too big or too complex to read safely. */
export function parseHtmlPage(html: string, options: ParsePageOptions & { url?: string } = {}): ParsedPage {
  assertBounded(html);
  const { document } = parseHTML(html) as unknown as { document: Document };
  for (const element of document.querySelectorAll('script, style, noscript, iframe, object, embed, template')) element.remove();
  const headline = headlineOf(document);
  const section = meta(document, 'article:section');
  const language = languageOf(document);
  const article = new Readability(document, { charThreshold: 100 }).parse();
  if (!article?.content) throw new PageParsingError('The HTML holds no article text.');
  const { document: content } = parseHTML(`<html><body>${article.content}</body></html>`) as unknown as { document: Document };
  const draft = emptyDraft();
  draft.headline = headline ? cleanHeadline(headline) : null;
  draft.headlineCandidates = headline ? 1 : 0;
  draft.category = section?.trim() || null;
  const byline = article.byline?.trim() || meta(document, 'author');
  if (byline) draft.byline = readBylineLine(byline) ?? byline;
  readBlocks(content.querySelector('body'), draft, headline);
  return finishDraft(draft, options, { listed: false, language });
}

function assertBounded(html: string): void {
  const bytes = Buffer.byteLength(html, 'utf8');
  if (bytes > MAX_HTML_BYTES) throw new HtmlPageError('too-large', `The HTML is ${bytes} bytes; a page may have at most ${MAX_HTML_BYTES} bytes.`);
  const elements = html.match(/<[a-zA-Z]/gu)?.length ?? 0;
  if (elements > MAX_HTML_ELEMENTS) {
    throw new HtmlPageError('too-complex', `The HTML has ${elements} elements; an article page has at most ${MAX_HTML_ELEMENTS}.`);
  }
}

/** `<h1>`, else `og:title`, else `<title>`. */
function headlineOf(document: Document): string | null {
  return text(document.querySelector('h1')) || meta(document, 'og:title') || document.title?.trim() || null;
}

function languageOf(document: Document): PageLanguage | undefined {
  const lang = (document.documentElement.getAttribute('lang') ?? meta(document, 'og:locale') ?? '').toLowerCase().replace('_', '-');
  if (/^zh-(?:tw|hk|mo|hant)/u.test(lang)) return 'zh-Hant';
  if (/^zh/u.test(lang)) return 'zh-Hans';
  if (/^en/u.test(lang)) return 'en';
  return undefined;
}

/** Walks the article's blocks in order: paragraphs, crossheads, photos. */
function readBlocks(root: Element | null, draft: StoryDraft, headline: string | null): void {
  if (!root) return;
  for (const element of root.children) {
    const tag = element.tagName.toLowerCase();
    if (tag === 'figure' || tag === 'img') placeFigure(element, draft);
    else if (/^h[1-6]$/u.test(tag)) placeHeading(text(element), draft, headline);
    else if (tag === 'p' || tag === 'blockquote') placeParagraph(element, draft);
    else if (tag === 'ul' || tag === 'ol') for (const item of element.querySelectorAll('li')) placeParagraph(item, draft);
    else readBlocks(element, draft, headline);
  }
}

function placeHeading(words: string, draft: StoryDraft, headline: string | null): void {
  if (!words || (headline && cleanHeadline(headline) === words)) return;
  draft.body.push({ type: 'subheading', text: words });
}

function placeParagraph(element: Element, draft: StoryDraft): void {
  if (element.querySelector('img') && !text(element)) {
    placeFigure(element, draft);
    return;
  }
  const words = text(element);
  if (words) draft.body.push({ type: 'paragraph', text: words });
}

/** A photo: its `<figcaption>` (a credit inside it, or a `<small>`/`.credit`/`.byline` element), else the image's alt text. */
function placeFigure(element: Element, draft: StoryDraft): void {
  const captionElement = element.querySelector('figcaption');
  const creditElement = captionElement?.querySelector('small, .credit, .byline, .photo-credit, cite') ?? null;
  let credit = creditElement ? normaliseCredit(text(creditElement).replace(/^[(（[［]\s*|\s*[)）\]］]$/gu, '')) : null;
  creditElement?.remove();
  let caption =
    text(captionElement) ||
    (element.tagName.toLowerCase() === 'img' ? element.getAttribute('alt') : element.querySelector('img')?.getAttribute('alt')) ||
    '';
  const reading = credit === null ? readCaptionLine(caption) : null;
  if (reading && reading.caption.length > 0) {
    caption = reading.caption;
    credit = reading.credit;
  }
  if (!caption) return;
  const photo = { caption: caption.trim(), credit };
  if (draft.featuredImage === null && !draft.body.some((block) => block.type === 'paragraph')) draft.featuredImage = photo;
  else draft.body.push({ type: 'image', ...photo });
}
