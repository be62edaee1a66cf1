import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict as jiebaBaseDictionary } from '@node-rs/jieba/dict.js';
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

/** Frequency given to user-dictionary words that omit one, high enough to beat splits. */
const DEFAULT_USER_WORD_FREQUENCY = 10000;

/**
 * Wire copy reaches Malaysian newsrooms from Hong Kong and Taiwan, so variant characters of both
 * are folded (see chinese-script.ts).
 */
const traditionalToSimplified = toSimplified;

/** NFKC first so full-width letters/digits and compatibility ideographs become ordinary ones. */
export function foldText(text: string): string {
  return traditionalToSimplified(text.normalize('NFKC')).toLowerCase();
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

export class NewsTokenizer {
  private readonly jieba: Jieba;

  constructor(options: NewsTokenizerOptions = {}) {
    this.jieba = Jieba.withDict(jiebaBaseDictionary);
    const paths = [defaultDictionaryPath(), ...(options.extraDictionaryPaths ?? [])];
    for (const path of paths) {
      this.jieba.loadDict(Buffer.from(readUserDictionary(path), 'utf8'));
    }
  }

  /** Tokens for indexing, in text order, duplicates kept (ranking may count them). */
  tokenize(text: string): string[] {
    const tokens: string[] = [];
    for (const match of this.fold(text).matchAll(RUN_PATTERN)) {
      const [, hanRun, wordRun] = match;
      const pieces = hanRun !== undefined ? this.jieba.cutForSearch(hanRun, true) : [wordRun];
      for (const piece of pieces) {
        const token = sanitizeToken(piece);
        if (token !== '') tokens.push(token);
      }
    }
    return tokens;
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

/** Loading jieba's dictionary takes a noticeable moment, so build it once, on first use. */
export function getDefaultTokenizer(): NewsTokenizer {
  defaultTokenizer ??= new NewsTokenizer();
  return defaultTokenizer;
}
