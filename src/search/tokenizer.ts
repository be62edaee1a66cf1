import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { toSimplified } from '../common/chinese-script.js';

/**
 * Search tokeniser shared by indexing and querying. Both sides MUST go through the
 * same pipeline, otherwise a query in traditional script (or with full-width
 * letters) would never meet the simplified tokens stored in the index.
 *
 * Pipeline: NFKC → traditional-to-simplified → lower-case → split into runs →
 * jieba (search mode) for Han runs, plain words for every other letter/digit run.
 */

export interface NewsTokenizerOptions {
  /** Extra jieba user dictionaries (`word [freq] [tag]` per line) maintained by editors. */
  extraDictionaryPaths?: string[];
}

/**
 * Han runs go to jieba; any other run of letters, marks or digits is one word. Han
 * characters are also \p{L}, hence the lookahead that stops a Latin run at them
 * (so `nato北约` splits into `nato` + `北约`).
 */
const RUN_PATTERN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+)/gu;

/**
 * Characters with a meaning in tsquery syntax, plus whitespace. Tokens are passed as
 * bound parameters anyway; this is defence in depth for any caller that builds a
 * tsquery string out of them.
 */
const UNSAFE_TOKEN_CHARS = /['":&|!()\\*<>\s]/gu;

/** Joins Han runs for one jieba call; never part of a run, and jieba emits it as its own token. */
const RUN_SEPARATOR = '\n';

/** Frequency given to user-dictionary words that omit one, high enough to beat splits. */
const DEFAULT_USER_WORD_FREQUENCY = 10000;

/**
 * Wire copy reaches Malaysian newsrooms from Hong Kong and Taiwan, so variant characters of both
 * are folded (see chinese-script.ts).
 */
const traditionalToSimplified = toSimplified;

/**
 * Characters that each convert to themselves but change inside a phrase of OpenCC's dictionaries
 * (反覆 → 反复, 明瞭 → 明了, 沈浸 → 沉浸 …). Any other phrase that converts contains a character that
 * converts on its own. tokenizer.spec.ts checks this against the installed dictionaries.
 */
export const PHRASE_SENSITIVE_CHARACTERS = '坏瞭藉覆沈哩甦';

/** Per BMP code unit: 0 not looked at yet, 1 left alone by the conversion, 2 possibly converted. */
const conversionNeeded = new Uint8Array(0x10000);
for (const char of PHRASE_SENSITIVE_CHARACTERS) conversionNeeded[char.charCodeAt(0)] = 2;

/**
 * Whether traditional→simplified conversion could change `text`. Conversion walks OpenCC's tries
 * at every character (about a millisecond per 2,000); most newsroom copy is simplified already,
 * and one table lookup per character tells.
 */
function mayNeedConversion(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x3000) continue;
    if (code >= 0xd800 && code <= 0xdfff) return true;
    let state = conversionNeeded[code];
    if (state === 0) {
      const char = String.fromCharCode(code);
      state = traditionalToSimplified(char) === char ? 1 : 2;
      conversionNeeded[code] = state;
    }
    if (state === 2) return true;
  }
  return false;
}

/** NFKC first so full-width letters/digits and compatibility ideographs become ordinary ones. */
export function foldText(text: string): string {
  const normalized = text.normalize('NFKC');
  return (mayNeedConversion(normalized) ? traditionalToSimplified(normalized) : normalized).toLowerCase();
}

function sanitizeToken(token: string): string {
  return token.replace(UNSAFE_TOKEN_CHARS, '');
}

/**
 * The dictionary sits beside this file in the source tree; the compiled build
 * (dist/src/search) does not copy .txt assets, so fall back to the source copy.
 */
