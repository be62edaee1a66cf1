/**
 * Facts about one line of a scraped page that tell story from page furniture, whatever the outlet:
 * how much it reads like prose, whether it is a time stamp, navigation, an advertisement marker,
 * boilerplate, a link to elsewhere, a box heading, an image file name, a credit on its own. Each is a
 * small pure function over the words and their shape (no outlet's layout is written down here), so
 * the article-span finder and the labellers can weigh them.
 */
import { charLength, countHan, countLatinWords, endsLikeProse, isHeadlineCandidate, isMostlyLatin } from './page-text.js';

/** Han characters over all non-space characters: 1 for Chinese prose, 0 for English. */
export function hanRatio(line: string): number {
  const characters = charLength(line.replace(/\s+/gu, ''));
  return characters === 0 ? 0 : countHan(line) / characters;
}

/** Reading length: a Han character or a Latin word counts one. */
export function readingLength(line: string): number {
  return countHan(line) + countLatinWords(line);
}

/** Full sentences: long enough and ending like one (Chinese needs ~20 characters, English ~8 words). */
export function isProse(line: string): boolean {
  const length = readingLength(line);
  if (isMostlyLatin(line)) return length >= 8 && (endsLikeProse(line) || length >= 25);
  // A title may carry `！` or `？` inside; prose is longer than any title or ends like a sentence.
  if (length < 16) return false;
  return endsLikeProse(line) || (/[。！？!?]/u.test(line) && !isHeadlineCandidate(line));
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const WEEKDAY = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?';
/** What may stand beside a date on a time-stamp line (publishing labels, sources, weekday names). */
const STAMP_WORDS =
  /(?:发布|發布|更新|来源|來源|时间|時間|日期|posted(?: at| on)?|updated|published(?: on)?|星期[一二三四五六日天]|周[一二三四五六日]|週[一二三四五六日]|上午|下午|[ap]\.?m\.?|utc|gmt|打印本页|关闭|字号|字號|打印|列印|關閉)/giu;
const DATE_FORMS = [
  /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?/gu,
  /\d{1,2}\s*[/.]\s*\d{1,2}\s*[/.]\s*\d{2,4}/gu,
  /\d{2,3}年\d{1,2}月\d{1,2}日/gu,
  new RegExp(`(?:${WEEKDAY}\\s*)?${MONTH}\\s+\\d{1,2}(?:,?\\s+\\d{4})?`, 'giu'),
  new RegExp(`(?:${WEEKDAY}\\s*)?\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?`, 'giu'),
  /\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?/gu,
  /\d+\s*(?:分鐘|分钟|小時|小时|天|秒)前/gu,
];

/**
 * A line that is only a date or time (with publishing labels, a source, a weekday): `2025/12/15 07:56`,
 * `Thursday, June 10, 2021`, `发布: 1:50pm 20/04/2022`, `2019年10月10日13:50 来源:人民网`.
 */
export function isTimestampLine(line: string): boolean {
  let rest = line.toLowerCase();
  let dates = 0;
  for (const form of DATE_FORMS) {
    rest = rest.replace(form, () => {
      dates += 1;
      return ' ';
    });
  }
  if (dates === 0) return false;
  rest = rest.replace(/(?:来源|來源|source)\s*[:：].*$/iu, ' ').replace(STAMP_WORDS, ' ');
  return readingLength(rest.replace(/[^\p{L}\p{N}]+/gu, ' ')) <= 3 && !/[。！？]$/u.test(line);
}

/** Words of site navigation, accounts, apps and sharing that never start a story line. */
const NAVIGATION_WORDS = new Set(
  (
    '登录|登入|登錄|登陆|注册|註冊|会员中心|會員中心|我的股票|newsletter|联络我们|聯絡我們|关于我们|關於我們|登广告|登廣告|活动|活動|' +
    '手机版|手機版|app|下载|下載|首页|首頁|home|menu|search|搜索|搜尋|skip to main content|跳到主要內容|跳到主要内容|' +
    '文字大小|分享|收藏|前往專題|前往专题|列印|打印|字體|字体|error|image|0|•|>|\\||-|--|更多|more|' +
    '歷史活動|歷史專題|家外媒體|數位廣告刊登|攝影棚租借|網站總覽|网站总览|部落格|訂閱|订阅|subscribe|log in|sign in|' +
    'download telegram|print more|read more »|read more|打开全文|打開全文'
  ).split('|'),
);
/** Labels that open a navigation or archive line: `Tag Archives: X`, `Newsletter|星洲网 Newsletter`. */
const NAVIGATION_OPENERS =
  /^(?:tag archives?|category archives?|news archive|author archives?|archives?|本页位置|本頁位置|当前位置|當前位置|您的位置|你的位置)\b|^(?:tag|category)\s*:/iu;

/** Site menus, account links, app prompts: short lines of navigation words or `A | B | C` link rows. */
export function isNavigationLine(line: string): boolean {
  const text = line.trim().toLowerCase();
  if (NAVIGATION_WORDS.has(text) || NAVIGATION_OPENERS.test(text)) return true;
  if (/^[•·|>\-–—\s]+$/u.test(text)) return true;
  const cells = text.split(/\s*[|｜•·]\s*|\s{2,}/u).filter(Boolean);
  if (cells.length >= 3 && cells.every((cell) => readingLength(cell) <= 6)) return true;
  return cells.length >= 2 && cells.every((cell) => NAVIGATION_WORDS.has(cell) || /newsletter|联络|聯絡|登广告|关于我们|我的股票|活动/u.test(cell));
}

/** Advertisement markers and "keep reading" prompts that sit between paragraphs. */
export function isAdvertisementLine(line: string): boolean {
  const text = line.trim();
  if (/^(?:advertisement|sponsored|廣告|广告|贊助|赞助|ad)(?:\s+(?:advertisement|廣告|广告))*$/iu.test(text)) return true;
  return /^(?:\[(?:廣告|广告)\])?\s*(?:請繼續往下閱讀|请继续往下阅读|繼續閱讀|继续阅读)\s*(?:\.{3}|…)?$/u.test(text);
}

/** Page boilerplate: copyright and cookie notices, app and tip-line prompts, source and editor notes, subscription offers. */
const BOILERPLATE = [
  /^(?:©|copyright\b|\(c\)\s*\d{4})/iu,
  /all rights reserved\.?$/iu,
  /^(?:版权所有|版權所有|版权声明|版權聲明|本文版权|本文版權|免责声明|免責聲明)/u,
  /^\*?本網站|^\*?本网站|^請同意我們|^请同意我们|^we use cookies|cookie policy/iu,
  /your browser does not|こちらのページ|一手新聞app|一手新闻app|請下載|请下载|點我下載|点我下载|用app看新聞|下载app|下載app/iu,
  /^(?:爆料|人人做記者|人人做记者|傳\s*真|传\s*真|sms|爆料熱線|爆料热线)/iu,
  /^\(?\d{3}\)?\s*\d{4}\s*\d{4}$/u,
  /^(?:来源|來源|source|责编|責編|责任编辑|責任編輯|编辑|編輯|editor)\s*[:：]/iu,
  /^本文来自|^本文來自|^原标题|^原標題|^题图来自|^題圖來自/u,
  /^(?:subscribe|monthly plan|annual plan|billed as|free trial|for new subscribers|cancel anytime|already a subscriber|save \d+%)/iu,
  /^rm\s?\d+(?:\.\d+)?\/(?:month|year)$|^\d+\s+month$/iu,
  /^(?:点击|點擊|click here|點這裡|点这里)/iu,
  /^(?:上一篇|下一篇|previous|next)\s*[:：]?\s/iu,
  /^(?:关键字|關鍵字|关键词|關鍵詞|tags?)\s*[:：]?\s/iu,
  /^(?:hotpic|video player|current time|duration|remaining time)\b/iu,
  /^(?:※|◆)\s|^\d+F\s*[:：]/u,
  /^(?:自由電子報關心您|安心專線|生命線協談專線|張老師專線)/u,
  /^(?:作者|看板|时间|時間)(?=\S)/u,
];

export function isBoilerplateLine(line: string): boolean {
  const text = line.trim();
  return BOILERPLATE.some((pattern) => pattern.test(text));
}

/** A line that only points elsewhere: `詳見X。`, `(看完整報導`, `▶相关新闻:X`, `Read more »`. */
export function isLinkLine(line: string): boolean {
  return /^(?:詳見|详见|看完整報導|看完整报道|\(看完整報導|閱讀全文|阅读全文|阅读更多|閱讀更多|▶|►|>>)|^(?:read more|see more|full story)\s*[»›>]*$/iu.test(
    line.trim(),
  );
}

/** Headings of boxes of other stories or videos: `热门新闻`, `▼相关新闻▼`, `百格视频`, `相关推荐`, `Next In Regional`. */
export function isBoxHeadingLike(line: string): boolean {
  const text = line.trim().replace(/^[↓▼▽↓\-–—\s]+|[↓▼▽↓\-–—\s]+$/gu, '');
  if (/^(?:next in|more in|more from|others also read|also read|related|trending|most read|latest|popular|recommended)\b.{0,20}$/iu.test(text)) {
    return readingLength(text) <= 5;
  }
  return /^\p{Script=Han}{0,4}(?:新闻|新聞|视频|視頻|影音|推荐|推薦|阅读|閱讀|文章|在看|排行)$/u.test(text) && charLength(text) <= 8
    ? true
    : /^(?:其他人也在看|猜你喜欢|猜你喜歡|你可能也喜欢|你可能也喜歡|更多新闻|更多新聞|更多|more)$/iu.test(text);
}

/** An image's file name or alt token printed as text: `Mohamad_Fuzi_Harun`, `hotpic a1`. */
export function isImageFilenameLine(line: string): boolean {
  const text = line.trim();
  return /^[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)+(?:\.(?:jpe?g|png|gif|webp))?$/u.test(text) || /\.(?:jpe?g|png|gif|webp)$/iu.test(text);
}

/** A run of short tags joined by `、` or commas, with no verb or full stop: `世紀之疫、醫療倫理、呼吸器`. */
export function isTagListLine(line: string): boolean {
  const tags = line.trim().split(/\s*[、,，;；]\s*/u);
  return tags.length >= 4 && !endsLikeProse(line) && tags.every((tag) => readingLength(tag) <= 6 && tag.length > 0);
}

/** `7 p.m.`, `10:30 a.m.`: the time crossheads of live reports. */
export function isClockHeading(line: string): boolean {
  return /^\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)$/iu.test(line.trim());
}

/** A line that only names who took a photo: `中央社記者張新偉攝 114年12月31日`, `Kin Cheung, AP`, `中新社发 张浪 摄`. */
export function readCreditOnlyLine(line: string): string | null {
  const text = line.trim();
  const suffix = /^((?:[\p{Script=Han}A-Za-z·\s]{2,24}?))\s*(?:摄|攝|攝影|摄影)(?:\s*\d{2,4}年\d{1,2}月\d{1,2}日)?$/u.exec(text);
  if (suffix && readingLength(text) <= 24) return (suffix[1] ?? '').trim();
  const wire = /^([A-Z][\p{L}'.-]+(?:\s+[A-Z][\p{L}'.-]+){0,3}),\s*(?:AP|AFP|Reuters|REUTERS|EPA|Xinhua|Bloomberg|Getty Images)$/u.exec(text);
  return wire ? text : null;
}

/** `© Provided by X`, `Photo: X` with nothing else: a credit that lost its caption. */
export function isOrphanCreditLine(line: string): boolean {
  return /^(?:©\s*)?(?:provided by|photo(?:graph)?s?\s*(?:by|:)|image\s*:|credit\s*:)\s*\S/iu.test(line.trim());
}
