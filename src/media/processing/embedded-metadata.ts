// Chooses a photo's caption, credit and the rest from what exifr reads out of its IPTC-IIM, XMP and
// EXIF blocks. Pure: the reading happens in metadata-reader.ts.
//
// When IIM and XMP disagree: IIM wins, because wire services and newsroom desk systems write and
// edit IIM, and an XMP packet that disagrees with it is usually a stale copy. Three exceptions,
// after the Metadata Working Group's guidance: a stored IPTC digest that still matches the IIM says
// the two were synchronised and XMP was edited since, so XMP wins; an XMP value that merely extends
// the IIM one is the untruncated text (IIM fields have byte limits, e.g. 32 for Credit); and an IIM
// value that is not valid UTF-8 (a legacy code page we cannot identify) loses to Unicode XMP.
//
// IIM text without a UTF-8 declaration is often in the desk system's code page: GBK/GB18030 from
// mainland and Malaysian desks, Big5 from Taiwan and Hong Kong agencies. The block's undeclared
// non-UTF-8 text is judged as a whole (more characters, a surer guess) and, when it reads as common
// Chinese in one of them, every such field is decoded with it.
import iconv from 'iconv-lite';
import { decodeLegacyChinese, type ChineseEncoding } from '../../common/legacy-chinese.js';
import type { DigestState, IptcBlockFacts } from './iptc-block.js';

export interface EmbeddedFields {
  caption: string | null;
  credit: string | null;
  creator: string | null;
  copyright: string | null;
  source: string | null;
  title: string | null;
  altText: string | null;
  usageTerms: string | null;
  capturedAt: Date | null;
}

/** exifr's output, segment by segment (read with `mergeOutput: false, reviveValues: false`). */
export interface RawMetadata {
  iptc?: Record<string, unknown>;
  xmp?: Record<string, unknown>;
  tiff?: { ifd0?: Record<string, unknown>; exif?: Record<string, unknown> };
}

export const NO_EMBEDDED_FIELDS: EmbeddedFields = {
  caption: null,
  credit: null,
  creator: null,
  copyright: null,
  source: null,
  title: null,
  altText: null,
  usageTerms: null,
  capturedAt: null,
};

interface IimText {
  text: string;
  /** False for non-ASCII bytes that are not UTF-8 nor a recognised Chinese code page: read as Latin-1. */
  certain: boolean;
}

/** How the block's IIM text is encoded, as far as can be told. */
export interface IimCharset {
  utf8Declared: boolean;
  /** The legacy Chinese encoding undeclared non-UTF-8 text reads as, if any. */
  legacy: ChineseEncoding | null;
}

/** Fewer Han characters than this across the block prove nothing about its code page. */
const MIN_HAN_FOR_LEGACY = 2;

export function pickEmbeddedFields(raw: RawMetadata, block: IptcBlockFacts): EmbeddedFields {
  const iptc = raw.iptc ?? {};
  const xmp = raw.xmp ?? {};
  const ifd0 = raw.tiff?.ifd0 ?? {};
  const charset: IimCharset = { utf8Declared: block.utf8Declared, legacy: block.utf8Declared ? null : legacyEncodingOf(iptc) };
  const iim = (key: string) => iimText(iptc[key], charset);
  const pick = (key: string, xmpValue: string | null) => reconcile(iim(key), xmpValue, block.digest);
  return {
    caption: pick('Caption', langAlt(namespace(xmp, 'dc').description)),
    credit: pick('Credit', plain(namespace(xmp, 'photoshop').Credit)),
    creator: pick('Byline', list(namespace(xmp, 'dc').creator)) ?? exifText(ifd0.Artist),
    copyright: pick('CopyrightNotice', langAlt(namespace(xmp, 'dc').rights)) ?? exifText(ifd0.Copyright),
    source: pick('Source', plain(namespace(xmp, 'photoshop').Source)),
    title: pick('ObjectName', langAlt(namespace(xmp, 'dc').title)),
    altText: langAlt(namespace(xmp, 'Iptc4xmpCore').AltTextAccessibility),
    usageTerms: langAlt(namespace(xmp, 'xmpRights').UsageTerms),
    capturedAt: captureTime(raw.tiff?.exif ?? {}),
  };
}

/** One field from IIM and XMP, by the rule at the top of this file. */
export function reconcile(iim: IimText | null, xmp: string | null, digest: DigestState): string | null {
  if (!iim) return xmp;
  if (!xmp || xmp === iim.text) return iim.text;
  if (!iim.certain || digest === 'match' || xmp.startsWith(iim.text)) return xmp;
  return iim.text;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];

