import { MAX_PAGE_BYTES, PageInputError, pageFromBytes, pageFromText } from './page-input.js';

const PAGE = '布林肯与拉夫罗夫在日内瓦会面\n\n(日内瓦22日讯)美国国务卿布林肯与俄罗斯外长拉夫罗夫会面。\n';

const reasonOf = (read: () => unknown): string | null => {
  try {
    read();
    return null;
  } catch (error) {
    return error instanceof PageInputError ? error.reason : 'other';
  }
};

describe('page input', () => {
  it('gives one text and hash for the same page, whether pasted or uploaded, with any line endings or a byte-order mark', () => {
    const pasted = pageFromText(PAGE);
    expect(pasted.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(pageFromText(PAGE.replace(/\n/g, '\r\n'))).toEqual(pasted);
    expect(pageFromBytes(Buffer.from('\ufeff' + PAGE.replace(/\n/g, '\r\n'), 'utf8'))).toEqual(pasted);
    expect(pageFromText(PAGE + '另一段。').contentHash).not.toBe(pasted.contentHash);
  });

  it('refuses pages over 1 MB, and text that is binary or was read with the wrong encoding', () => {
    expect(reasonOf(() => pageFromText('a'.repeat(MAX_PAGE_BYTES + 1)))).toBe('too-large');
    expect(reasonOf(() => pageFromBytes(Buffer.alloc(MAX_PAGE_BYTES + 1, 0x61)))).toBe('too-large');
    expect(reasonOf(() => pageFromText('\u0089PNG\r\n' + PAGE))).toBe('binary');
    expect(reasonOf(() => pageFromText(PAGE.replace('会面', '\ufffd\ufffd')))).toBe('binary');
    expect(reasonOf(() => pageFromText('a\u0000b'))).toBe('binary');
    expect(reasonOf(() => pageFromText('  \n '))).toBe('empty');
    expect(reasonOf(() => pageFromText('a'.repeat(MAX_PAGE_BYTES)))).toBeNull();
  });
});
