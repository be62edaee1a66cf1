import { toSimplified } from './chinese-script.js';
import { pinyin } from 'pinyin-pro';

/**
 * URL slugs: ASCII, lower-case, one hyphen between words. Chinese becomes toneless
 * pinyin, one syllable per word, so 国际 → guo-ji and a headline stays readable.
 */

const HAN_RUN = /\p{Script=Han}+/gu;

/** Letters NFD cannot split into base + accent, so stripping marks alone would drop them. */
const LATIN_LIGATURES: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ł: 'l',
  þ: 'th',
};

const MAX_UNIQUE_ATTEMPTS = 1000;

/**
 * pinyin-pro resolves polyphones (长大 → zhang da) from simplified context only, so
 * traditional text is folded first. Built lazily: opencc builds its tries up front.
 */
function traditionalToSimplified(text: string): string {
  return toSimplified(text);
}

/** Surrounds every pinyin syllable with spaces so each becomes its own slug word. */
function romaniseHan(text: string): string {
  return text.replace(HAN_RUN, (run) => ` ${pinyin(run, { toneType: 'none', type: 'array' }).join(' ')} `);
}

/** Lower-case ASCII words: diacritics removed (pinyin ü too), everything else a separator. */
function asciiWords(text: string): string[] {
  const folded = text
    .toLowerCase()
    .replace(/[ßæœøđðħıłþ]/gu, (letter) => LATIN_LIGATURES[letter] ?? '')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
  return folded.split(/[^a-z0-9]+/u).filter((word) => word !== '');
}

/** Cuts at the last hyphen that fits; a single over-long word is cut hard instead. */
function truncateAtWordBoundary(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf('-');
  const truncated = boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, maxLength);
  return truncated.replace(/-+$/u, '');
}

/** Readable ASCII slug, at most `maxLength` characters; '' when nothing usable is left. */
export function slugify(text: string, maxLength = 80): string {
  if (maxLength < 1) return '';
  const normalised = traditionalToSimplified(text.normalize('NFKC'));
  const slug = asciiWords(romaniseHan(normalised)).join('-');
  return truncateAtWordBoundary(slug, maxLength);
}

function withSuffix(base: string, suffix: string, maxLength: number): string {
  return `${truncateAtWordBoundary(base, maxLength - suffix.length)}${suffix}`;
}

/**
 * First free slug among base, base-2, base-3, …, trimmed so the suffix still fits in
 * `maxLength`. `taken` is checked one candidate at a time; a concurrent writer can still
 * win the race, so callers must keep the unique constraint and retry on violation.
 */
export async function uniqueSlug(
  base: string,
  taken: (candidate: string) => Promise<boolean>,
  maxLength = 80,
): Promise<string> {
  if (base === '') throw new RangeError('uniqueSlug needs a non-empty base; fall back before calling it');
  const first = truncateAtWordBoundary(base, maxLength);
  if (!(await taken(first))) return first;
  for (let n = 2; n <= MAX_UNIQUE_ATTEMPTS; n += 1) {
    const candidate = withSuffix(base, `-${n}`, maxLength);
    if (!(await taken(candidate))) return candidate;
  }
  throw new Error(`no free slug for "${base}" after ${MAX_UNIQUE_ATTEMPTS} attempts`);
}
