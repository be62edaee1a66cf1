import { diffSnapshots, diffText, type BodyBlock, type EditorialSnapshot, type FieldDiff } from './revision-diff.js';

function snapshot(overrides: Partial<EditorialSnapshot> = {}): EditorialSnapshot {
  return {
    headline: '布林肯与拉夫罗夫在日内瓦会面',
    subheadline: '美方下周书面回复俄要求',
    slug: 'bu-lin-ken-yu-la-fu-luo-fu-zai-ri-nei-wa-hui-mian',
    dateline: '日内瓦',
    language: 'zh-Hans',
    body: [
      { type: 'paragraph', text: '美国国务卿布林肯与俄罗斯外长拉夫罗夫当地时间周五在瑞士日内瓦会面。' },
      { type: 'subheading', text: '北约东扩' },
      { type: 'image', mediaId: 'media-1', caption: '会谈现场', credit: '路透社' },
      { type: 'quote', text: '这是坦率的会谈。', attribution: '布林肯' },
      { type: 'list', items: ['乌克兰', '北约'] },
    ],
    excerpt: '美俄外长会面',
    featuredImage: { mediaId: 'media-1', caption: '会谈现场', credit: '路透社', altText: null },
    categoryId: 'world',
    tags: ['美国', '俄罗斯'],
    authors: ['author-1'],
    byline: '本报综合报道',
    seoTitle: null,
    seoDescription: null,
    canonicalUrl: null,
    socialImage: null,
    corrections: [],
    ...overrides,
  };
}

function withBody(change: (body: BodyBlock[]) => BodyBlock[]): EditorialSnapshot {
  return snapshot({ body: change(snapshot().body) });
}

function onlyDiff(diffs: FieldDiff[]): FieldDiff {
  expect(diffs).toHaveLength(1);
  return diffs[0];
}

