// Deterministic generator of Chinese news stories (and of the queries readers would type about
// them) from the vocabulary: same seed, same corpus, so runs compare.
import type { SearchableBlock } from '../../src/search/search-text.js';
import { ADVERBS, COMMON_NOUNS, CONNECTIVES, MEDIA, NOUNS, ORGANISATIONS, PEOPLE, PLACES, TIMES, TOPICS, UNITS, VERBS, type Topic } from './vocabulary.js';

export interface BenchStory {
  index: number;
  topic: Topic;
  headline: string;
  subheadline: string | null;
  excerpt: string;
  body: SearchableBlock[];
  publishedAt: Date;
}

/** mulberry32: small, fast, good enough for picking words. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zipf-like choice: early words in a list are much more frequent than late ones, as in real text. */
function zipf<T>(rand: () => number, list: readonly T[]): T {
  const u = rand();
  return list[Math.min(list.length - 1, Math.floor(list.length * u * u))];
}

const uniform = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)];

class Writer {
  constructor(
    private readonly rand: () => number,
    private readonly topic: Topic,
    /** The story's cast: a story keeps returning to the same few names. */
    private readonly cast: { person: string[]; place: string[]; org: string[] },
  ) {}

  person = () => (this.rand() < 0.8 ? uniform(this.rand, this.cast.person) : zipf(this.rand, PEOPLE[this.topic]));
  place = () => (this.rand() < 0.8 ? uniform(this.rand, this.cast.place) : zipf(this.rand, PLACES[this.topic]));
  org = () => (this.rand() < 0.8 ? uniform(this.rand, this.cast.org) : zipf(this.rand, ORGANISATIONS[this.topic]));
  noun = () => (this.rand() < 0.6 ? zipf(this.rand, NOUNS[this.topic]) : zipf(this.rand, COMMON_NOUNS));
  verb = () => zipf(this.rand, VERBS);
  time = () => uniform(this.rand, TIMES);
  adverb = () => zipf(this.rand, ADVERBS);
  connective = () => uniform(this.rand, CONNECTIVES);
  amount = () => `${1 + Math.floor(this.rand() * 999)}${uniform(this.rand, UNITS)}`;

  sentence(): string {
    const templates: Array<() => string> = [
      () => `${this.person()}${this.time()}在${this.place()}${this.verb()}，${this.org()}${this.adverb()}${this.verb()}${this.noun()}和${this.noun()}。`,
      () => `${this.org()}${this.verb()}，${this.noun()}${this.adverb()}${this.verb()}，${this.noun()}的${this.noun()}${this.verb()}${this.amount()}。`,
      () => `${this.person()}${this.verb()}：“${this.noun()}${this.adverb()}${this.verb()}${this.noun()}，我们${this.verb()}${this.noun()}。”`,
      () => `据${uniform(this.rand, MEDIA)}报道，${this.place()}的${this.noun()}${this.time()}${this.verb()}${this.amount()}，${this.noun()}${this.verb()}。`,
      () => `${this.connective()}，${this.org()}${this.verb()}${this.noun()}、${this.noun()}及${this.noun()}的${this.noun()}。`,
      () => `${this.person()}${this.verb()}${this.person()}的${this.noun()}，并${this.verb()}${this.org()}${this.verb()}${this.noun()}。`,
    ];
    return uniform(this.rand, templates)();
  }

  paragraph(): string {
    const count = 2 + Math.floor(this.rand() * 4);
    return Array.from({ length: count }, () => this.sentence()).join('');
  }

  headline(): string {
    const templates: Array<() => string> = [
      () => `${this.person()}：${this.noun()}${this.verb()}${this.noun()}`,
      () => `${this.place()}${this.noun()}${this.verb()} ${this.org()}${this.verb()}${this.noun()}`,
      () => `${this.org()}${this.verb()}${this.noun()}${this.amount()}`,
      () => `${this.person()}${this.verb()}${this.org()}${this.noun()}`,
    ];
    return uniform(this.rand, templates)();
  }
}

const castOf = (rand: () => number, topic: Topic) => ({
  person: [zipf(rand, PEOPLE[topic]), zipf(rand, PEOPLE[topic])],
  place: [zipf(rand, PLACES[topic]), uniform(rand, PLACES[topic])],
  org: [zipf(rand, ORGANISATIONS[topic]), uniform(rand, ORGANISATIONS[topic])],
});

const DAY = 86_400_000;

/**
 * Story `index` of `total`: 6-9 paragraphs (about 760 characters), sometimes a photo and a
 * crosshead. Stories are numbered in publication order over the two years before `now`, as an
 * archive grows: story 0 is the oldest.
 */
export function story(index: number, total: number, now: number, seed = 20241122): BenchStory {
  const rand = random(seed ^ Math.imul(index + 1, 2654435761));
  const topic = TOPICS[Math.floor(rand() * TOPICS.length)];
  const writer = new Writer(rand, topic, castOf(rand, topic));
  const paragraphs = Array.from({ length: 6 + Math.floor(rand() * 4) }, () => writer.paragraph());
  const body: SearchableBlock[] = paragraphs.map((text) => ({ type: 'paragraph', text }));
  if (rand() < 0.4) body.splice(1, 0, { type: 'image', caption: `${writer.person()}在${writer.place()}${writer.verb()}${writer.noun()}。` });
  if (rand() < 0.3) body.splice(3, 0, { type: 'subheading', text: `${writer.noun()}${writer.verb()}${writer.noun()}` });
  return {
    index,
    topic,
    headline: writer.headline(),
    subheadline: rand() < 0.3 ? writer.sentence().slice(0, -1) : null,
    excerpt: paragraphs[0].slice(0, 160),
    body,
    publishedAt: new Date(now - Math.floor(((total - index - rand()) / total) * 730 * DAY)),
  };
}

/**
 * What readers type: one, two or three words about one subject (a name, a place or an
 * organisation with the nouns of its beat), so multi-word queries mostly have answers.
 */
export function query(rand: () => number, words: 1 | 2 | 3): string {
  const topic = TOPICS[Math.floor(rand() * TOPICS.length)];
  const entity = [PEOPLE, PLACES, ORGANISATIONS][Math.floor(rand() * 3)][topic];
  const pool = [zipf(rand, entity), zipf(rand, NOUNS[topic]), rand() < 0.5 ? zipf(rand, NOUNS[topic]) : zipf(rand, COMMON_NOUNS)];
  if (words === 1 && rand() < 0.5) return zipf(rand, NOUNS[topic]);
  return [...new Set(pool.slice(0, words))].join(' ');
}
