// How one public response presents stories: in which script (a converter per story language) and
// without which photos (those an embargoed story uses stay private). The mapper records which photos
// it left out, so a response's validator changes when an embargo hides or frees one.
import type { TextConverter } from '../distribution/variants/script-variants.js';
import type { ScriptVariant } from '../distribution/variants/script-variants.js';

export interface ContentView {
  variant: ScriptVariant | undefined;
  /** The converter for text of a story written in `language`. */
  textFor(language: string): TextConverter;
  /** The language a story written in `language` is delivered in. */
  languageFor(language: string): string;
  /** Photos no public response may show now. */
  hiddenPhotos: ReadonlySet<string>;
  /** Filled by the mapper: hidden photos this response would have shown. */
  withheld: Set<string>;
}

const same: TextConverter = (text) => text;

/** As written, every photo shown: for tests and callers that need no view. */
export const originalView = (): ContentView => ({
  variant: undefined,
  textFor: () => same,
  languageFor: (language) => language,
  hiddenPhotos: new Set(),
  withheld: new Set(),
});
