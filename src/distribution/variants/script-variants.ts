// Traditional and simplified delivery: one story written in Kuala Lumpur, read in Taipei or Hong
// Kong in their own characters and phrasing. OpenCC (opencc-js) converts; its regional phrase tables
// serve zh-TW and zh-HK. Terms the newsroom protects stay exactly as written.
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';

export const SCRIPT_VARIANTS = ['zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK'] as const;
export type ScriptVariant = (typeof SCRIPT_VARIANTS)[number];

export const isScriptVariant = (value: unknown): value is ScriptVariant => (SCRIPT_VARIANTS as readonly unknown[]).includes(value);

/** Converts one piece of text; the identity when nothing needs converting. */
export type TextConverter = (text: string) => string;

type Locale = 'cn' | 't' | 'tw' | 'twp' | 'hk';

// opencc-js's bundled declarations use extensionless relative imports that NodeNext resolution
// cannot follow, so its types arrive unresolved; this is the shape its docs promise.
const makeConverter = OpenCC.Converter as unknown as (options: { from: Locale; to: Locale }) => TextConverter;

/** What each variant converts to: standard traditional, Taiwan's with its phrases, Hong Kong's. */
const TARGET: Record<ScriptVariant, Locale> = { 'zh-Hans': 'cn', 'zh-Hant': 't', 'zh-TW': 'twp', 'zh-HK': 'hk' };

/** The script a story is written in, from its language tag; null for languages OpenCC has nothing to do with. */
function sourceLocale(language: string): Locale | null {
  const tag = language.toLowerCase();
  if (tag === 'zh-tw' || tag === 'zh-hant-tw') return 'twp';
  if (tag === 'zh-hk' || tag === 'zh-mo' || tag === 'zh-hant-hk') return 'hk';
  if (tag.startsWith('zh-hant')) return 't';
  if (tag === 'zh' || tag.startsWith('zh-')) return 'cn';
  return null;
}

/** Marks a protected term's place while the rest is converted (a private-use character OpenCC leaves alone). */
const MARK = '\uE000';

/** Reads protected-term files: one term a line, `#` comments and blank lines ignored. */
export function readProtectedTerms(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Converters per (story language, variant), built once each (opencc builds its tries when a
 * converter is made), each keeping the protected terms as written.
 */
export class ScriptVariants {
  private readonly converters = new Map<string, TextConverter>();
  private readonly protectedPattern: RegExp | null;

  constructor(protectedTerms: readonly string[]) {
    const traditional = makeConverter({ from: 'cn', to: 't' });
    // A term listed in simplified is protected in its traditional spelling too, and longer terms first.
    const spellings = [...new Set(protectedTerms.flatMap((term) => [term, traditional(term)]))].sort((a, b) => b.length - a.length);
    this.protectedPattern = spellings.length ? new RegExp(spellings.map(escapeRegExp).join('|'), 'gu') : null;
  }

  /** The converter for text of a story written in `language`, delivered as `variant`. */
  converterFor(variant: ScriptVariant, language: string): TextConverter {
    const from = sourceLocale(language);
    const to = TARGET[variant];
    if (from === null || from === to) return identity;
    const key = `${from}>${to}`;
    let converter = this.converters.get(key);
    if (!converter) {
      converter = this.protecting(makeConverter({ from, to }));
      this.converters.set(key, converter);
    }
    return converter;
  }

  /** Wraps `convert` so protected terms come out exactly as they went in. */
  private protecting(convert: TextConverter): TextConverter {
    const pattern = this.protectedPattern;
    if (!pattern) return convert;
    return (text) => {
      // Text that already holds the marker (a private-use character) is converted whole, unprotected, rather than garbled.
      if (text.includes(MARK)) return convert(text);
      const kept: string[] = [];
      const masked = text.replace(pattern, (term) => {
        kept.push(term);
        return MARK;
      });
      if (kept.length === 0) return convert(text);
      let index = 0;
      return convert(masked).replace(/\uE000/gu, () => kept[index++]);
    };
  }
}

export const identity: TextConverter = (text) => text;
