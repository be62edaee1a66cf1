// The seed pages (SEED_DIR, `seeds/` by default) as initial content: imported on the first start
// of an empty installation and by `npm run seed`. Their stories are published; teasers stay drafts.
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { describeRun, type ImportRun } from './import-report.js';
import { ImportRepository } from './import.repository.js';
import { ImportService, type ImportFile } from './import.service.js';

export class SeedDirectoryError extends Error {
  override readonly name = 'SeedDirectoryError';
}

@Injectable()
export class InitialContentService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly imports: ImportService,
    private readonly repository: ImportRepository,
  ) {}

  /**
   * On an installation that has never held a story (and with SEED_ON_EMPTY_DATABASE), imports the
   * seed pages; null when it did nothing. Processes starting together wait for the first, which
   * seeds; the others then find stories and skip. A missing seed folder imports nothing.
   */
  async importSeedsIfEmpty(): Promise<ImportRun | null> {
    if (!this.config.seedOnEmptyDatabase) return null;
    return this.repository.whileSeeding(async () => {
      if (await this.repository.anyArticleEver()) return null;
      const files = await readSeedFiles(this.config.seedDir).catch((error: unknown) => {
        if (error instanceof SeedDirectoryError) return [];
        throw error;
      });
      return this.imports.importFiles(files, { actor: null, publish: true });
    });
  }

  /**
   * For the server's start: seeds an empty installation and logs the report. A failure is logged
   * and the server keeps running (the seed can be imported later with `npm run seed`).
   */
  async importOnFirstStart(log: (message: string) => void): Promise<void> {
    try {
      const run = await this.importSeedsIfEmpty();
      if (run) for (const line of describeRun(run)) log(`initial content: ${line}`);
    } catch (error) {
      log(`initial content was not imported (${error instanceof Error ? error.message : String(error)}); import it with npm run seed`);
    }
  }

  /** `npm run seed`: every seed page, whatever the database holds; pages imported before are skipped as duplicates. */
  async importSeeds(): Promise<ImportRun> {
    const files = await readSeedFiles(this.config.seedDir);
    return this.repository.whileSeeding(() => this.imports.importFiles(files, { actor: null, publish: true }));
  }
}

/** The seed folder's `*.txt` pages in name order (numbered names fix the order). */
export async function readSeedFiles(seedDir: string): Promise<ImportFile[]> {
  const dir = resolve(seedDir);
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') throw new SeedDirectoryError(`The seed folder ${dir} does not exist (SEED_DIR).`);
    throw error;
  });
  const pages = names.filter((name) => name.toLowerCase().endsWith('.txt')).sort();
  return Promise.all(pages.map(async (name) => ({ filename: name, bytes: await readFile(join(dir, name)) })));
}
