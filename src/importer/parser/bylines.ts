/**
 * Bylines and sign-offs: who wrote the story, and the desk's closing marks.
 * Both are printed as lines of their own (or at the very end of the last
 * paragraph) and must stay out of the body.
 */

/** `■陈兆良报导`: a box or bullet before the reporter and the reporting verb. */
const BULLET_BYLINE = /^[■□◆◇●○▲△★☆▼▽]\s*(.{1,24})$/u;
const REPORTING_VERB = /(?:报导|報導|报道|報道|撰文|整理|采访|採訪|摄|攝|撰)$/u;
/** `記者：張三`, `文／李四`, `撰文:王五`. */
const LABELLED_BYLINE = /^(?:记者|記者|文|撰文|作者|报导|報導|采访|採訪)\s*[:：/／]\s*\S.{0,23}$/u;
/** `By Jane Doe`, `By JANE DOE and JOHN ROE, Associated Press`. */
const ENGLISH_BYLINE = /^(?:By|BY)\s+\p{Lu}[\p{L}.'’-]*(?:(?:\s+|,\s*)(?:\p{Lu}[\p{L}.'’-]*|and|of|the)){0,9}$/u;

/** `By Tiffany Fumiko Tay, The Straits Times, 15 Apr 2020`: a byline naming paper and date too. */
const ENGLISH_BYLINE_WITH_PAPER = /^By\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4},\s+[\p{L}\s]{3,40}(?:,\s+[\p{L}\d\s]{3,20})?$/u;
/** `— Yanan Wang`: a contributor's line closing an update in live copy. */
const DASHED_NAME = /^[—–]\s*(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3})$/u;

/** The byline as printed, bullet removed; null when the line is not a byline. */
export function readBylineLine(printed: string): string | null {
  // `- By NADIRAH H. RODZI nadirah@thestar.com.my`: a list dash before, an address after.
  const line = printed.replace(/^[-–]\s+(?=By\s)/u, '').replace(/\s+\S+@\S+\.\w+$/u, '');
  const dashed = DASHED_NAME.exec(line);
  if (dashed) return (dashed[1] ?? '').trim();
  if (ENGLISH_BYLINE_WITH_PAPER.test(line)) return line.trim();
  const bullet = BULLET_BYLINE.exec(line);
  if (bullet) {
    const words = (bullet[1] ?? '').trim();
    // A bullet also opens list items; a byline is a bare name or ends in the reporting verb.
    return REPORTING_VERB.test(words) || words.length <= 4 ? words : null;
  }
  if (LABELLED_BYLINE.test(line) || ENGLISH_BYLINE.test(line)) return line.trim();
  return null;
}

/**
 * Desk marks that close a story: `(完)`, `（編輯：陳俊碩）1110126` (CNA adds a
 * date code), `(END)`, `-30-`, `###`. Several may follow each other.
 */
const SIGN_OFF_MARK =
  '(?:[(（]\\s*(?:完|全文完|END|End|編輯|编辑|責任編輯|责任编辑|責編|责编|譯者|译者|核稿|校对|校對)[^()（）]{0,40}[)）](?:\\s*\\d{5,8})?|-30-|###)';
const TRAILING_SIGN_OFF = new RegExp(`(?:\\s*${SIGN_OFF_MARK})+\\s*$`, 'u');
/** Splits a closing sign-off off the end of a line; a line that is only a sign-off leaves empty text. */
export function takeSignOff(paragraph: string): { text: string; signOff: string | null } {
  const match = TRAILING_SIGN_OFF.exec(paragraph);
  if (!match) return { text: paragraph, signOff: null };
  return { text: paragraph.slice(0, match.index).trim(), signOff: match[0].trim() };
}
