import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { toSimplified } from '../common/chinese-script.js';
import { foldText, getDefaultTokenizer, getTokenizer, NewsTokenizer, PHRASE_SENSITIVE_CHARACTERS, readUserDictionary } from './tokenizer.js';

const SEED_SENTENCE = '美国国务卿布林肯与俄罗斯外长拉夫罗夫当地时间周五在瑞士日内瓦会面';

describe('NewsTokenizer', () => {
  // One instance for the whole file: loading jieba's dictionary is the slow part.
  const tokenizer = getDefaultTokenizer();

  it('returns the same lazily built singleton', () => {
    expect(getDefaultTokenizer()).toBe(tokenizer);
  });

  it.each(['布林肯', '拉夫罗夫', '安华', '慕尤丁', '泽连斯基', '砂拉越', '东方头条'])(
    'keeps the newsroom name %s whole',
    (name) => {
      expect(tokenizer.tokenize(`${name}今天发表讲话`)).toContain(name);
    },
  );

  it('segments the seed sentence with the newsroom names intact', () => {
    const tokens = tokenizer.tokenize(SEED_SENTENCE);
    expect(tokens).toEqual(expect.arrayContaining(['布林肯', '拉夫罗夫', '日内瓦', '俄罗斯', '周五']));
    expect(tokens).not.toContain('布');
  });

  it('finds 乌克兰 and 泽连斯基 when present', () => {
    const tokens = tokenizer.tokenize('乌克兰总统泽连斯基呼吁北约加快援助');
    expect(tokens).toEqual(expect.arrayContaining(['乌克兰', '泽连斯基', '北约']));
  });

  it('folds traditional script to simplified', () => {
    expect(tokenizer.tokenize('拉夫羅夫')).toContain('拉夫罗夫');
    expect(tokenizer.tokenize('國際新聞')).toContain('国际');
    expect(tokenizer.queryTerms('拉夫羅夫')).toEqual(tokenizer.queryTerms('拉夫罗夫'));
  });

  it('folds full-width letters and digits with NFKC and lower-cases', () => {
    expect(tokenizer.tokenize('ＡＢＣ１２３')).toEqual(['abc123']);
    expect(tokenizer.tokenize('Hello WORLD')).toEqual(['hello', 'world']);
  });

  it('splits mixed Latin and Chinese runs', () => {
    expect(tokenizer.tokenize('NATO北约东扩')).toEqual(['nato', '北约', '东扩']);
  });

  it('keeps token order and duplicates for indexing', () => {
    expect(tokenizer.tokenize('北约 nato 北约')).toEqual(['北约', 'nato', '北约']);
  });

  it('drops punctuation and whitespace, Chinese or Latin', () => {
    const tokens = tokenizer.tokenize('“北约”，东扩！ — (NATO)… 2024/01/05');
    expect(tokens).toEqual(['北约', '东扩', 'nato', '2024', '01', '05']);
  });

  it('turns an injection attempt into harmless word tokens', () => {
    const tokens = tokenizer.tokenize("'); DROP TABLE x; --");
    expect(tokens).toEqual(['drop', 'table', 'x']);
    for (const token of tokens) expect(token).toMatch(/^[\p{L}\p{M}\p{N}]+$/u);
  });

  it('never emits characters that mean something in tsquery syntax', () => {
    const hostile = "a'b:c&d|e!f(g)h\\i*j <-> k 北约&东扩 'x':* !y";
    for (const token of tokenizer.tokenize(hostile)) {
      expect(token).not.toMatch(/['":&|!()\\*<>\s]/u);
      expect(token).not.toBe('');
    }
  });

  it('segments each clause as if it stood alone (one jieba call per text, not per clause)', () => {
    const clauses = ['美国国务卿布林肯与俄罗斯外长拉夫罗夫会面', '俄方重提北約停止東擴的要求', 'NATO峰会2024', '中华人民共和国', '々〇二〇二四年'];
    const separately = clauses.flatMap((clause) => tokenizer.tokenize(clause));
    expect(tokenizer.tokenize(clauses.join('，'))).toEqual(separately);
    expect(tokenizer.tokenize(clauses.join('\n'))).toEqual(separately);
  });

  describe('queryTerms', () => {
    it('de-duplicates', () => {
      expect(tokenizer.queryTerms('北约 北約 NATO nato')).toEqual(['北约', 'nato']);
    });

    it('returns [] when nothing is searchable', () => {
      expect(tokenizer.queryTerms('')).toEqual([]);
      expect(tokenizer.queryTerms('  ，。！？ --- *** ')).toEqual([]);
    });
  });

  describe('fold', () => {
    it('applies NFKC, lower-case and traditional→simplified only', () => {
      expect(tokenizer.fold('ＡＢＣ 國際 拉夫羅夫，Hello!')).toBe('abc 国际 拉夫罗夫,hello!');
    });
  });
});

describe('foldText', () => {
  // The same folding as converting every text, which foldText skips when no character can convert.
  const slowFold = (text: string) => toSimplified(text.normalize('NFKC')).toLowerCase();

  it.each([
    ['simplified copy', '美国国务卿布林肯与俄罗斯外长拉夫罗夫在日内瓦会面'],
    ['traditional copy', '美國國務卿布林肯與俄羅斯外長拉夫羅夫在日內瓦會面'],
    ['phrases whose characters convert only together', '反覆 明瞭 沈浸 甦醒 坏土 英哩 藉口'],
    ['mixed scripts and widths', 'ＮＡＴＯ北約東擴 Hello 2024年'],
  ])('agrees with converting the whole text: %s', (_, text) => {
    expect(foldText(text)).toBe(slowFold(text));
  });

  it('knows every character that converts only inside a phrase of the installed dictionaries', () => {
    const locale = (OpenCC as unknown as { Locale: { from: Record<string, unknown[][]>; to: Record<string, unknown[][]> } }).Locale;
    const dictionaries = [...locale.from.hk, ...locale.from.tw, ...locale.to.cn].flat() as Array<string | Array<[string, string]>>;
    const stable = new Map<string, boolean>();
    const isStable = (c: string) => {
      if (!stable.has(c)) stable.set(c, toSimplified(c) === c && !PHRASE_SENSITIVE_CHARACTERS.includes(c));
      return stable.get(c) as boolean;
    };
    const missed: string[] = [];
    for (const dictionary of dictionaries) {
      const keys = typeof dictionary === 'string' ? dictionary.split('|').map((entry) => entry.split(' ')[0]) : dictionary.map(([key]) => key);
      for (const key of keys) if (key && [...key].every(isStable) && toSimplified(key) !== key) missed.push(key);
    }
    expect(missed).toEqual([]);
  });
});

describe('getTokenizer', () => {
  it('is the default tokenizer without extra dictionaries and one instance per dictionary list', () => {
    expect(getTokenizer([])).toBe(getDefaultTokenizer());
  });
});

describe('extra dictionaries', () => {
  let directory: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'masthead-dict-'));
  });

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('loads editor dictionaries given to the constructor, folding traditional entries', () => {
    const path = join(directory, 'extra.dict.txt');
    // Traditional entry, no frequency, a comment and a blank line: all must be accepted.
    // 双溪毛糯 (Sungai Buloh) is deliberately absent from the newsroom dictionary.
    writeFileSync(path, '# desk additions\n\n雙溪毛糯\n', 'utf8');
    expect(getDefaultTokenizer().tokenize('双溪毛糯表示')).not.toContain('双溪毛糯');
    const extended = new NewsTokenizer({ extraDictionaryPaths: [path] });
    expect(extended.tokenize('雙溪毛糯表示')).toContain('双溪毛糯');
    expect(getTokenizer([path]).tokenize('双溪毛糯表示')).toContain('双溪毛糯');
    expect(getTokenizer([path])).toBe(getTokenizer([path]));
  });

  it('rejects a malformed frequency with the line number', () => {
    const path = join(directory, 'broken.dict.txt');
    writeFileSync(path, '北约 20000 nt\n东扩 lots v\n', 'utf8');
    expect(() => readUserDictionary(path)).toThrow(/broken\.dict\.txt:2/u);
  });
});
