/**
 * What an import tells the person who ran it, per page and per run. The API answers a page report,
 * the command line prints one per file (`--json`: the array of them) and a run summary.
 */
import type { ArticleStatus } from '../articles/workflow.js';
import type { ParsedPage } from './parser/parsed-page.js';

/** `dry-run`: parsed only, nothing written. `duplicate`: this exact page was imported before. */
export type ImportOutcome = 'created' | 'duplicate' | 'dry-run';

export interface PageImportReport {
  filename: string | null;
  contentHash: string;
  outcome: ImportOutcome;
  /** The page's story: the new one, or for a duplicate the one made the first time. Null in a dry run. */
  articleId: string | null;
  /** The story's status now; null in a dry run (or when the story no longer exists). */
  status: ArticleStatus | null;
  /** Section the story is filed under: the page's own, or the configured default. */
  category: string;
  teaserArticleIds: string[];
  /** Teasers not made into drafts because a story with that headline already exists. */
  teasersSkipped: number;
  /** The parser's warnings and the importer's own (derived headline, publishing refused). */
  warnings: string[];
  parsed: ParsedPage;
}

/** A file the command line could not import (unreadable, not a page). */
export interface PageImportFailure {
  filename: string | null;
  outcome: 'failed';
  error: string;
}

export type PageResult = PageImportReport | PageImportFailure;

export interface ImportSummary {
  /** Pages whose stories were created. */
  created: number;
  /** Pages skipped because they were imported before. */
  duplicates: number;
  /** Pages parsed without writing (dry runs). */
  previewed: number;
  failed: number;
  /** Warnings over all pages. */
  warnings: number;
}

export interface ImportRun {
  summary: ImportSummary;
  pages: PageResult[];
}

export const isFailure = (result: PageResult): result is PageImportFailure => result.outcome === 'failed';

export function summarise(pages: readonly PageResult[]): ImportSummary {
  const count = (outcome: PageResult['outcome']) => pages.filter((p) => p.outcome === outcome).length;
  return {
    created: count('created'),
    duplicates: count('duplicate'),
    previewed: count('dry-run'),
    failed: count('failed'),
    warnings: pages.reduce((total, p) => total + (isFailure(p) ? 0 : p.warnings.length), 0),
  };
}

/** One line per page and a closing total, for people reading a terminal or a boot log. */
export function describeRun(run: ImportRun): string[] {
  const lines = run.pages.flatMap(describePage);
  const s = run.summary;
  const preview = s.previewed ? `, ${s.previewed} parsed (dry run)` : '';
  lines.push(`import: ${s.created} created, ${s.duplicates} skipped as duplicates${preview}, ${s.failed} failed, ${s.warnings} warnings`);
  return lines;
}

function describePage(page: PageResult): string[] {
  const name = page.filename ?? '(text)';
  if (isFailure(page)) return [`${name}: failed: ${page.error}`];
  const teasers = page.parsed.teasers.length;
  const head =
    page.outcome === 'created'
      ? `${name}: created "${page.parsed.headline}" (${page.status}) in ${page.category}, ${page.teaserArticleIds.length} teaser drafts` +
        (page.teasersSkipped ? `, ${page.teasersSkipped} teasers already present` : '')
      : page.outcome === 'duplicate'
        ? `${name}: skipped, already imported (story ${page.articleId ?? 'deleted'})`
        : `${name}: parsed "${page.parsed.headline}" in ${page.category}, ${teasers} teasers (dry run, nothing written)`;
  return [head, ...page.warnings.map((w) => `  warning: ${w}`)];
}
