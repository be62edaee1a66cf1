import type { BodyBlock } from './revision-diff.js';

export const EXCERPT_LENGTH = 160;

const SENTENCE_END = /[。！？!?.]/gu;

/**
 * The teaser text shown when an editor wrote none: the opening paragraphs, cut at the last
 * sentence end that fits (Chinese 。！？ included), else hard at the limit with an ellipsis.
 */
export function deriveExcerpt(body: readonly BodyBlock[], maxLength = EXCERPT_LENGTH): string | null {
  const paragraphs = body.filter((b): b is Extract<BodyBlock, { type: 'paragraph' }> => b.type === 'paragraph').map((b) => b.text.trim());
  const opening = paragraphs.filter((p) => p !== '').join(' ');
  if (opening === '') return null;
  const characters = [...opening];
  if (characters.length <= maxLength) return opening;
  const window = characters.slice(0, maxLength).join('');
  let cut = -1;
  for (const match of window.matchAll(SENTENCE_END)) cut = match.index + match[0].length;
  // A sentence end in the first third would leave a stub; prefer a fuller cut then.
  if (cut >= window.length / 3) return window.slice(0, cut);
  return `${characters
    .slice(0, maxLength - 1)
    .join('')
    .trimEnd()}…`;
}

/** The excerpt readers see: the editor's, or one derived from the body. */
export const effectiveExcerpt = (excerpt: string | null, body: readonly BodyBlock[]): string | null => excerpt ?? deriveExcerpt(body);
