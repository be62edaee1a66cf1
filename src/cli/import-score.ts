// `npm run import:score [-- DIR]`: parses every page of the corpus (default test/fixtures/pages) the way
// `npm run import` reads a file, compares the result with the page's hand-written label, and prints what
// differs per page, then the accuracy per field and overall. Page 000 is the seed: its text is in seeds/.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCORED_FIELDS, scoreCorpus, scorePage, type CorpusScore, type PageLabel, type PageScore } from '../importer/corpus-score.js';
import { readPage } from '../importer/page-preview.js';

const SEED_PAGE = 'seeds/000_01a6cdf8dd098583.txt';
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

async function pageSource(dir: string, name: string): Promise<{ file: string; bytes: Buffer }> {
  if (name.startsWith('000-')) return { file: SEED_PAGE, bytes: await readFile(SEED_PAGE) };
  const entries = await readdir(dir);
  const file = entries.find((entry) => entry.startsWith(`${name}.`) && entry !== `${name}.json`);
  if (!file) throw new Error(`${name}.json has no page beside it`);
  return { file: join(dir, file), bytes: await readFile(join(dir, file)) };
}

async function scoreOne(dir: string, labelFile: string): Promise<PageScore> {
  const name = labelFile.replace(/\.json$/u, '');
  const label = JSON.parse(await readFile(join(dir, labelFile), 'utf8')) as PageLabel;
  const source = await pageSource(dir, name);
  return scorePage(name, label, readPage({ bytes: source.bytes }, source.file).parsed);
}

function describePage(page: PageScore): string[] {
  const wrong = page.fields.filter((field) => field.score < 1);
  if (wrong.length === 0) return [`${page.page}: all fields right`];
  const indent = (text: string) => text.split('\n').join('\n      ');
  return [
    `${page.page}:`,
    ...wrong.map(
      (f) => `  ${f.field} (${percent(f.score)})\n    expected: ${indent(f.expected || '(none)')}\n    parsed:   ${indent(f.actual || '(none)')}`,
    ),
  ];
}

function describeCorpus(corpus: CorpusScore): string[] {
  const exact = corpus.pages.filter((page) => page.fields.every((field) => field.score === 1)).length;
  const seed = corpus.pages.find((page) => page.page.startsWith('000-'));
  return [
    '',
    `pages: ${corpus.pages.length}, all fields right on ${exact}`,
    ...SCORED_FIELDS.map((field) => `  ${field.padEnd(12)} ${percent(corpus.byField[field]).padStart(6)}`),
    `  ${'overall'.padEnd(12)} ${percent(corpus.overall).padStart(6)}`,
    seed ? `seed page: ${seed.fields.every((field) => field.score === 1) ? 'exact' : 'NOT exact'}` : 'seed page: not in the corpus',
  ];
}

async function main(dir: string): Promise<void> {
  const labels = (await readdir(dir)).filter((entry) => /^\d{3}-.*\.json$/u.test(entry)).sort();
  const pages: PageScore[] = [];
  for (const label of labels) pages.push(await scoreOne(dir, label));
  const corpus = scoreCorpus(pages);
  process.stdout.write([...pages.flatMap(describePage), ...describeCorpus(corpus)].join('\n') + '\n');
}

main(process.argv[2] ?? 'test/fixtures/pages').catch((error: unknown) => {
  process.stderr.write(`import:score failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
