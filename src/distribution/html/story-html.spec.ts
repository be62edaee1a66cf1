import { bodyCharCount, escapeHtml, storyHtml } from './story-html.js';

const absolute = (path: string) => `https://news.example${path}`;

describe('storyHtml', () => {
  it('renders our blocks as HTML with every piece of text escaped', () => {
    const html = storyHtml(
      [
        { type: 'paragraph', text: '布林肯说：<script>alert(1)</script> & "对话"' },
        { type: 'subheading', text: '美方下周书面回复' },
        { type: 'quote', text: '具有建设性', attribution: '拉夫罗夫' },
        { type: 'list', items: ['北约', '乌克兰'] },
      ],
      { absolute },
    );
    expect(html).toBe(
      '<p>布林肯说：&lt;script&gt;alert(1)&lt;/script&gt; &amp; "对话"</p><h2>美方下周书面回复</h2>' +
        '<blockquote><p>具有建设性</p><footer>拉夫罗夫</footer></blockquote><ul><li>北约</li><li>乌克兰</li></ul>',
    );
  });

  it('renders photos as figures with caption and credit, the featured photo first and corrections last', () => {
    const photo = {
      caption: '布林肯（左）与拉夫罗夫会面。',
      credit: '路透社',
      altText: null,
      width: 1600,
      height: 1067,
      renditions: [
        { name: 'medium', url: '/media/1/medium.webp', format: 'webp', width: 800, height: 533 },
        { name: 'large', url: '/media/1/large.jpeg', format: 'jpeg', width: 1600, height: 1067 },
      ],
    };
    const html = storyHtml([{ type: 'paragraph', text: '正文' }], {
      absolute,
      featuredImage: photo,
      corrections: [{ text: '更正：会谈历时一个半小时。', at: '2026-01-23T02:00:00.000Z' }],
    });
    expect(html).toBe(
      '<figure><img src="https://news.example/media/1/large.jpeg" alt="布林肯（左）与拉夫罗夫会面。" width="1600" height="1067" />' +
        '<figcaption>布林肯（左）与拉夫罗夫会面。 <span class="credit">路透社</span></figcaption></figure><p>正文</p>' +
        '<aside class="corrections"><p><time datetime="2026-01-23T02:00:00.000Z">2026-01-23</time> 更正：会谈历时一个半小时。</p></aside>',
    );
  });

  it('counts body characters by code point, without captions', () => {
    expect(bodyCharCount([{ type: 'paragraph', text: '日内瓦' }, { type: 'list', items: ['a', 'b'] }, { type: 'image', caption: 'x', renditions: [] }])).toBe(5);
    expect(escapeHtml(`<a href="x">'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&lt;/a&gt;');
  });
});
