import { readFixturePage, readSeedPage } from './__fixtures__/fixture-pages.js';
import { parsePage } from './page-parser.js';
import { PageParsingError, type BodyBlock, type ParsedPage } from './parsed-page.js';

const blockTypes = (body: readonly BodyBlock[]): string[] => body.map((block) => block.type);
const paragraphs = (page: ParsedPage): string[] => page.body.flatMap((block) => (block.type === 'paragraph' ? [block.text] : []));

describe('parsePage on the seed page (Malaysian Chinese daily, simplified)', () => {
  const page = parsePage(readSeedPage(), { filename: '000_01a6cdf8dd098583.txt' });

  it('reads the lead photo caption and normalises its credit', () => {
    expect(page.featuredImage).toEqual({
      caption: '美国国务卿布林肯(左)与俄罗斯外长拉夫罗夫当地时间周五在日内瓦会面。',
      credit: '俄罗斯外交部/路透社',
    });
  });

  it('takes the dateline off the first paragraph', () => {
    expect(page.dateline).toBe('日内瓦22日讯');
    expect(paragraphs(page)[0]).toMatch(/^美国国务卿布林肯与俄罗斯外长拉夫罗夫/u);
    expect(JSON.stringify(page.body)).not.toContain('日内瓦22日讯');
  });

  it('has ten paragraphs and the crosshead after the fourth', () => {
    expect(blockTypes(page.body)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'subheading',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(page.body[4]).toEqual({ type: 'subheading', text: '美方下周书面回复俄要求' });
    expect(paragraphs(page)[9]).toMatch(/^另一方面,北约周五拒绝了俄罗斯/u);
  });

  it('is simplified Chinese with a provisional headline from the lead', () => {
    expect(page.language).toBe('zh-Hans');
    expect(page.headlineDerived).toBe(true);
    expect(Array.from(page.headline).length).toBeLessThanOrEqual(40);
    expect(page.headline).toBe('美国国务卿布林肯与俄罗斯外长拉夫罗夫当地时间周五在瑞士日内瓦会面');
  });

  it('makes the excerpt from the first paragraph, without the dateline, at most 160 characters', () => {
    expect(page.excerpt).toMatch(/^美国国务卿布林肯与俄罗斯外长拉夫罗夫/u);
    expect(Array.from(page.excerpt).length).toBeLessThanOrEqual(160);
  });

  it('keeps the trending box out of the body', () => {
    const body = JSON.stringify(page.body);
    expect(body).not.toContain('热门新闻');
    expect(body).not.toContain('阅读全文');
    for (const teaser of page.teasers) expect(body).not.toContain(teaser.title);
    expect(page.byline).toBeNull();
    expect(page.signOff).toBeNull();
    expect(page.category).toBeNull();
  });

  it('reads the sixteen teasers in order', () => {
    expect(page.teasers.map((teaser) => teaser.title)).toEqual([
      '女子长期美甲指甲长“三叉戟” 医生一看:赶紧切除!',
      '2罗里5车相撞! 南北大道连环撞致10公里车龙',
      '“头号公敌”辞职币圈狂欢 比特币冲上9.9万美元',
      '预定薄饼取餐等40分钟 妇申诉:摊贩突退款不卖',
      '伊党:我们更适合领导国盟 民政:慕尤丁当之无愧',
      '《黑神话:悟空》荣获《金摇杆》年度最佳游戏',
      '禁穆斯林女学生戴头巾 印度学校掀宗教歧视争议',
      '英女王行宫聘兼职管家 仅开出最低时薪',
      '女乘客拒戴口罩累全机人 美客机起飞2小时后折返迈阿密',
      '【新冠肺炎】世卫建议5至11岁儿童 打辉瑞疫苗',
      '印度KitKat巧克力印上神明图像 被指“伤害宗教情感”下架',
      '在国会被当面逼宫 约翰逊突飙华语回怼',
      '美国最老人瑞115岁安详辞世 生前全球第七长寿',
      '【新冠肺炎】新国调整统计方式 新病例激增3155起累计破30万',
      '大溪地现世界最大原始珊瑚礁 形状如海中玫瑰',
      '花生过敏有机会避免 研究:婴幼儿时期少量给',
    ]);
  });

  it('gives the international teasers their section and their excerpt, "..." kept', () => {
    const international = page.teasers.slice(6);
    expect(page.teasers.slice(0, 6).every((teaser) => teaser.category === null && teaser.excerpt === null)).toBe(true);
    for (const teaser of international) {
      expect(teaser.category).toBe('国际');
      expect(teaser.excerpt).toMatch(/\.\.\.$/u);
    }
    expect(international[0]?.excerpt).toBe(
      '印度一所学校因禁止穆斯林女学生戴传统头巾上学,而引发争议。当地教育官员周五(21日)回应称,即使是印度教徒也一样不得披袈...',
    );
  });

  it('takes a dateline off a teaser excerpt as it does off the lead', () => {
    expect(page.teasers[13]?.excerpt).toMatch(/^新加坡在调整病例统计方式后/u);
  });

  it('moves the tag and date stuck to a title into their fields, on that teaser only', () => {
    expect(page.teasers[4]).toEqual({
      title: '伊党:我们更适合领导国盟 民政:慕尤丁当之无愧',
      category: null,
      excerpt: null,
      date: '2024-11-22',
      tag: '东方头条',
    });
    const others = page.teasers.filter((_, index) => index !== 4);
    expect(others.every((teaser) => teaser.date === null && teaser.tag === null)).toBe(true);
  });

  it('leaves the thumbnail caption inside a teaser out of the list, with a warning', () => {
    const captionLine = '女摊贩解释,当时顾客多,妇女一听到要排队就不高兴,还说要退钱,但材料都已准备好。';
    expect(JSON.stringify(page.teasers)).not.toContain('女摊贩解释');
    expect(page.warnings).toEqual([expect.stringContaining(captionLine)]);
  });

  it('reads the same page with CRLF line endings and a byte-order mark', () => {
    const windowsText = `\uFEFF${readSeedPage().replace(/\n/gu, '\r\n')}`;
    expect(parsePage(windowsText)).toEqual(parsePage(readSeedPage()));
  });
});

describe('parsePage on CNA copy (traditional, 【中央社台北26日電】, 圖片來源, 編輯 sign-off, headline line)', () => {
  const page = parsePage(readFixturePage('cna-taipei-traditional.txt'));

  it('uses the printed headline', () => {
    expect(page.headline).toBe('賴清德主持國安高層會議 盼兩岸恢復對話');
    expect(page.headlineDerived).toBe(false);
  });

  it('reads dateline, language, photo credit and sign-off', () => {
    expect(page.dateline).toBe('中央社台北26日電');
    expect(page.language).toBe('zh-Hant');
    expect(page.featuredImage).toEqual({ caption: '總統府發言人在記者會上說明國安會議結論。', credit: '總統府' });
    expect(page.signOff).toBe('（編輯：陳俊碩）1130126');
    expect(JSON.stringify(page.body)).not.toContain('編輯');
  });

  it('builds the body and the related-news teasers', () => {
    expect(blockTypes(page.body)).toEqual(['paragraph', 'paragraph', 'subheading', 'paragraph', 'paragraph']);
    expect(paragraphs(page)[0]).toMatch(/^總統賴清德今天上午/u);
    expect(page.teasers).toEqual([
      { title: '立法院三讀通過國安法修正案', category: null, excerpt: null, date: null, tag: null },
      { title: '經濟部：上半年出口動能持續回溫', category: null, excerpt: null, date: '2024-01-25', tag: null },
    ]);
    expect(page.warnings).toEqual([]);
  });
});

describe('parsePage on a Kuching local story ((本报古晋6日讯), ■ byline, (X摄) credits, (完))', () => {
  const page = parsePage(readFixturePage('kuching-local-byline.txt'));

  it('reads byline, dateline and the lead photo', () => {
    expect(page.byline).toBe('陈兆良报导');
    expect(page.dateline).toBe('本报古晋6日讯');
    expect(page.featuredImage).toEqual({ caption: '古晋南市市长(左三)与市议员巡视新落成的多层停车场。', credit: '陈兆良' });
    expect(page.language).toBe('zh-Hans');
  });

  it('turns a caption between paragraphs into an image block and keeps (完) out of the body', () => {
    expect(blockTypes(page.body)).toEqual(['paragraph', 'paragraph', 'image', 'subheading', 'paragraph', 'paragraph']);
    expect(page.body[2]).toEqual({ type: 'image', caption: '市政局官员在停车场入口示范缴费机的使用方式。', credit: '陈兆良' });
    expect(page.body[5]).toEqual({ type: 'paragraph', text: '停车场工程耗资1200万令吉,历时两年完成。' });
    expect(page.signOff).toBe('(完)');
  });

  it('reads the related-news box', () => {
    expect(page.teasers).toEqual([{ title: '古晋水供中断 两万户受影响', category: '本地', excerpt: null, date: null, tag: null }]);
    expect(page.warnings).toEqual([]);
  });
});

describe('parsePage on Liberty Times copy (〔記者X／屏東報導〕)', () => {
  const page = parsePage(readFixturePage('liberty-times-pingtung.txt'));

  it('splits the reporter from the place', () => {
    expect(page.dateline).toBe('屏東報導');
    expect(page.byline).toBe('記者李立法');
    expect(paragraphs(page)[0]).toMatch(/^颱風過境後/u);
  });

  it('reads the 攝 credit, the language and the body', () => {
    expect(page.featuredImage?.credit).toBe('記者李立法');
    expect(page.language).toBe('zh-Hant');
    expect(blockTypes(page.body)).toEqual(['paragraph', 'paragraph', 'subheading', 'paragraph']);
    expect(page.teasers.map((teaser) => teaser.title)).toEqual(['屏東燈會明年登場 主燈設計曝光']);
  });
});

describe('parsePage on an AP story (SEATTLE (AP) —, AP Photo/, Read more)', () => {
  const page = parsePage(readFixturePage('ap-seattle-english.txt'));

  it('reads headline, byline, dateline and language', () => {
    expect(page.headline).toBe('Boeing to cut 10% of its workforce as machinists strike drags on');
    expect(page.headlineDerived).toBe(false);
    expect(page.byline).toBe('By Jane Doe');
    expect(page.dateline).toBe('SEATTLE (AP)');
    expect(page.language).toBe('en');
    expect(paragraphs(page)[0]).toMatch(/^Boeing will cut about 10%/u);
  });

  it('reads wire photo credits whole', () => {
    expect(page.featuredImage?.credit).toBe('AP Photo/Jane Doe');
    expect(page.featuredImage?.caption).toMatch(/^A Boeing 737 Max aircraft .* Oct\. 8, 2024\.$/u);
    expect(page.body[4]).toEqual({
      type: 'image',
      caption: 'Striking machinists picket outside a Boeing plant in Everett, Wash., on Friday.',
      credit: 'AP Photo/John Roe',
    });
  });

  it('drops the copyright line and reads the Read more teasers', () => {
    expect(blockTypes(page.body)).toEqual(['paragraph', 'paragraph', 'subheading', 'paragraph', 'image', 'paragraph']);
    expect(JSON.stringify(page.body)).not.toMatch(/Associated Press|Read more/u);
    expect(page.teasers).toEqual([
      { title: 'Machinists union rejects latest Boeing offer', category: null, excerpt: null, date: null, tag: null },
      {
        title: 'Airline stocks slip as jet deliveries slow',
        category: 'Business',
        excerpt: 'Carriers warned investors that delayed deliveries could crimp growth...',
        date: null,
        tag: null,
      },
    ]);
    expect(Array.from(page.excerpt).length).toBeLessThanOrEqual(160);
  });
});

describe('parsePage on a Ming Pao page (【明報專訊】, breadcrumb, 圖： credit joined by 、)', () => {
  const page = parsePage(readFixturePage('mingpao-headline-hk.txt'));

  it('reads section, headline, dateline and byline', () => {
    expect(page.category).toBe('港聞');
    expect(page.headline).toBe('港府研擴長者醫療券用途 涵蓋更多基層醫療服務');
    expect(page.dateline).toBe('明報專訊');
    expect(page.byline).toBe('文／李四');
    expect(page.language).toBe('zh-Hant');
  });

  it('reads an unbracketed credit inside the body', () => {
    expect(page.featuredImage).toBeNull();
    expect(page.body[2]).toEqual({ type: 'image', caption: '長者在社區診所登記使用醫療券。', credit: '明報記者/資料圖片' });
  });
});

describe('parsePage with full-width and half-width punctuation', () => {
  /** Maps full-width punctuation to half-width so the two pages can be compared field by field. */
  const halfWidth = (text: string): string =>
    text
      .replace(/[！-～]/gu, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
      .replace(/[“”]/gu, '"')
      .replace(/…/gu, '...');
  const normalised = (page: ParsedPage): unknown =>
    JSON.parse(JSON.stringify(page), (_key, value: unknown) => (typeof value === 'string' ? halfWidth(value) : value));

  it('parses both the same', () => {
    const full = parsePage(readFixturePage('kuala-lumpur-fullwidth.txt'));
    const half = parsePage(readFixturePage('kuala-lumpur-halfwidth.txt'));
    expect(normalised(full)).toEqual(normalised(half));
    expect(full.dateline).toBe('吉隆坡22日讯');
    expect(full.featuredImage?.credit).toBe('路透社');
    expect(full.signOff).toBe('（完）');
    expect(blockTypes(full.body)).toEqual(['paragraph', 'paragraph', 'subheading', 'paragraph']);
    expect(full.teasers[0]).toEqual({
      title: '东盟外长会议闭幕 发表联合声明',
      category: '国际',
      excerpt: '东盟外长在闭幕会议上发表联合声明，呼吁各方保持克制…',
      date: '2024-11-20',
      tag: '东方头条',
    });
  });
});

describe('parsePage on thin pages', () => {
  it('refuses a page with no story', () => {
    expect(() => parsePage('')).toThrow(PageParsingError);
    expect(() => parsePage('热门新闻\n阅读全文\n某某标题\n阅读全文\n')).toThrow(PageParsingError);
  });

  it('falls back to the file name when there is a headline-less page without paragraphs', () => {
    const page = parsePage('热门新闻\n阅读全文\n某某标题\n', { filename: 'uploads/议会特稿.txt' });
    expect(page.headline).toBe('议会特稿');
    expect(page.headlineDerived).toBe(true);
    expect(page.warnings).toEqual(expect.arrayContaining([expect.stringContaining('file name')]));
  });

  it('reads a one-paragraph page with no furniture', () => {
    const page = parsePage('(吉隆坡22日讯)国会今日三读通过财政预算案。');
    expect(page.dateline).toBe('吉隆坡22日讯');
    expect(page.body).toEqual([{ type: 'paragraph', text: '国会今日三读通过财政预算案。' }]);
    expect(page.headline).toBe('国会今日三读通过财政预算案');
    expect(page.teasers).toEqual([]);
  });

  it('reports a short line left at the end of the story instead of making it a crosshead', () => {
    const page = parsePage('(吉隆坡22日讯)国会今日三读通过财政预算案。\n\n点此订阅电子报');
    expect(blockTypes(page.body)).toEqual(['paragraph']);
    expect(page.warnings).toEqual([expect.stringContaining('点此订阅电子报')]);
  });

  it('takes an uncredited sentence right above the dateline paragraph as the lead caption', () => {
    const page = parsePage('布林肯(左)与拉夫罗夫在日内瓦会面。\n\n(日内瓦22日讯)美俄外长今日会面。');
    expect(page.featuredImage).toEqual({ caption: '布林肯(左)与拉夫罗夫在日内瓦会面。', credit: null });
    expect(page.body).toEqual([{ type: 'paragraph', text: '美俄外长今日会面。' }]);
  });

  it('reads a bare agency in brackets as a photo credit mid-story, but as the attribution of a last paragraph', () => {
    const page = parsePage(
      ['(曼谷22日讯)泰国国会今日选出新总理。', '支持者在国会外庆祝。(法新社)', '新总理将在下周组阁。', '反对党表示将尊重结果。(法新社)'].join('\n\n'),
    );
    expect(page.body).toEqual([
      { type: 'paragraph', text: '泰国国会今日选出新总理。' },
      { type: 'image', caption: '支持者在国会外庆祝。', credit: '法新社' },
      { type: 'paragraph', text: '新总理将在下周组阁。' },
      { type: 'paragraph', text: '反对党表示将尊重结果。(法新社)' },
    ]);
  });

  it('joins hard-wrapped wire copy and lifts inline Read more links out of the body', () => {
    const page = parsePage(
      [
        'SEATTLE (AP) — A powerful storm knocked out power to hundreds of thousands of',
        'homes and businesses across the Pacific Northwest on Tuesday, officials said.',
        '',
        'Read more: Utilities brace for more outages',
        '',
        'Crews worked through the night to restore service.',
      ].join('\n'),
    );
    expect(page.body).toEqual([
      {
        type: 'paragraph',
        text: 'A powerful storm knocked out power to hundreds of thousands of homes and businesses across the Pacific Northwest on Tuesday, officials said.',
      },
      { type: 'paragraph', text: 'Crews worked through the night to restore service.' },
    ]);
    expect(page.teasers.map((teaser) => teaser.title)).toEqual(['Utilities brace for more outages']);
  });

  it('keeps an unpunctuated line before any paragraph as prose, not a crosshead', () => {
    const page = parsePage('标题一行\n\n(吉隆坡22日讯)国会今日三读通过财政预算案。\n\n第二段内容在此。');
    expect(page.headline).toBe('标题一行');
    expect(blockTypes(page.body)).toEqual(['paragraph', 'paragraph']);
  });
});