/**
 * exifr decodes IIM text as Latin-1. Its bytes are re-read as UTF-8 when the block declares UTF-8
 * (record 1:90) or, undeclared, when they form valid UTF-8 (which Latin-1 prose practically never
 * does); otherwise in the block's legacy Chinese encoding when it has one.
 */
export function iimText(value: unknown, charset: IimCharset): IimText | null {
  const decoded = strings(value).map((s) => decodeIim(s, charset));
  const text = clean(decoded.map((d) => d.text).join('; '));
  return text ? { text, certain: decoded.every((d) => d.certain) } : null;
}

function decodeIim(latin1: string, charset: IimCharset): IimText {
  const bytes = Buffer.from(latin1, 'latin1');
  if (!bytes.some((b) => b >= 0x80)) return { text: latin1, certain: true };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, certain: true };
  if (charset.utf8Declared) return { text: bytes.toString('utf8'), certain: false };
  if (charset.legacy) return { text: iconv.decode(bytes, charset.legacy), certain: true };
  return { text: latin1, certain: false };
}

/** The Chinese code page all of the block's undeclared, non-UTF-8 text reads as; null if none does. */
function legacyEncodingOf(iptc: Record<string, unknown>): ChineseEncoding | null {
  const legacy = Object.values(iptc)
    .flatMap(strings)
    .map((s) => Buffer.from(s, 'latin1'))
    .filter((bytes) => bytes.some((b) => b >= 0x80) && strictUtf8(bytes) === null);
  if (legacy.length === 0) return null;
  // A line feed between fields keeps one field's last byte from pairing with the next one's first.
  const joined = Buffer.concat(legacy.flatMap((bytes) => [bytes, Buffer.from('\n')]));
  return decodeLegacyChinese(joined, MIN_HAN_FOR_LEGACY)?.encoding ?? null;
}

function strictUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** EXIF "ASCII" strings are UTF-8 in practice (the MWG recommends it); exifr hands them over as read. */
function exifText(value: unknown): string | null {
  return typeof value === 'string' ? (iimText(value, { utf8Declared: false, legacy: null })?.text ?? null) : null;
}

function namespace(xmp: Record<string, unknown>, name: string): Record<string, unknown> {
  const ns = xmp[name];
  return ns && typeof ns === 'object' && !Array.isArray(ns) ? (ns as Record<string, unknown>) : {};
}

function plain(value: unknown): string | null {
  if (typeof value === 'string' || typeof value === 'number') return clean(String(value));
  return langAlt(value);
}

/** An XMP language alternative: the x-default entry, else a Chinese one, else the first. */
export function langAlt(value: unknown): string | null {
  if (typeof value === 'string') return clean(value);
  const entries = (Array.isArray(value) ? value : [value]).filter(isLangEntry);
  const chosen = entries.find((e) => e.lang === 'x-default') ?? entries.find((e) => e.lang.toLowerCase().startsWith('zh')) ?? entries[0];
  return chosen ? clean(String(chosen.value)) : null;
}

/** An XMP ordered list (dc:creator): joined with "; " as the MWG does for EXIF Artist. */
function list(value: unknown): string | null {
  const items = (Array.isArray(value) ? value : [value]).map(plain).filter((s): s is string => !!s);
  return items.length ? items.join('; ') : null;
}

function isLangEntry(value: unknown): value is { lang: string; value: unknown } {
  return !!value && typeof value === 'object' && typeof (value as { lang?: unknown }).lang === 'string' && 'value' in value;
}

// Control characters (other than line breaks and tabs) and NULs padding fixed-length fields.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function clean(text: string): string | null {
  const cleaned = text.replace(CONTROL, '').trim();
  return cleaned ? cleaned : null;
}

/** EXIF DateTimeOriginal, with OffsetTimeOriginal when present; a time without offset is taken as UTC. */
export function captureTime(exif: Record<string, unknown>): Date | null {
  const stamp = typeof exif.DateTimeOriginal === 'string' ? exif.DateTimeOriginal.trim() : '';
  const m = stamp.match(/^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/);
  if (!m || m[1] === '0000') return null;
  const offset =
    typeof exif.OffsetTimeOriginal === 'string' && /^[+-]\d{2}:\d{2}$/.test(exif.OffsetTimeOriginal.trim()) ? exif.OffsetTimeOriginal.trim() : 'Z';
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}
