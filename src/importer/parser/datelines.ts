/**
 * Datelines: where and when a report was filed, printed at the head of the first
 * paragraph. Chinese papers bracket it and end it with the wire word
 * (`(日内瓦22日讯)`, `(本报古晋6日讯)`, `【中央社台北26日電】`, `〔記者X／屏東報導〕`,
 * `【明報專訊】`); English copy prints the place in capitals before a dash
 * (`SEATTLE (AP) —`, `LONDON, Jan 22 (Reuters) -`).
 */

export interface DatelineReading {
  /** Without brackets or the dash: `日内瓦22日讯`, `SEATTLE (AP)`. */
  dateline: string;
  /** Liberty Times style datelines carry the reporter: `〔記者X／屏東報導〕`. */
  byline: string | null;
  /** The paragraph after the dateline; empty when the dateline stood on its own line. */
  rest: string;
}

/** Bracketed, at most 40 characters, ending in 讯/電/報導… so `(左)` or `(完)` never match. */
const CHINESE_DATELINE = /^\s*[(（【〔[［]\s*([^()（）【】〔〕[\]［］\n]{1,40}?(?:讯|訊|电|電|报导|報導|报道|報道))\s*[)）】〕\]］]\s*/u;

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
/** Capitalised place, optional `, Wash.`-style state, optional date, optional `(AP)`, then a dash. */
const ENGLISH_DATELINE = new RegExp(
  [
    "^\\s*([A-Z][A-Z.'’-]+(?:\\s+[A-Z][A-Z.'’-]*)*",
    '(?:,\\s+[A-Z][A-Za-z.]*(?:\\s+[A-Z][A-Za-z.]*)?)?',
    `(?:,?\\s+${MONTH}\\s+\\d{1,2})?`,
    '(?:\\s*\\([A-Z][A-Za-z .&-]{0,30}\\))?)',
    '\\s*(?:—|–|--|-)(?:\\s+|$)',
  ].join(''),
  'u',
);

/** `記者李立法／屏東報導` → reporter `記者李立法`, dateline `屏東報導`. */
const REPORTER_AND_PLACE = /^(.{1,20}?)\s*[／/]\s*(.{1,20})$/u;

export function readDateline(paragraph: string): DatelineReading | null {
  return readChineseDateline(paragraph) ?? readEnglishDateline(paragraph);
}

function readChineseDateline(paragraph: string): DatelineReading | null {
  const match = CHINESE_DATELINE.exec(paragraph);
  if (!match) return null;
  const words = (match[1] ?? '').trim();
  const rest = paragraph.slice(match[0].length).trim();
  const split = REPORTER_AND_PLACE.exec(words);
  if (split) return { dateline: (split[2] ?? '').trim(), byline: (split[1] ?? '').trim(), rest };
  return { dateline: words, byline: null, rest };
}

function readEnglishDateline(paragraph: string): DatelineReading | null {
  const match = ENGLISH_DATELINE.exec(paragraph);
  if (!match) return null;
  const dateline = (match[1] ?? '').trim();
  // A lone capital ("A —") or an acronym at a dash inside a sentence is not a place.
  if (!/[A-Z]{2,}/u.test(dateline)) return null;
  return { dateline, byline: null, rest: paragraph.slice(match[0].length).trim() };
}
