import {
  hanRatio,
  isAdvertisementLine,
  isBoilerplateLine,
  isBoxHeadingLike,
  isClockHeading,
  isImageFilenameLine,
  isLinkLine,
  isNavigationLine,
  isOrphanCreditLine,
  isProse,
  isTagListLine,
  isTimestampLine,
  readCreditOnlyLine,
  readingLength,
} from './line-features.js';

describe('line features', () => {
  it('measures script and reading length', () => {
    expect(hanRatio('国会今日三读通过')).toBe(1);
    expect(hanRatio('Parliament passed the budget')).toBe(0);
    expect(readingLength('Boeing 裁员 10% of staff')).toBe(5);
  });

  it('tells prose from titles, also when a title carries ！ or ？', () => {
    expect(isProse('(吉隆坡28日讯)武吉阿曼警察总部已成立专案小组支援雪州警方,追查兴都庙骚乱事件。')).toBe(true);
    expect(isProse('共軍圍台軍演、國防預算卻卡關！在野5度封殺「1.25兆國防預算」 10名藍白立委名單曝光')).toBe(false);
    expect(isProse('Officials announced Monday that the state’s retailers could host vaccine clinics.')).toBe(true);
    expect(isProse('Cops probing all avenues')).toBe(false);
  });

  it.each([
    '2025/12/15 07:56(12/15 07:57 更新)',
    'Thursday, June 10, 2021',
    '发布: 1:50pm 20/04/2022',
    '2019年10月10日13:50  来源:人民网-传媒频道',
    'Posted at Oct 01 2020 07:06 PM',
    '52分鐘前',
  ])('reads %s as a time stamp', (line) => expect(isTimestampLine(line)).toBe(true));

  it('does not take a dated sentence for a time stamp', () => {
    expect(isTimestampLine('3月1日,参加全国“两会”采访的记者排队依次领取采访证件。')).toBe(false);
  });

  it.each([
    '登录',
    'Newsletter|星洲网 Newsletter 联络我们|星洲网 联络我们',
    'Skip to main content',
    'Tag Archives: BRXT',
    '新聞  部落格  u值媒  NBA台灣  網站總覽',
    '文字大小',
  ])('reads %s as navigation', (line) => expect(isNavigationLine(line)).toBe(true));

  it('keeps a crosshead out of navigation', () => expect(isNavigationLine('拒回应谁是主谋')).toBe(false));

  it('finds advertisement markers, boilerplate and links', () => {
    expect(isAdvertisementLine('ADVERTISEMENT')).toBe(true);
    expect(isAdvertisementLine('廣告 廣告')).toBe(true);
    expect(isAdvertisementLine('[廣告]請繼續往下閱讀...')).toBe(true);
    expect(isBoilerplateLine('第一手消息請下載on.cc東網 iPhone/ iPad/ Android/')).toBe(true);
    expect(isBoilerplateLine('本文来自微信公众号:腾讯新闻谷雨工作室(ID:guyulab)')).toBe(true);
    expect(isBoilerplateLine('责编:彭向华')).toBe(true);
    expect(isBoilerplateLine('警方呼籲市民為己為人,停止在公眾地方聚集。')).toBe(false);
    expect(isLinkLine('詳見中共無人機 闖我東沙島領空。')).toBe(true);
    expect(isLinkLine('Read more: Utilities brace for more outages')).toBe(false);
  });

  it('recognises box headings of other stories, in every script', () => {
    for (const heading of ['热门新闻', '▼相关新闻▼', '↓↓相关新闻↓↓', '百格视频', '相关推荐', '其他人也在看', 'Next In Regional']) {
      expect(isBoxHeadingLike(heading)).toBe(true);
    }
    expect(isBoxHeadingLike('美方下周书面回复俄要求')).toBe(false);
  });

  it('spots image file names, tag lists, clock crossheads and orphan credits', () => {
    expect(isImageFilenameLine('Mohamad_Fuzi_Harun')).toBe(true);
    expect(isImageFilenameLine('Cops probing all avenues')).toBe(false);
    expect(isTagListLine('世紀之疫、醫療倫理、呼吸器、病房、DNR、covid19')).toBe(true);
    expect(isTagListLine('包括抛柑许愿池、祈福展板、汉服走秀。')).toBe(false);
    expect(isClockHeading('7 p.m.')).toBe(true);
    expect(isOrphanCreditLine('© Provided by The Canadian Press')).toBe(true);
  });

  it('reads a credit standing alone in simplified, traditional and English forms', () => {
    expect(readCreditOnlyLine('中央社記者張新偉攝 114年12月31日')).toBe('中央社記者張新偉');
    expect(readCreditOnlyLine('Kin Cheung, AP')).toBe('Kin Cheung, AP');
    expect(readCreditOnlyLine('警方前日凌晨截獲可疑車輛')).toBeNull();
  });
});
