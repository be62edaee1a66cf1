/**
 * Small facts about a line of newspaper text that several parser steps share:
 * how long it reads, which script it is in, how it ends. Every pattern accepts
 * full-width and half-width punctuation alike, because pages mix both (the seed
 * writes Chinese with ASCII commas).
 */

const HAN_GLOBAL = /\p{Script=Han}/gu;
const LATIN_WORD_GLOBAL = /\p{Script=Latin}+/gu;

/** Closing quotes and brackets that may follow the real final punctuation: `……。”`. */
const CLOSERS = '”"’\'」』）)';

/** A line ending like this is running prose (or a caption), never a headline. */
const PROSE_ENDING = new RegExp(`[。．.…⋯，,；;：:、][${CLOSERS}]*$`, 'u');
/** Crossheads carry no final punctuation at all, not even `!` or `?`. */
const ANY_FINAL_PUNCTUATION = new RegExp(`[。．.…⋯，,；;：:、！!？?][${CLOSERS}]*$`, 'u');
const ELLIPSIS_ENDING = /(?:\.{2,}|…+|⋯+)$/u;

/** Counts code points, so one Han character (or emoji) is one, as an editor counts. */
export function charLength(text: string): number {
  return Array.from(text).length;
}

export function countHan(text: string): number {
  return text.match(HAN_GLOBAL)?.length ?? 0;
}

/** Words, not letters: one Han character carries about as much as one English word. */
export function countLatinWords(text: string): number {
  return text.match(LATIN_WORD_GLOBAL)?.length ?? 0;
}

/** English and other Latin-script copy gets its own length limits and word rules. */
export function isMostlyLatin(text: string): boolean {
  return countLatinWords(text) > countHan(text);
}

export function endsLikeProse(line: string): boolean {
  return PROSE_ENDING.test(line);
}

export function endsWithPunctuation(line: string): boolean {
  return ANY_FINAL_PUNCTUATION.test(line);
}

/** Teaser excerpts are cut by the site and end in `...` or `…`. */
export function endsWithEllipsis(line: string): boolean {
  return ELLIPSIS_ENDING.test(line);
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

/** Short enough to be a title and not ending like a sentence; `!` and `?` are allowed. */
export function isHeadlineLike(line: string): boolean {
  // A full stop inside the line means sentences, whatever the line ends with (`…完成。(完)`).
  if (endsLikeProse(line) || /[。．]/u.test(line)) return false;
  return isMostlyLatin(line) ? charLength(line) <= 120 && wordCount(line) <= 20 : charLength(line) <= 50;
}

/**
 * A line that may be a page's headline: like `isHeadlineLike`, but as long as real headlines run
 * (English wire headlines reach 30 words, Chinese ones 60 characters with a kicker).
 */
export function isHeadlineCandidate(line: string): boolean {
  if (endsLikeProse(line) || /[。．]/u.test(line)) return false;
  return isMostlyLatin(line) ? charLength(line) <= 160 && wordCount(line) <= 30 : charLength(line) <= 60;
}

/** A crosshead: a short line with no final punctuation (`美方下周书面回复俄要求`). */
export function isSubheadingLike(line: string): boolean {
  if (endsWithPunctuation(line) || /[。．]/u.test(line)) return false;
  return isMostlyLatin(line) ? charLength(line) <= 60 && wordCount(line) <= 10 : charLength(line) <= 36;
}

/** Section names newsrooms print as labels; used to recognise a lone category line. */
const KNOWN_SECTIONS = new Set(
  (
    '国际|國際|本地|国内|國內|全国|全國|财经|財經|经济|經濟|体育|體育|娱乐|娛樂|社会|社會|政治|科技|教育|健康|生活|副刊|言论|言論|评论|評論|地方|大马|大馬|东马|東馬|中国|' +
    '中國|两岸|兩岸|港澳|台湾|台灣|亚洲|亞洲|要闻|要聞|焦点|焦點|即时|即時|综合|綜合|world|sports|business|politics|entertainment|' +
    'technology|science|health|opinion|nation|local|u.s.|us news|world news|lifestyle|travel'
  ).split('|'),
);

export function isKnownSection(line: string): boolean {
  return KNOWN_SECTIONS.has(line.trim().toLowerCase());
}

/**
 * A line short enough to be a section label in page furniture: a known section,
 * or up to four Han characters with no punctuation (`国际`, `新冠肺炎`).
 */
export function isSectionLabel(line: string): boolean {
  if (isKnownSection(line)) return true;
  return /^\p{Script=Han}{2,4}$/u.test(line);
}
