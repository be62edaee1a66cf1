// Imports plain-text newspaper pages: read and parse (pure), then, unless it is a dry run or the
// page was imported before, write its stories in one transaction with the import record and audit entry.
import { basename } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../articles/article-input.js';
import { AuditService } from '../audit/audit.service.js';
import { isUniqueViolation } from '../common/unique-violation.js';
import { ProblemException, ValidationProblem } from '../common/problem.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { summarise, type ImportRun, type PageImportReport, type PageResult } from './import-report.js';
import { ImportRepository } from './import.repository.js';
import { PageInputError } from './page-input.js';
import { importWarnings, previewReport, readPage, storyCategory, type PageSource, type ReadPage } from './page-preview.js';
import { PageWriter, type WrittenPage } from './page-writer.service.js';

/** Unique indexes on slugs of stories and sections, which a concurrent writer may win. */
const SLUG_INDEXES = ['uq_article_slug_live', 'uq_published_article_slug', 'uq_category_slug'];

export interface ImportOptions {
  /** As the user named the file; only its base name is kept. Null for pasted text. */
  filename: string | null;
  /** Null for the system (seed, command line). */
  actor: Actor;
  dryRun?: boolean;
  /** Publish the page's story (initial content); otherwise it is a draft. Teasers are always drafts. */
  publish?: boolean;
}

export interface ImportFile {
  filename: string;
  bytes: Buffer;
}

@Injectable()
export class ImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: ImportRepository,
    private readonly writer: PageWriter,
    private readonly audit: AuditService,
  ) {}

  /**
   * Imports one page. 422 (`errors[0].field = 'text'`) when it is not a readable page; nothing is
   * written then, nor in a dry run, nor when the page was imported before (`outcome: 'duplicate'`).
   */
  async importPage(source: PageSource, options: ImportOptions): Promise<PageImportReport> {
    const read = this.read(source, options.filename);
    // A page imported before is a duplicate, in a dry run too: the editor should know before trying.
    const before = await this.repository.find(read.page.contentHash);
    if (before) return this.duplicate(read, before.articleId, before.teaserArticleIds);
    if (options.dryRun) return previewReport(read, this.config.defaultImportCategory);
    return (await this.withSlugRetry(() => this.write(read, options))) ?? this.duplicateOfCommitted(read);
  }

  /** Imports files one after another; a file that is not a page is reported as failed and the rest go on. */
  async importFiles(files: readonly ImportFile[], options: Omit<ImportOptions, 'filename'>): Promise<ImportRun> {
    const pages: PageResult[] = [];
    for (const file of files) pages.push(await this.importFile(file, options));
    return { summary: summarise(pages), pages };
  }

  /** One file for a batch: a page that cannot be imported is a `failed` result instead of an error. */
  async importFile(file: ImportFile, options: Omit<ImportOptions, 'filename'>): Promise<PageResult> {
    try {
      return await this.importPage({ bytes: file.bytes }, { ...options, filename: file.filename });
    } catch (error) {
      if (!(error instanceof ProblemException) || error.getStatus() >= 500) throw error;
      return { filename: file.filename, outcome: 'failed', error: problemMessage(error) };
    }
  }

  private read(source: PageSource, filename: string | null): ReadPage {
    try {
      return readPage(source, filename === null ? null : basename(filename));
    } catch (error) {
      if (!(error instanceof PageInputError)) throw error;
      const field = 'html' in source ? 'html' : 'text';
      if (field === 'html' && error.reason === 'too-large') throw new ProblemException(413, 'payload-too-large', 'Payload Too Large', error.message);
      throw new ValidationProblem([{ field, message: error.message }], error.message);
    }
  }

  /** The page's stories, its import record and the audit entry commit together; null when another import got there first. */
  private write(read: ReadPage, options: ImportOptions): Promise<PageImportReport | null> {
    const { page, parsed, filename } = read;
    const category = storyCategory(parsed, this.config.defaultImportCategory);
    return this.dataSource.transaction(async (manager) => {
      await this.repository.lockPageWrites(manager);
      if (!(await this.repository.claim(manager, { contentHash: page.contentHash, filename, actorId: options.actor?.id ?? null }))) return null;
      const written = await this.writer.write(manager, {
        parsed,
        source: { filename, contentHash: page.contentHash },
        category,
        actor: options.actor,
        publish: options.publish ?? false,
      });
      await this.repository.complete(manager, page.contentHash, written.story.id, written.teaserArticleIds);
      const report = this.createdReport(read, written);
      await this.audit.record(
        {
          actor: options.actor,
          action: 'import.page',
          entity: 'import',
          entityId: page.contentHash,
          summary: {
            filename,
            articleId: report.articleId,
            status: report.status,
            teasers: written.teaserArticleIds.length,
            teasersSkipped: written.teasersSkipped,
          },
        },
        manager,
      );
      return report;
    });
  }

  private createdReport(read: ReadPage, written: WrittenPage): PageImportReport {
    return {
      ...previewReport(read, this.config.defaultImportCategory),
      outcome: 'created',
      articleId: written.story.id,
      status: written.story.status,
      teaserArticleIds: written.teaserArticleIds,
      teasersSkipped: written.teasersSkipped,
      warnings: [...importWarnings(read.parsed), ...written.warnings],
    };
  }

  /**
   * Imports write one at a time, but an editor may take the slug the import picked at the same
   * moment: the unique index decides, the page's transaction rolled back, and it simply runs again.
   */
  private async withSlugRetry<T>(write: () => Promise<T>, attempts = 3): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await write();
      } catch (error) {
        if (attempt >= attempts || !SLUG_INDEXES.some((index) => isUniqueViolation(error, index))) throw error;
      }
    }
  }

  /** Another process imported the page while this one was parsing it. */
  private async duplicateOfCommitted(read: ReadPage): Promise<PageImportReport> {
    const record = await this.repository.find(read.page.contentHash);
    return this.duplicate(read, record?.articleId ?? null, record?.teaserArticleIds ?? []);
  }

  /** Nothing was done, so no warnings: they were given when the page was first imported. */
  private async duplicate(read: ReadPage, articleId: string | null, teaserArticleIds: string[]): Promise<PageImportReport> {
    return {
      ...previewReport(read, this.config.defaultImportCategory),
      outcome: 'duplicate',
      articleId,
      status: await this.repository.statusOf(articleId),
      teaserArticleIds,
      warnings: [],
    };
  }
}

const problemMessage = (problem: ProblemException): string => {
  const errors = (problem.extensions.errors ?? []) as Array<{ field: string; message: string }>;
  return errors.length ? errors.map((e) => (e.field === 'text' ? e.message : `${e.field}: ${e.message}`)).join('; ') : problem.detail;
};
