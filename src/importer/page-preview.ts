/**
 * Reading and parsing one page without touching the database: what a dry run answers, and the
 * first step of every import. Pure, so `npm run import -- --dry-run` needs no database at all.
 */
import { basename } from 'node:path';
import { pageFromBytes, pageFromText, PageInputError, type PageText } from './page-input.js';
import { parsePage } from './parser/page-parser.js';
import { PageParsingError, type ParsedPage } from './parser/parsed-page.js';
import type { PageImportReport, PageResult } from './import-report.js';

export type PageSource = { bytes: Buffer } | { text: string };

export interface ReadPage {
  page: PageText;
  parsed: ParsedPage;
  filename: string | null;
}

/** Throws PageInputError when the input is not a readable page (decoding, size, no story at all). */
export function readPage(source: PageSource, filename: string | null): ReadPage {
  try {
    const page = 'bytes' in source ? pageFromBytes(source.bytes) : pageFromText(source.text);
    return { page, parsed: parsePage(page.text, filename ? { filename } : {}), filename };
  } catch (error) {
    if (error instanceof PageParsingError) throw new PageInputError('no-story', error.message);
    throw error;
  }
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
