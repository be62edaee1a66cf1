/**
 * A page as the importer receives it (the file's bytes from the command line, or text an editor
 * pasted into the API) turned into the one text the parser reads and the hash that identifies it.
 * Pure: the same page gives the same hash however it arrived, so importing it twice is noticed.
 */
import { createHash } from 'node:crypto';
import { decodePageBytes, PageDecodingError, type PageDecodingFailure } from './text-decoding.js';

/** Bigger than any newspaper page; refusing early keeps a stray dump out of the parser. */
export const MAX_PAGE_BYTES = 1_000_000;

/** `no-story`: readable text, but the parser found no story in it. */
export type PageInputFailure = PageDecodingFailure | 'too-large' | 'too-complex' | 'no-story';

export class PageInputError extends Error {
  override readonly name = 'PageInputError';

  constructor(
    readonly reason: PageInputFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface PageText {
  /** LF line endings, no byte-order mark. */
  text: string;
  /** sha256 (hex) of `text`. */
  contentHash: string;
}

/**
 * Text that was read with the wrong encoding (or is a binary file read as text) carries these:
 * U+FFFD stands in for bytes a decoder could not read, C1 controls for bytes read as Latin-1.
 */
const MISREAD_TEXT = /[\ufffd\u0080-\u009f]/u;

/** A file's bytes, in whatever encoding newsroom archives hold (see text-decoding.ts). */
export function pageFromBytes(bytes: Buffer): PageText {
  assertSize(bytes.length);
  return finish(decode(bytes));
}

/** Text that is already a string (the API): nothing to decode, but the same checks and normalisation. */
export function pageFromText(text: string): PageText {
  const bytes = Buffer.from(text, 'utf8');
  assertSize(bytes.length);
  return finish(decode(bytes));
}

export const contentHashOf = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Every reason a page cannot be read comes out as one error type. */
function decode(bytes: Buffer): string {
  try {
    return decodePageBytes(bytes).text;
  } catch (error) {
    if (error instanceof PageDecodingError) throw new PageInputError(error.reason, error.message);
    throw error;
  }
}

function assertSize(bytes: number): void {
  if (bytes > MAX_PAGE_BYTES) {
    throw new PageInputError('too-large', `The page is ${bytes} bytes; a page may have at most ${MAX_PAGE_BYTES} bytes (1 MB).`);
  }
}

function finish(text: string): PageText {
  if (MISREAD_TEXT.test(text)) {
    throw new PageInputError(
      'binary',
      'The text contains replacement or control characters (U+FFFD, U+0080–U+009F): it is binary data or was read with the wrong encoding. Send the file itself, or save it as UTF-8.',
    );
  }
  return { text, contentHash: contentHashOf(text) };
}
