// What of a story is searchable, at which weight, and which passages a snippet may quote. Pure:
// the index service feeds it working copies and published snapshots alike.

/**
 * A body block as stored in the working copy (`BodyBlock`) or in the published snapshot
 * (`ResolvedBlock`, captions already resolved). Structural, so both fit.
 */
export interface SearchableBlock {
  type: string;
  text?: string | null;
  caption?: string | null;
  attribution?: string | null;
  items?: readonly string[] | null;
}

export interface SearchablePhoto {
  caption?: string | null;
}

/** The editorial text of one story, in either scope. */
export interface SearchableStory {
  headline: string;
  subheadline?: string | null;
  excerpt?: string | null;
  body: readonly SearchableBlock[];
  featuredImage?: SearchablePhoto | null;
}

/** The three weight classes of the tsvector. */
export interface WeightedText {
  /** Headline. */
  a: string;
  /** Subheadline and excerpt. */
  b: string;
  /** Body text and photo captions. */
  c: string;
}

const present = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * The passages of one block a reader would read. Credits and alt text are left out: an agency
 * name (路透社) on every photo would make every story match it.
 */
export function blockPassages(block: SearchableBlock): string[] {
  switch (block.type) {
    case 'paragraph':
    case 'subheading':
      return [block.text].filter(present);
    case 'quote':
      return [block.text, block.attribution].filter(present);
    case 'list':
      return (block.items ?? []).filter(present);
    case 'image':
      return [block.caption].filter(present);
    default:
      return [];
  }
}

/** The body's passages in reading order, the featured photo's caption first (it sits above the story). */
export function bodyPassages(story: Pick<SearchableStory, 'body' | 'featuredImage'>): string[] {
  return [story.featuredImage?.caption].filter(present).concat(story.body.flatMap(blockPassages));
}

/** Newlines keep clauses of different passages from running into one another in the tokenizer. */
export function weightedText(story: SearchableStory): WeightedText {
  return {
    a: story.headline,
    b: [story.subheadline, story.excerpt].filter(present).join('\n'),
    c: bodyPassages(story).join('\n'),
  };
}

/** Passages a snippet may quote, most telling first: the subheadline, the excerpt, then the body. */
export function snippetPassages(story: SearchableStory): string[] {
  return [...eachSnippetPassage(story)];
}

/**
 * snippetPassages one at a time: the snippet of a search hit usually stops at the subheadline or
 * excerpt, so the body's passages are only gathered when it reads on.
 */
export function* eachSnippetPassage(story: SearchableStory): Generator<string, void, undefined> {
  yield* standfirstPassages(story);
  if (present(story.featuredImage?.caption)) yield story.featuredImage.caption;
  for (const block of story.body) yield* blockPassages(block);
}

/** The passages a snippet reads before the body's: the subheadline and the excerpt. */
export function standfirstPassages(story: Pick<SearchableStory, 'subheadline' | 'excerpt'>): string[] {
  return [story.subheadline, story.excerpt].filter(present);
}
