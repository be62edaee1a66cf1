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
    '\\s*(?:(?:—|–|--|-)(?:\\s+|$|(?=[A-Z“"‘]))|:\\s+(?=[A-Z“"‘]))',
  ].join(''),
  'u',
);

/**
 * A source slug in square or lenticular brackets takes the dateline's place: `【本報訊】`,
 * `[Newtalk新聞]`, `【Now新聞台】`, `【Yahoo 新聞報道】`. Round brackets are not enough here,
 * since `(新聞)` may be an aside.
 */
const SOURCE_SLUG = /^\s*[【〔[［]\s*([^()（）【】〔〕[\]［］\n]{1,20}?(?:新聞台|新闻台|新聞|新闻|報道|报道|專訊|专讯))\s*[】〕\]］]\s*/u;

/** An agency dateline without brackets: `人民网北京5月14日电 今年…`, `新华社北京1月11日电(记者 成欣)…`. */
const UNBRACKETED_AGENCY_DATELINE =
  /^\s*((?:[\p{Script=Han}]{1,6}(?:社|网|網|报|報))?[\p{Script=Han}]{2,8}(?:\d{1,2}月)?\d{1,2}日(?:专电|專電|电|電|讯|訊))(?:\s*[(（]\s*记者[^()（）]{1,12}[)）])?(?:\s+|(?=[\p{Script=Han}“「]))/u;

/** `記者李立法／屏東報導` → reporter `記者李立法`, dateline `屏東報導`. */
const REPORTER_AND_PLACE = /^(.{1,20}?)\s*[／/]\s*(.{1,20})$/u;

export function readDateline(paragraph: string): DatelineReading | null {
  return readChineseDateline(paragraph) ?? readSourceSlug(paragraph) ?? readAgencyDateline(paragraph) ?? readEnglishDateline(paragraph);
}

function readSourceSlug(paragraph: string): DatelineReading | null {
  const match = SOURCE_SLUG.exec(paragraph);
  if (!match) return null;
  return { dateline: (match[1] ?? '').trim(), byline: null, rest: paragraph.slice(match[0].length).trim() };
}

function readAgencyDateline(paragraph: string): DatelineReading | null {
  const match = UNBRACKETED_AGENCY_DATELINE.exec(paragraph);
  if (!match) return null;
  const rest = paragraph.slice(match[0].length).trim();
  return rest.length > 0 ? { dateline: (match[1] ?? '').trim(), byline: null, rest } : null;
}

/**
 * A reporter and the place, on a line of their own: `特派記者賴錦宏/北京報導聯合報` → byline
 * `特派記者賴錦宏`, dateline `北京報導`. `綜合報導` (a compiled report) names no place.
 */
const REPORTER_LINE =
  /^((?:特派|駐\S{1,4}|驻\S{1,4})?(?:記者|记者)[\p{Script=Han}、]{2,12})\s*[/／]\s*([\p{Script=Han}]{2,6}?(?:報導|报导|報道|报道))(?:\S{0,6})$/u;

export function readReporterLine(line: string): { byline: string; dateline: string | null } | null {
  const match = REPORTER_LINE.exec(line.trim());
  if (!match) return null;
  const place = match[2] ?? '';
  return { byline: (match[1] ?? '').trim(), dateline: /^(?:綜合|综合|即時|即时|整理|編譯|编译)/u.test(place) ? null : place };
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