function defaultDictionaryPath(): string {
  const candidates = [
    new URL('./dictionary/newsroom.dict.txt', import.meta.url),
    new URL('../../../src/search/dictionary/newsroom.dict.txt', import.meta.url),
  ].map((url) => fileURLToPath(url));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`newsroom dictionary not found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * Reads an editor-maintained dictionary and rewrites it for jieba: comments and blank
 * lines dropped (jieba-rs rejects them), words folded like the text they must match,
 * a default frequency supplied, and malformed lines rejected with their line number.
 */
export function readUserDictionary(path: string): string {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/u);
  const entries: string[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [word, frequency, tag] = line.split(/\s+/u);
    if (frequency !== undefined && !/^\d+$/u.test(frequency)) {
      throw new Error(`${path}:${index + 1}: frequency must be a whole number, got "${frequency}"`);
    }
    const folded = sanitizeToken(foldText(word));
    if (folded === '') return;
    entries.push([folded, frequency ?? String(DEFAULT_USER_WORD_FREQUENCY), tag].filter(Boolean).join(' '));
  });
  return entries.join('\n') + '\n';
}

// jieba and its base dictionary hold about 60 MB once loaded: a process that never indexes nor
// searches (one that only serves stories) never loads them. The package is CommonJS, so it can be
// loaded synchronously on the first cut, with no asynchronous step in every caller.
const requireCjs = createRequire(import.meta.url);

export class NewsTokenizer {
  private segmenter: Jieba | undefined;
  /** The user dictionaries, read and checked at start-up so a bad line stops the boot, not a search. */
  private readonly userDictionaries: Buffer[];

  constructor(options: NewsTokenizerOptions = {}) {
    const paths = [defaultDictionaryPath(), ...(options.extraDictionaryPaths ?? [])];
    this.userDictionaries = paths.map((path) => Buffer.from(readUserDictionary(path), 'utf8'));
  }

  private get jieba(): Jieba {
    if (!this.segmenter) {
      const { Jieba: Segmenter } = requireCjs('@node-rs/jieba') as typeof import('@node-rs/jieba');
      const { dict } = requireCjs('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict.js');
      const jieba = Segmenter.withDict(dict);
      for (const words of this.userDictionaries) jieba.loadDict(words);
      this.segmenter = jieba;
    }
    return this.segmenter;
  }

  /** Tokens for indexing, in text order, duplicates kept (ranking may count them). */
  tokenize(text: string): string[] {
    const runs = [...this.fold(text).matchAll(RUN_PATTERN)];
    const hanPieces = this.cutHanRuns(runs.flatMap((match) => (match[1] !== undefined ? [match[1]] : [])));
    const tokens: string[] = [];
    let hanIndex = 0;
    for (const [, hanRun, wordRun] of runs) {
      if (hanRun === undefined) {
        const token = sanitizeToken(wordRun);
        if (token !== '') tokens.push(token);
        continue;
      }
      // jieba only splits a Han run: its pieces hold Han characters alone, nothing to sanitise.
      for (const piece of hanPieces[hanIndex++]) if (piece !== '') tokens.push(piece);
    }
    return tokens;
  }

  /**
   * Segments every Han run with one call into jieba: a story has hundreds of runs (one per clause)
   * and each native call costs more than segmenting the clause. jieba cuts Han blocks one by one,
   * so a newline between runs returns exactly the per-run pieces, separated by newline tokens.
   * Should that ever not hold (a different jieba build), the runs are cut one by one.
   */
  private cutHanRuns(runs: string[]): string[][] {
    if (runs.length <= 1) return runs.map((run) => this.jieba.cutForSearch(run, true));
    const groups: string[][] = [[]];
    for (const piece of this.jieba.cutForSearch(runs.join(RUN_SEPARATOR), true)) {
      if (piece === RUN_SEPARATOR) groups.push([]);
      else groups[groups.length - 1].push(piece);
    }
    if (groups.length === runs.length && groups.every((pieces, i) => pieces.reduce((n, piece) => n + piece.length, 0) >= runs[i].length)) return groups;
    return runs.map((run) => this.jieba.cutForSearch(run, true));
  }

  /** Query terms: the indexing pipeline, de-duplicated; [] when nothing is searchable. */
  queryTerms(query: string): string[] {
    return [...new Set(this.tokenize(query))];
  }

  /** NFKC + lower-case + traditional→simplified, for trigram matching. */
  fold(text: string): string {
    return foldText(text);
  }
}

let defaultTokenizer: NewsTokenizer | undefined;
const tokenizersByDictionaries = new Map<string, NewsTokenizer>();

/** Loading jieba's dictionary takes a noticeable moment, so build it once, on first use. */
export function getDefaultTokenizer(): NewsTokenizer {
  defaultTokenizer ??= new NewsTokenizer();
  return defaultTokenizer;
}

/**
 * The tokenizer for the newsroom dictionary plus `extraDictionaryPaths` (config
 * SEARCH_DICTIONARY_PATHS), built once per distinct list.
 */
export function getTokenizer(extraDictionaryPaths: readonly string[] = []): NewsTokenizer {
  if (extraDictionaryPaths.length === 0) return getDefaultTokenizer();
  const key = extraDictionaryPaths.join('\u0000');
  let tokenizer = tokenizersByDictionaries.get(key);
  if (!tokenizer) {
    tokenizer = new NewsTokenizer({ extraDictionaryPaths: [...extraDictionaryPaths] });
    tokenizersByDictionaries.set(key, tokenizer);
  }
  return tokenizer;
}
