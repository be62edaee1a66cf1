// Bytes in a legacy Chinese encoding to text: GB18030 (a superset of GBK and GB2312) from mainland
// and Malaysian systems, Big5 from Taiwan and Hong Kong. Their byte ranges overlap, so each is tried
// and believed only when it yields mostly common characters: text decoded with the wrong table
// turns into rare characters. Used for imported pages and for photos' IPTC-IIM text.
import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { COMMON_HAN } from './common-han.js';

export const CHINESE_ENCODINGS = ['GB18030', 'Big5'] as const;
export type ChineseEncoding = (typeof CHINESE_ENCODINGS)[number];

/** Replacement, C1 controls and private-use characters only appear when bytes were read wrongly. */
export const WRONG_DECODING = /[\ufffd\u0080-\u009f\ue000-\uf8ff]/u;
/** Share of Han characters that must be common ones for a Chinese decoding to be believed. */
const MIN_COMMON_HAN_SHARE = 0.8;

/**
 * The decoding made of the most common characters, or null when none is believable. `minHan`: how
 * many Han characters the text must hold at least (a couple of characters prove little).
 */
export function decodeLegacyChinese(bytes: Buffer, minHan = 1): { text: string; encoding: ChineseEncoding } | null {
  const suggested = analyse(bytes)
    .map((match) => match.name)
    .filter(isChineseEncoding);
  let best: { text: string; encoding: ChineseEncoding; share: number } | null = null;
  for (const encoding of new Set([...suggested, ...CHINESE_ENCODINGS])) {
    const text = iconv.decode(bytes, encoding);
    if (WRONG_DECODING.test(text)) continue;
    const han = text.match(/\p{Script=Han}/gu) ?? [];
    if (han.length < minHan) continue;
    const share = han.filter((character) => COMMON_HAN.has(character)).length / han.length;
    if (share >= MIN_COMMON_HAN_SHARE && (best === null || share > best.share)) best = { text, encoding, share };
  }
  return best && { text: best.text, encoding: best.encoding };
}

function isChineseEncoding(name: string): name is ChineseEncoding {
  return (CHINESE_ENCODINGS as readonly string[]).includes(name);
}
