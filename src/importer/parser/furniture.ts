/**
 * Page furniture: what a news site prints around a story that is not the story.
 * Boxes of teasers (`热门新闻`), read-more links (`阅读全文`) and site chrome
 * (share buttons, ads, copyright) are recognised here so the body never holds them.
 */

const normalised = (line: string): string =>
  line
    .trim()
    .replace(/[:：]$/u, '')
    .toLowerCase();

/** Headings of teaser boxes; a story never continues after one. */
const BOX_HEADINGS = new Set(
  (
    '热门新闻|熱門新聞|热门|熱門|热读|熱讀|相关新闻|相關新聞|相关文章|相關文章|相关阅读|相關閱讀|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|更多新闻|更多新聞|最新新闻|最新新聞|即时新闻|' +
    '即時新聞|猜你喜欢|猜你喜歡|你可能也喜欢|你可能也喜歡|编辑推荐|編輯推薦|related|related stories|related news|related articles|' +
    'trending|trending now|most read|most popular|popular|more stories|more news|you may also like|' +
    'recommended'
  ).split('|'),
);

/** Read-more links, optionally followed by an arrow. */
const READ_MORE =
  /^(?:阅读全文|閱讀全文|阅读更多|閱讀更多|查看全文|继续阅读|繼續閱讀|全文|read more|read the full story|continue reading)\s*[>»›→…]*$/iu;

/** `Read more: <title>` or `延伸閱讀：<title>`: one teaser printed inside the story. */
const INLINE_TEASER =
  /^(?:read more|read|related|see also|延伸阅读|延伸閱讀|相关新闻|相關新聞|相关阅读|相關閱讀|推荐阅读|推薦閱讀)\s*[:：]\s*(\S.*)$/iu;

/** Site chrome that may sit between paragraphs; dropped without a warning. */
const CHROME_LINES = new Set(
  (
    '分享|分享到|分享此文|分享本文|转发|轉發|share|share this|share this article|facebook|twitter|x|whatsapp|telegram|line|' +
    '微信|微博|email|打印|列印|print|广告|廣告|advertisement|sponsored|赞助内容|贊助內容|返回顶部|返回頂部|back to top|字体|字體|a+|a-|收藏|' +
    '留言|评论|評論|comments|订阅|訂閱|subscribe|点赞|點讚'
  ).split('|'),
);
const CHROME_PATTERNS = [
  /^(?:©|copyright\b|\(c\)\s*\d{4})/iu,
  /all rights reserved\.?$/iu,
  /^版权所有|^版權所有|^本文版权|^本文版權/u,
  /^(?:上一篇|下一篇|previous|next)\s*[:：]/iu,
  /^(?:点击|點擊|click here)/iu,
];

export function isBoxHeading(line: string): boolean {
  return BOX_HEADINGS.has(normalised(line));
}

export function isReadMoreMarker(line: string): boolean {
  return READ_MORE.test(line.trim());
}

export function readInlineTeaserTitle(line: string): string | null {
  return INLINE_TEASER.exec(line.trim())?.[1]?.trim() ?? null;
}

export function isSiteChrome(line: string): boolean {
  return CHROME_LINES.has(normalised(line)) || CHROME_PATTERNS.some((pattern) => pattern.test(line.trim()));
}
