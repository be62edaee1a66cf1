import { bestSnippet, escapeHtml, findMatches, foldTerms, foldWithOrigins, highlightAll, highlightSnippet, similarWords } from './snippet.js';

const marked = (html: string) => [...html.matchAll(/<mark>(.*?)<\/mark>/gu)].map((m) => m[1]);

describe('highlightSnippet', () => {
  it('escapes markup in the story and only adds <mark>', () => {
    const html = highlightSnippet('<script>alert("北约")</script> & 北约东扩', ['北约']);
    expect(html).toBe('&lt;script&gt;alert(&quot;<mark>北约</mark>&quot;)&lt;/script&gt; &amp; <mark>北约</mark>东扩');
    expect(html).not.toMatch(/<(?!\/?mark>)/u);
  });

  it('highlights a simplified query term in a traditional-script story, marking the original characters', () => {
    expect(marked(highlightSnippet('俄方重提北約停止東擴的要求', ['北约', '东扩']))).toEqual(['北約', '東擴']);
  });

  it('finds full-width and upper-case Latin words for a folded term', () => {
    expect(marked(highlightSnippet('ＮＡＴＯ峰会与NATO盟国', ['nato']))).toEqual(['ＮＡＴＯ', 'NATO']);
  });

  it('marks Latin terms as whole words only, unless asked for fragments', () => {
    expect(marked(highlightSnippet('The senator met NATO officials', ['nato']))).toEqual(['NATO']);
    expect(marked(highlightSnippet('The senator met NATO officials', ['nat'], { wholeWords: false }))).toEqual(['nat', 'NAT']);
  });

  it('keeps positions right when folding changes the length of the text', () => {
    // ㈱ folds to "(株)" and ﬁ to "fi": later matches must still land on the right characters.
    expect(marked(highlightSnippet('㈱ﬁ公司与北约', ['北约']))).toEqual(['北约']);
  });

  it('chooses the window holding the most distinct terms and cuts with ellipses', () => {
    const filler = '天气晴朗。'.repeat(60);
    const text = `${filler}北约开会。${filler}拉夫罗夫说北约停止东扩。${filler}`;
    const html = highlightSnippet(text, ['拉夫罗夫', '北约', '东扩'], { maxChars: 40 });
    expect(marked(html)).toEqual(['拉夫罗夫', '北约', '东扩']);
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(html.replace(/<\/?mark>/gu, '').length).toBeLessThanOrEqual(42);
  });

  it('returns the opening of the text when nothing matches', () => {
    expect(highlightSnippet('短文。'.repeat(100), ['北约'], { maxChars: 9 })).toBe('短文。短文。短文。…');
    expect(highlightSnippet('短文', ['北约'])).toBe('短文');
  });

  it('never splits a surrogate pair at the window edge', () => {
    const html = highlightSnippet('𠀀'.repeat(50) + '北约' + '𠀀'.repeat(50), ['北约'], { maxChars: 11 });
    expect(html.replace(/<\/?mark>|…/gu, '')).toMatch(/^(?:𠀀|北|约)+$/u);
  });

  it('merges overlapping matches into one mark', () => {
    expect(marked(highlightSnippet('中华人民共和国成立', ['中华', '华人', '人民']))).toEqual(['中华人民']);
  });
});

describe('bestSnippet', () => {
  it('quotes the passage with the most query terms', () => {
    const html = bestSnippet(['布林肯抵达日内瓦。', '拉夫罗夫重申北约不得东扩。', '拉夫罗夫离开。'], ['拉夫罗夫', '北约']);
    expect(html).toBe('<mark>拉夫罗夫</mark>重申<mark>北约</mark>不得东扩。');
  });

  it('falls back to the first passage', () => {
    expect(bestSnippet(['第一段', '第二段'], ['北约'])).toBe('第一段');
    expect(bestSnippet([], ['北约'])).toBe('');
  });
});

describe('highlightAll', () => {
  it('marks every occurrence in a headline and escapes the rest', () => {
    expect(highlightAll('北约 & 北約 <峰会>', ['北约'])).toBe('<mark>北约</mark> &amp; <mark>北約</mark> &lt;峰会&gt;');
  });
});

describe('helpers', () => {
  it('escapeHtml escapes the five characters that matter', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('foldWithOrigins maps folded units back to original characters', () => {
    const { folded, from, to } = foldWithOrigins('A㈱國');
    expect(folded).toBe('a(株)国');
    expect([from(4), to(4)]).toEqual([2, 3]);
    expect([from(2), to(2)]).toEqual([1, 2]);
  });

  it('findMatches reports original ranges, ordered by position', () => {
    expect(findMatches('國際與国际', foldTerms(['國際']))).toEqual([
      { start: 0, end: 2, term: '国际' },
      { start: 3, end: 5, term: '国际' },
    ]);
  });
});

describe('similarWords', () => {
  it('finds the headline words a misspelt Latin query resembles', () => {
    expect(similarWords('Blinken and Lavrov trade warnings', 'blinkin')).toEqual(['blinken']);
    expect(similarWords('Blinken and Lavrov trade warnings', 'lavrof meeting')).toEqual(['lavrov']);
  });

  it('ignores Han text and short or unrelated words', () => {
    expect(similarWords('布林肯与拉夫罗夫会面', '拉夫洛夫')).toEqual([]);
    expect(similarWords('Blinken and Lavrov', 'xyzzy')).toEqual([]);
    expect(similarWords('Blinken and Lavrov', 'an')).toEqual([]);
  });
});
