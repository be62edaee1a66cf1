/**
 * Photo captions and credit lines. A caption is recognised by the credit that ends
 * it, so the credit grammar decides what counts as a caption:
 *
 * - strong credits name themselves a credit (`图取自X`, `圖片來源：X`, `摄影:X`,
 *   `(X摄)`, `Photo: X`, `AP Photo/X`, `REUTERS/X`) and make any line a caption;
 * - weak credits are a bare source in brackets (`(路透社)`, `(俄罗斯外交部/路透社)`);
 *   Malaysian and Hong Kong papers also end news paragraphs with the wire agency in
 *   brackets, so the page parser only trusts a weak credit on a short line.
 */
import type { PhotoCaption } from './parsed-page.js';

export type CreditStrength = 'strong' | 'weak';

export interface CaptionLine extends PhotoCaption {
  strength: CreditStrength;
}

interface CreditReading {
  credit: string;
  strength: CreditStrength;
}

/** Words that introduce a credit; the longest come first so `图片来源` wins over `图`. */
const CREDIT_PREFIX =
  /^(?:图片取自|圖片取自|图取自|圖取自|图片来源|圖片來源|照片来源|照片來源|图片提供|圖片提供|图源|圖源|资料图|資料圖|摄影|攝影)\s*[:：]?\s*/u;
/** English labels need their colon (or `by`): `(Source: CDC)` ends news paragraphs too, so it is not one. */
const ENGLISH_CREDIT_PREFIX = /^(?:photos?\s+by\s+|(?:photos?|photo\s+credit|credit|image|picture)\s*:\s*)/iu;
/** One-character prefixes only count with a separator, or `图书馆` would be a credit. */
const SHORT_CREDIT_PREFIX = /^(?:图|圖|摄|攝|照片)\s*[:：/／]\s*/u;
/** `(陈兆良摄)`, `（警方提供）`: the credit is the name before the verb. */
const CREDIT_SUFFIX = /\s*(?:摄影|攝影|摄|攝|供图|供圖|提供)$/u;
/** Wire-photo credit lines are credits as a whole: `AP Photo/Jane Doe`, `REUTERS/Denis Balibouse`. */
const WIRE_PHOTO_CREDIT = /^(?:AP|AFP|EPA|EPA-EFE|REUTERS|Reuters|Xinhua|Getty Images|Bloomberg)(?:\s+Photos?)?\s*\/\s*\S/u;

const BARE_SOURCES = new Set(
  (
    '路透社|路透|法新社|美联社|美聯社|欧新社|歐新社|新华社|新華社|中新社|中央社|彭博社|共同社|韩联社|韓聯社|档案照|檔案照|资料照|資料照|网络图片|網絡圖片|網路圖片|网络照片|本报|本報|' +
    '星洲日报|星洲日報|东方日报|東方日報|南洋商报|南洋商報|诗华日报|詩華日報|reuters|afp|ap|epa|xinhua|getty images|bloomberg|file photo|' +
    'handout'
  ).split('|'),
);

/** `（中央社資料照）`, `(资料图片)`: a file photo of the named source; the note stays part of the credit. */
const FILE_PHOTO_NOTE = /(?:資料照|资料照|資料圖片|资料图片|資料圖|资料图|檔案照|档案照|file photo)$/iu;

/**
 * Credits printed after the caption's last sentence without brackets: `…行人。中央社記者徐肇昌攝 114年12月14日`,
 * `…开幕。新华社记者申宏摄`, `…in Paris. GEOFFROY VAN DER HASSELT / AFP`, `…Diseases. - The Straits Times/ANN`.
 */
