// `npm run import -- [--dry-run] [--json] FILE...` and `npm run seed` (`--seed`: the SEED_DIR pages,
// published as initial content). Results go to stdout (`--json`: a JSON array, one object per file),
// everything else to stderr. A dry run only reads and parses: it never opens a database.
// Exit status: 0 done, 1 a file failed (or the import could not run), 2 bad arguments.
import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig, type AppConfig } from '../config/config.js';
import { log, withAppContext } from './app-context.js';
import { describeRun, summarise, type ImportRun, type PageResult } from '../importer/import-report.js';
import { ImportService, type ImportFile } from '../importer/import.service.js';
import { InitialContentService, readSeedFiles } from '../importer/initial-content.service.js';
import { previewFile } from '../importer/page-preview.js';

const USAGE = `usage: npm run import -- [--dry-run] [--json] FILE...   (.txt pages, or .html/.htm pages)
       npm run seed                 (import the SEED_DIR pages as published initial content)

  --dry-run  parse only; print what would be imported and write nothing (no database needed)
  --json     print the result as a JSON array, one object per file
  --seed     import the SEED_DIR pages instead of FILEs

Imported stories are drafts (seed stories are published); pages imported before are skipped.`;

interface CliArgs {
  seed: boolean;
  dryRun: boolean;
  json: boolean;
  help: boolean;
  files: string[];
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { seed: false, dryRun: false, json: false, help: false, files: [] };
  for (const arg of argv) {
    if (arg === '--seed') args.seed = true;
    else if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else args.files.push(arg);
  }
  if (args.help) return args;
  if (args.seed && args.files.length) throw new UsageError('--seed imports the SEED_DIR pages; give either --seed or FILEs');
  if (!args.seed && args.files.length === 0) throw new UsageError('no FILE given');
  return args;
}

/** The files to import, each read whole; one that cannot be read becomes a failed result. */
async function readFiles(args: CliArgs, config: AppConfig): Promise<Array<ImportFile | PageResult>> {
  if (args.seed) return readSeedFiles(config.seedDir);
  return Promise.all(
    args.files.map(async (path) =>
      readFile(path).then(
        (bytes): ImportFile => ({ filename: path, bytes }),
        (error: NodeJS.ErrnoException): PageResult => ({
          filename: path,
          outcome: 'failed',
          error: `cannot read the file (${error.code ?? error.message})`,
        }),
      ),
    ),
  );
}

const isFile = (entry: ImportFile | PageResult): entry is ImportFile => 'bytes' in entry;

async function dryRun(entries: Array<ImportFile | PageResult>, config: AppConfig): Promise<ImportRun> {
  const pages = entries.map((entry) => (isFile(entry) ? previewFile(entry, config.defaultImportCategory) : entry));
  return { summary: summarise(pages), pages };
}

async function importEntries(app: INestApplicationContext, entries: Array<ImportFile | PageResult>): Promise<ImportRun> {
  const imports = app.get(ImportService);
  const pages: PageResult[] = [];
  for (const entry of entries) pages.push(isFile(entry) ? await imports.importFile(entry, { actor: null }) : entry);
  return { summary: summarise(pages), pages };
}

function print(run: ImportRun, json: boolean): void {
  if (json) {
    process.stdout.write(JSON.stringify(run.pages, null, 2) + '\n');
    log(describeRun(run).at(-1) ?? '');
  } else {
    process.stdout.write(describeRun(run).join('\n') + '\n');
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    log(`import: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const config = loadConfig(process.env);
  let run: ImportRun;
  if (args.dryRun) run = await dryRun(await readFiles(args, config), config);
  else if (args.seed) run = await withAppContext(config, (app) => app.get(InitialContentService).importSeeds());
  else {
    const entries = await readFiles(args, config);
    run = await withAppContext(config, (app) => importEntries(app, entries));
  }
  print(run, args.json);
  return run.summary.failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
