/**
 * Page language. Copy with more Latin words than Han characters is `en`;
 * Chinese copy is simplified or traditional by asking OpenCC which characters
 * it would change: characters that
 * change when converted to traditional are simplified forms, and the other way
 * round. Most characters (人, 在, 日) are the same in both scripts and count for
 * neither, so the vote is decided by the characters that differ.
 */
import { toSimplified, toTraditional } from '../../common/chinese-script.js';
import { isMostlyLatin } from './page-text.js';
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
