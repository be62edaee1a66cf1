/**
 * Page language. Copy with more Latin words than Han characters is `en`;
 * Chinese copy is simplified or traditional by asking OpenCC which characters
 * it would change: characters that
 * change when converted to traditional are simplified forms, and the other way
 * round. Most characters (人, 在, 日) are the same in both scripts and count for
 * neither, so the vote is decided by the characters that differ.
 */
import { toSimplified, toTraditional } from '../../common/chinese-script.js';
import { countHan, countLatinWords, isMostlyLatin } from './page-text.js';
import type { PageLanguage } from './parsed-page.js';

type Conversion = (text: string) => string;

export function detectLanguage(text: string): PageLanguage {
  if (isMostlyLatin(text)) return 'en';
  const han = Array.from(text.replace(/[^\p{Script=Han}]/gu, ''));
  if (han.length === 0) return 'zh-Hans';
  const simplifiedForms = countChangedCharacters(han, toTraditional);
  const traditionalForms = countChangedCharacters(han, toSimplified);
  return traditionalForms > simplifiedForms ? 'zh-Hant' : 'zh-Hans';
}

/** How many characters a conversion changes, compared position by position. */
function countChangedCharacters(han: readonly string[], convert: Conversion): number {
  const converted = Array.from(convert(han.join('')));
  // Phrase rules may change the length; then compare character by character instead.
  if (converted.length !== han.length) return han.filter((character) => convert(character) !== character).length;
  return han.filter((character, index) => converted[index] !== character).length;
}

/**
 * How clearly the text is in one language and script, 0.5 (a toss-up) to 1: English by the share of
 * Latin words, Chinese by how one-sided the simplified/traditional vote is (text with no character
 * that differs between the scripts could be either and rates 0.6).
 */
export function languageConfidence(text: string): number {
  const latin = countLatinWords(text);
  const han = countHan(text);
  if (latin + han === 0) return 0.5;
  if (latin > han) return round(0.5 + latin / (latin + han) / 2);
  const characters = Array.from(text.replace(/[^\p{Script=Han}]/gu, ''));
  const simplified = countChangedCharacters(characters, toTraditional);
  const traditional = countChangedCharacters(characters, toSimplified);
  if (simplified + traditional === 0) return 0.6;
  return round(0.5 + Math.abs(simplified - traditional) / (simplified + traditional) / 2);
}

const round = (value: number): number => Math.round(value * 100) / 100;
