/**
 * Reading and parsing one page without touching the database: what a dry run answers, and the
 * first step of every import. Pure, so `npm run import -- --dry-run` needs no database at all.
 */
import { basename } from 'node:path';
import { contentHashOf, pageFromBytes, pageFromText, PageInputError, type PageText } from './page-input.js';
import { HtmlPageError, parseHtmlPage } from './parser/html-page.js';
import { parsePage } from './parser/page-parser.js';
import { PageParsingError, type ParsedPage } from './parser/parsed-page.js';
import type { PageImportReport, PageResult } from './import-report.js';

export type PageSource = { bytes: Buffer } | { text: string } | { html: string; url?: string };

const HTML_FILE = /\.html?$/iu;

export interface ReadPage {
  page: PageText;
  parsed: ParsedPage;
  filename: string | null;
}

/** Throws PageInputError when the input is not a readable page (decoding, size, no story at all). */
export function readPage(source: PageSource, filename: string | null): ReadPage {
  const options = filename ? { filename } : {};
  try {
    if ('html' in source) return readHtml(source.html, filename, source.url);
    const page = 'bytes' in source ? pageFromBytes(source.bytes) : pageFromText(source.text);
    // `.html`/`.htm` files from the command line are read as HTML once decoded.
    if ('bytes' in source && filename && HTML_FILE.test(filename)) return readHtml(page.text, filename);
    return { page, parsed: parsePage(page.text, options), filename };
  } catch (error) {
    if (error instanceof PageParsingError) throw new PageInputError('no-story', error.message);
    if (error instanceof HtmlPageError) throw new PageInputError(error.reason, error.message);
    throw error;
  }
}

/** HTML is identified by its own text (line endings normalised), like a text page. */
function readHtml(html: string, filename: string | null, url?: string): ReadPage {
  const text = html.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const parsed = parseHtmlPage(text, { ...(filename ? { filename } : {}), ...(url ? { url } : {}) });
  return { page: { text, contentHash: contentHashOf(text) }, parsed, filename };
}

/** The section a page's story goes to. */
export const storyCategory = (parsed: ParsedPage, defaultCategory: string): string => parsed.category ?? defaultCategory;

/** The parser's warnings plus what an editor should check because the importer had to guess. */
export function importWarnings(parsed: ParsedPage): string[] {
  const warnings = [...parsed.warnings];
  const hasLead = parsed.body.some((block) => block.type === 'paragraph');
  if (parsed.headlineDerived && hasLead) {
    warnings.push(`The page has no headline line; the headline "${parsed.headline}" was made from the lead; an editor should check it.`);
  }
  return warnings;
}

/** The report of a dry run: the parse result and where the story would go; nothing written. */
export function previewReport(read: ReadPage, defaultCategory: string): PageImportReport {
  return {
    filename: read.filename,
    contentHash: read.page.contentHash,
    outcome: 'dry-run',
    articleId: null,
    status: null,
    category: storyCategory(read.parsed, defaultCategory),
    teaserArticleIds: [],
    teasersSkipped: 0,
    warnings: importWarnings(read.parsed),
    parsed: read.parsed,
  };
}

/** A dry run of one file for a batch: a file that is not a page is a `failed` result instead of an error. */
export function previewFile(file: { filename: string; bytes: Buffer }, defaultCategory: string): PageResult {
  try {
    return previewReport(readPage({ bytes: file.bytes }, basename(file.filename)), defaultCategory);
  } catch (error) {
    if (!(error instanceof PageInputError)) throw error;
    return { filename: file.filename, outcome: 'failed', error: error.message };
  }
}