describe('diffSnapshots', () => {
  it('returns [] for identical snapshots', () => {
    expect(diffSnapshots(snapshot(), snapshot())).toEqual([]);
  });

  it('treats a missing optional field and null as the same', () => {
    const from = withBody((body) => [
      ...body.slice(0, 2),
      { type: 'image', mediaId: 'media-1', caption: '会谈现场', credit: '路透社', altText: null },
      ...body.slice(3),
    ]);
    const to = withBody((body) => [
      ...body.slice(0, 2),
      { type: 'image', mediaId: 'media-1', caption: '会谈现场', credit: '路透社' },
      ...body.slice(3),
    ]);
    expect(diffSnapshots(from, to)).toEqual([]);
  });

  it('without detail, names the same changed fields and leaves out the character runs', () => {
    const to = snapshot({
      headline: '布林肯与拉夫罗夫在日内瓦再次会面',
      tags: ['美国', '乌克兰'],
      body: [{ type: 'paragraph', text: '美国国务卿布林肯周六抵达。' }, ...snapshot().body.slice(1)],
    });
    const detailed = diffSnapshots(snapshot(), to);
    const plain = diffSnapshots(snapshot(), to, false);
    expect(plain.map((d) => d.field)).toEqual(['headline', 'body[0].text', 'tags']);
    expect(plain).toEqual(detailed.map(({ changes: _changes, ...rest }) => rest));
    expect(diffSnapshots(snapshot(), snapshot(), false)).toEqual([]);
  });

  it('shows 周五 → 周六 in a paragraph as 五 removed and 六 added', () => {
    const to = withBody((body) => [
      { type: 'paragraph', text: '美国国务卿布林肯与俄罗斯外长拉夫罗夫当地时间周六在瑞士日内瓦会面。' },
      ...body.slice(1),
    ]);
    const diff = onlyDiff(diffSnapshots(snapshot(), to));
    expect(diff.field).toBe('body[0].text');
    expect(diff.changes?.filter((c) => c.removed)).toEqual([{ value: '五', removed: true }]);
    expect(diff.changes?.filter((c) => c.added)).toEqual([{ value: '六', added: true }]);
    expect(diff.changes?.map((c) => c.value).join('')).toContain('周');
  });

  it('diffs the headline character by character', () => {
    const diff = onlyDiff(diffSnapshots(snapshot(), snapshot({ headline: '布林肯与拉夫罗夫在日内瓦再次会面' })));
    expect(diff).toEqual({
      field: 'headline',
      before: '布林肯与拉夫罗夫在日内瓦会面',
      after: '布林肯与拉夫罗夫在日内瓦再次会面',
      changes: [{ value: '布林肯与拉夫罗夫在日内瓦' }, { value: '再次', added: true }, { value: '会面' }],
    });
  });

  it('diffs nullable text fields from and to null', () => {
    const diffs = diffSnapshots(snapshot(), snapshot({ subheadline: null, dateline: '吉隆坡' }));
    expect(diffs.map((d) => d.field)).toEqual(['subheadline', 'dateline']);
    expect(diffs[0]).toEqual({
      field: 'subheadline',
      before: '美方下周书面回复俄要求',
      after: null,
      changes: [{ value: '美方下周书面回复俄要求', removed: true }],
    });
    expect(diffs[1].changes).toEqual([
      { value: '日内瓦', removed: true },
      { value: '吉隆坡', added: true },
    ]);
  });

  it('reports an added block by index with before null', () => {
    const added: BodyBlock = { type: 'paragraph', text: '双方同意继续对话。' };
    const diff = onlyDiff(
      diffSnapshots(
        snapshot(),
        withBody((body) => [...body, added]),
      ),
    );
    expect(diff).toEqual({ field: 'body[5]', before: null, after: added });
  });

  it('reports a removed block by index with after null', () => {
    const diff = onlyDiff(
      diffSnapshots(
        snapshot(),
        withBody((body) => body.slice(0, 4)),
      ),
    );
    expect(diff).toEqual({ field: 'body[4]', before: { type: 'list', items: ['乌克兰', '北约'] }, after: null });
  });

  it('reports a block whose type changed as a whole-block replacement', () => {
    const diff = onlyDiff(
      diffSnapshots(
        snapshot(),
        withBody((body) => [body[0], { type: 'paragraph', text: '北约东扩' }, ...body.slice(2)]),
      ),
    );
    expect(diff.field).toBe('body[1]');
    expect(diff.changes).toBeUndefined();
  });

  it('diffs image captions, quote attributions and list items inside blocks', () => {
    const to = withBody((body) => [
      body[0],
      body[1],
      { type: 'image', mediaId: 'media-1', caption: '会谈现场（资料照）', credit: '路透社' },
      { type: 'quote', text: '这是坦率的会谈。', attribution: '拉夫罗夫' },
      { type: 'list', items: ['乌克兰', '北约', '欧盟'] },
    ]);
    const diffs = diffSnapshots(snapshot(), to);
    expect(diffs.map((d) => d.field)).toEqual(['body[2].caption', 'body[3].attribution', 'body[4].items[2]']);
    expect(diffs[0].changes).toEqual([{ value: '会谈现场' }, { value: '（资料照）', added: true }]);
    expect(diffs[2]).toEqual({ field: 'body[4].items[2]', before: null, after: '欧盟' });
  });

  it('reports a replaced image as one change', () => {
    const to = withBody((body) => [...body.slice(0, 2), { type: 'image', mediaId: 'media-2' }, ...body.slice(3)]);
    expect(onlyDiff(diffSnapshots(snapshot(), to)).field).toBe('body[2]');
  });

  it('lists tags removed and added', () => {
    const diff = onlyDiff(diffSnapshots(snapshot(), snapshot({ tags: ['美国', '乌克兰'] })));
    expect(diff).toEqual({
      field: 'tags',
      before: ['美国', '俄罗斯'],
      after: ['美国', '乌克兰'],
      changes: [{ value: '美国' }, { value: '俄罗斯', removed: true }, { value: '乌克兰', added: true }],
    });
  });

  it('treats reordered authors as a change (byline order)', () => {
    const from = snapshot({ authors: ['author-1', 'author-2'] });
    const to = snapshot({ authors: ['author-2', 'author-1'] });
    expect(onlyDiff(diffSnapshots(from, to)).field).toBe('authors');
  });

  it('reports scalar fields without character runs', () => {
    const diffs = diffSnapshots(snapshot(), snapshot({ slug: 'new-slug', language: 'zh-Hant', categoryId: null }));
    expect(diffs).toEqual([
      { field: 'slug', before: 'bu-lin-ken-yu-la-fu-luo-fu-zai-ri-nei-wa-hui-mian', after: 'new-slug' },
      { field: 'language', before: 'zh-Hans', after: 'zh-Hant' },
      { field: 'categoryId', before: 'world', after: null },
    ]);
  });

  it('details caption edits on the same featured image but replaces a different one whole', () => {
    const recaptioned = snapshot({
      featuredImage: { mediaId: 'media-1', caption: '会谈现场', credit: '法新社', altText: null },
    });
    expect(diffSnapshots(snapshot(), recaptioned).map((d) => d.field)).toEqual(['featuredImage.credit']);
    const removed = snapshot({ featuredImage: null });
    expect(onlyDiff(diffSnapshots(snapshot(), removed))).toMatchObject({ field: 'featuredImage', after: null });
  });

  it('keeps field order stable across several changes', () => {
    const to = snapshot({ headline: '新标题', excerpt: null, byline: '记者' });
    expect(diffSnapshots(snapshot(), to).map((d) => d.field)).toEqual(['headline', 'excerpt', 'byline']);
  });
});

describe('diffText', () => {
  it('keeps astral characters whole', () => {
    expect(diffText('会面👍', '会面👎')).toEqual([
      { value: '会面' },
      { value: '👍', removed: true },
      { value: '👎', added: true },
    ]);
  });

  it('falls back to whole replacement for a total rewrite of long text', () => {
    const before = '甲'.repeat(3000);
    const after = '乙'.repeat(3000);
    expect(diffText(before, after)).toEqual([
      { value: before, removed: true },
      { value: after, added: true },
    ]);
  });
});

describe('diffSnapshots: SEO fields and corrections', () => {
  it('names each changed SEO field and each appended correction', () => {
    const before = snapshot();
    const after = snapshot({
      seoTitle: '布林肯拉夫罗夫日内瓦会谈',
      canonicalUrl: 'https://news.example/guo-ji/bu-lin-ken',
      corrections: [{ text: '本文早前误指会谈历时两小时，实为一个半小时。', at: '2026-01-23T02:00:00.000Z' }],
    });
    const fields = diffSnapshots(before, after).map((d) => d.field);
    expect(fields).toEqual(['seoTitle', 'canonicalUrl', 'corrections']);
    expect(diffSnapshots(before, after).find((d) => d.field === 'corrections')?.changes).toEqual([
      { value: '本文早前误指会谈历时两小时，实为一个半小时。', added: true },
    ]);
  });

  it('treats snapshots saved before these fields existed as having none', () => {
    const old = { ...snapshot() } as Partial<EditorialSnapshot>;
    delete old.seoTitle;
    delete old.corrections;
    expect(diffSnapshots(old as EditorialSnapshot, snapshot())).toEqual([]);
  });
});
