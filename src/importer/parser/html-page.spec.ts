import { readFileSync } from 'node:fs';
import { HtmlPageError, MAX_HTML_ELEMENTS, parseHtmlPage } from './html-page.js';

const PAGE = readFileSync(new URL('./__fixtures__/kuala-lumpur-article.html', import.meta.url), 'utf8');

describe('parseHtmlPage', () => {
  const page = parseHtmlPage(PAGE);

  it('names the fields from <h1>, article:section, <html lang> and the lead dateline', () => {
    expect(page).toMatchObject({
      headline: '国会三读通过财政预算案',
      headlineDerived: false,
      category: '国内',
      language: 'zh-Hans',
      dateline: '吉隆坡22日讯',
    });
    expect(page.body[0]).toEqual({ type: 'paragraph', text: expect.stringMatching(/^国会下议院今日/u) });
  });

  it('reads <figure>/<figcaption> photos with the credit inside, and <h2> crossheads', () => {
    expect(page.featuredImage).toEqual({ caption: '财政部长在国会下议院提呈预算案。', credit: '陈兆良' });
    expect(page.body).toContainEqual({ type: 'subheading', text: '反对党要求加强监督' });
    expect(page.body).toContainEqual({ type: 'image', caption: '议员在表决后离开议会厅。', credit: null });
  });

  it('keeps scripts, styles, navigation and the trending box out', () => {
    expect(JSON.stringify(page)).not.toMatch(/hacked|steal|inline|color|登录|热门新闻|另一则/u);
  });

  it('refuses a document with too many elements', () => {
    const html = `<html><body>${'<i>x</i>'.repeat(MAX_HTML_ELEMENTS + 1)}</body></html>`;
    expect(() => parseHtmlPage(html)).toThrow(HtmlPageError);
  });
});