const TRAILING_PHOTOGRAPHER = /(?<=[。！？.!?”」])\s*([^。！？.!?]{2,24}?)\s*(?:摄|攝)(?:\s*\d{2,4}年\d{1,2}月\d{1,2}日)?$/u;
const TRAILING_WIRE_CREDIT =
  /(?<=[.!?”"’])\s+(?:-\s+)?((?:[\p{Lu}][\p{L}'.-]*\s+){0,5}[\p{Lu}][\p{L}'.-]*\s*\/\s*(?:AFP|AP|ANN|EPA|Reuters|REUTERS|Xinhua|Bloomberg|Getty Images|[\p{Lu}][\p{L}]+(?:\s[\p{Lu}][\p{L}]+)*\/ANN)|(?:The\s)?[\p{Lu}][\p{L}]+(?:\s[\p{Lu}][\p{L}]+){0,3}\/(?:ANN|AFP|AP|Reuters))$/u;

/** Sources in one credit are joined by `/` whatever the page used (`\`, `、`, full-width forms). */
const CREDIT_SEPARATOR = /\s*[/／\\＼、|｜]\s*/u;

/** Brackets closing the line: `…会面。(图取自俄罗斯外交部\路透社)`. */
const TRAILING_BRACKETS = /[(（]([^()（）]{1,80})[)）]\s*$/u;
/** A credit printed without brackets after the caption: `…会面。图：路透社`, `… Photo: Reuters`. */
const TRAILING_LABELLED_CREDIT =
  /(?:^|(?<=[。．.！!？?\s]))\s*((?:图片取自|圖片取自|图取自|圖取自|图片来源|圖片來源|照片来源|照片來源|摄影|攝影|图|圖|Photos?|Credit)\s*[:：/／]\s*[^。：:]{1,60}|(?:AP|AFP|EPA|REUTERS|Reuters|Xinhua)(?:\s+Photos?)?\/[^/]{2,60})$/u;

/** `翻攝自X`, `截圖自X`, `取自X`: the photo was taken from X, so X is the credit. */
const TAKEN_FROM = /^(?:翻攝自|翻摄自|截圖自|截图自|圖取自|图取自|取自|來源\s*[:：]?|来源\s*[:：]?)\s*/u;

export function normaliseCredit(raw: string): string | null {
  const parts = raw
    .split(CREDIT_SEPARATOR)
    .map((part) => part.replace(TAKEN_FROM, '').replace(CREDIT_SUFFIX, '').trim())
    .filter(Boolean);
  return parts.length > 0 ? parts.join('/') : null;
}

/** Reads the words inside a credit, or null when they are not a credit at all. */
function readCredit(words: string): CreditReading | null {
  const text = words.trim();
  if (WIRE_PHOTO_CREDIT.test(text)) return creditOf(text, 'strong');
  const prefix = CREDIT_PREFIX.exec(text) ?? ENGLISH_CREDIT_PREFIX.exec(text) ?? SHORT_CREDIT_PREFIX.exec(text);
  if (prefix) return creditOf(text.slice(prefix[0].length), 'strong');
  if (CREDIT_SUFFIX.test(text) && text.length <= 30) return creditOf(text, 'strong');
  if (FILE_PHOTO_NOTE.test(text) && text.length <= 20 && !CREDIT_SEPARATOR.test(text)) return { credit: text, strength: 'strong' };
  return isBareSourceList(text) ? creditOf(text, 'weak') : null;
}

function creditOf(raw: string, strength: CreditStrength): CreditReading | null {
  const credit = normaliseCredit(raw);
  return credit ? { credit, strength } : null;
}

/** `路透社`, `俄罗斯外交部/路透社`: every part a known source, or several short names joined by a separator. */
function isBareSourceList(text: string): boolean {
  const parts = text.split(CREDIT_SEPARATOR).filter(Boolean);
  if (parts.every((part) => BARE_SOURCES.has(part.toLowerCase()))) return parts.length > 0;
  return parts.length > 1 && parts.every((part) => /^[\p{L}\p{N} .&'-]{2,20}$/u.test(part));
}

/**
 * Splits a line into caption and credit when it ends in a credit; null otherwise.
 * A line that is only a credit gives an empty caption (the caption is on the line before).
 */
export function readCaptionLine(line: string): CaptionLine | null {
  const bracketed = TRAILING_BRACKETS.exec(line);
  if (bracketed) {
    const reading = readCredit(bracketed[1] ?? '');
    if (reading) return { caption: line.slice(0, bracketed.index).trim(), ...reading };
  }
  const labelled = TRAILING_LABELLED_CREDIT.exec(line);
  if (labelled) {
    const reading = readCredit(labelled[1] ?? '');
    if (reading) return { caption: line.slice(0, labelled.index).trim(), credit: reading.credit, strength: 'strong' };
  }
  return readUnbracketedCredit(line);
}

function readUnbracketedCredit(line: string): CaptionLine | null {
  const photographer = TRAILING_PHOTOGRAPHER.exec(line);
  if (photographer) {
    const credit = normaliseCredit(photographer[1] ?? '');
    if (credit) return { caption: line.slice(0, photographer.index).trim(), credit, strength: 'strong' };
  }
  const wire = TRAILING_WIRE_CREDIT.exec(line);
  if (wire) {
    const credit = normaliseCredit(wire[1] ?? '');
    if (credit) return { caption: line.slice(0, wire.index).trim(), credit, strength: 'strong' };
  }
  return null;
}
