/**
 * Bytes of an uploaded page to text. Newsroom archives hold UTF-8 (with or
 * without a byte-order mark), UTF-16 from Windows tools, GB18030/GBK from
 * mainland and Malaysian systems, Big5 from Taiwan and Hong Kong, and the odd
 * Windows-1252 wire file. Anything else, and anything that is not text at all,
 * is refused with a `PageDecodingError` rather than imported as mojibake.
 */
import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { decodeLegacyChinese, WRONG_DECODING } from '../common/legacy-chinese.js';

export type PageDecodingFailure = 'empty' | 'binary' | 'undecodable';

export class PageDecodingError extends Error {
  override readonly name = 'PageDecodingError';

  constructor(
    readonly reason: PageDecodingFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface DecodedPage {
  /** The page with LF line endings and no byte-order mark. */
  text: string;
  /** `UTF-8`, `UTF-16LE`, `UTF-16BE`, `GB18030`, `Big5` or `windows-1252`. */
  encoding: string;
}

const BYTE_ORDER_MARKS: ReadonlyArray<{ bytes: readonly number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'UTF-8' },
  { bytes: [0xff, 0xfe], encoding: 'UTF-16LE' },
  { bytes: [0xfe, 0xff], encoding: 'UTF-16BE' },
];

/** Signatures of the files most often uploaded by mistake instead of a page. */
const BINARY_SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; kind: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a ZIP archive (or a Word/OpenDocument file)' },
  { bytes: [0x1f, 0x8b], kind: 'a gzip archive' },
  { bytes: [0x52, 0x49, 0x46, 0x46], kind: 'a RIFF (WebP/WAV/AVI) file' },
];

/** Control bytes a text page may hold: tab, line feed, form feed, carriage return. */
const TEXT_CONTROL_BYTES = new Set([0x09, 0x0a, 0x0c, 0x0d]);
/** A Latin single-byte page is mostly ASCII; mostly high bytes means some other encoding. */
const MAX_LATIN_HIGH_BYTE_SHARE = 0.1;

const LATIN_ENCODINGS = new Set(['ISO-8859-1', 'ISO-8859-15', 'windows-1252']);

export function decodePageBytes(buf: Buffer): DecodedPage {
  if (buf.length === 0) throw new PageDecodingError('empty', 'The page is empty: there are no bytes to import.');
  const bom = BYTE_ORDER_MARKS.find(({ bytes }) => startsWith(buf, bytes));
  if (bom) return finish(iconv.decode(buf.subarray(bom.bytes.length), bom.encoding), bom.encoding);
  refuseBinary(buf);
  const utf8 = decodeStrictUtf8(buf);
  if (utf8 !== null) return finish(utf8, 'UTF-8');
  const legacy = decodeLegacyChinese(buf) ?? decodeLatin(buf);
  if (legacy) return finish(legacy.text, legacy.encoding);
  throw new PageDecodingError(
    'undecodable',
    'The page is not valid UTF-8 and does not read as GB18030, Big5 or Windows-1252 text; save it as UTF-8 and import it again.',
  );
}

function startsWith(buf: Buffer, bytes: readonly number[]): boolean {
  return buf.length >= bytes.length && bytes.every((byte, index) => buf[index] === byte);
}

function refuseBinary(buf: Buffer): void {
  const signature = BINARY_SIGNATURES.find(({ bytes }) => startsWith(buf, bytes));
  if (signature) throw new PageDecodingError('binary', `The file is ${signature.kind}, not a text page.`);
  if (buf.includes(0)) {
    throw new PageDecodingError(
      'binary',
      'The file contains NUL bytes, so it is binary data (or UTF-16 without a byte-order mark), not a text page.',
    );
  }
  if (buf.some((byte) => (byte < 0x20 && !TEXT_CONTROL_BYTES.has(byte)) || byte === 0x7f)) {
    throw new PageDecodingError('binary', 'The file contains control characters that never occur in a text page.');
  }
}

function decodeStrictUtf8(buf: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return null;
  }
}

/** Only when chardet names a Western encoding and the page is nearly all ASCII. */
function decodeLatin(buf: Buffer): DecodedPage | null {
  const suggested = analyse(buf).some((match) => LATIN_ENCODINGS.has(match.name));
  const highBytes = buf.filter((byte) => byte >= 0x80).length;
  if (!suggested || highBytes / buf.length > MAX_LATIN_HIGH_BYTE_SHARE) return null;
  const text = iconv.decode(buf, 'windows-1252');
  return WRONG_DECODING.test(text) ? null : { text, encoding: 'windows-1252' };
}

function finish(decoded: string, encoding: string): DecodedPage {
  const text = decoded.replace(/^\ufeff/u, '').replace(/\r\n?/gu, '\n');
  if (text.trim().length === 0) {
    throw new PageDecodingError('empty', 'The page holds only whitespace: there is no text to import.');
  }
  return { text, encoding };
}
