// `npm run search:reindex [-- --batch-size=500]`: rebuilds the search index from every working copy
// and live version, e.g. after editors changed the dictionary (SEARCH_DICTIONARY_PATHS). Progress
// goes to stderr. Uses DATABASE_URL, or the embedded database when it is unset, like the server.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { prepareRuntime } from '../database/runtime.js';
import { SearchIndexService } from '../search/search-index.service.js';
import { DEFAULT_REINDEX_BATCH, SearchReindexer, type ReindexProgress } from '../search/search-reindexer.js';
import { SearchRepository } from '../search/search.repository.js';
import { getTokenizer } from '../search/tokenizer.js';
import { entities } from '../entities.js';

const log = (message: string) => process.stderr.write(message + '\n');

function batchSizeFrom(args: string[]): number {
  const value = args.find((a) => a.startsWith('--batch-size='))?.split('=')[1];
  const size = value === undefined ? DEFAULT_REINDEX_BATCH : Number(value);
  if (!Number.isInteger(size) || size < 1 || size > 10_000) throw new Error(`--batch-size must be a whole number from 1 to 10000, got "${value}"`);
  return size;
}

const describe = (p: ReindexProgress) =>
  `${p.scope === 'admin' ? 'working copies' : 'published'}: ${p.done}/${p.total} (${Math.round((100 * p.done) / Math.max(p.total, 1))}%), ${Math.round(p.perSecond)} stories/s`;

async function main(): Promise<number> {
  const batchSize = batchSizeFrom(process.argv.slice(2));
  const config = loadConfig(process.env);
  const runtime = await prepareRuntime(config, log, { role: 'tool' });
  const dataSource = new DataSource(dataSourceOptions(runtime.config.databaseUrl, { entities, poolSize: 2, applicationName: 'masthead-reindex' }));
  await dataSource.initialize();
  try {
    const repository = new SearchRepository(dataSource);
    const index = new SearchIndexService(repository, getTokenizer(config.searchDictionaryPaths));
    log(`reindexing in batches of ${batchSize}${config.searchDictionaryPaths.length ? ` with ${config.searchDictionaryPaths.join(', ')}` : ''}`);
    const result = await new SearchReindexer(dataSource, repository, index).rebuild({ batchSize, onProgress: (p) => log(describe(p)) });
    log(`done in ${result.seconds.toFixed(1)} s: ${result.workingCopies} working copies, ${result.published} published, ${result.removed} stale entries removed, indexes rebuilt`);
    return 0;
  } finally {
    await dataSource.destroy();
    await runtime.embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`search:reindex failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
