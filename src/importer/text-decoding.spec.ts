import iconv from 'iconv-lite';
import { Converter } from 'opencc-js';
import { readFixturePage, readSeedPage } from './parser/__fixtures__/fixture-pages.js';
import { parsePage } from './parser/page-parser.js';
import { decodePageBytes, PageDecodingError, type PageDecodingFailure } from './text-decoding.js';

const seed = readSeedPage();
const traditionalPage = readFixturePage('cna-taipei-traditional.txt');

function refusal(buf: Buffer): PageDecodingError {
  try {
    decodePageBytes(buf);
  } catch (error) {
    if (error instanceof PageDecodingError) return error;
    throw error;
  }
  throw new Error('expected a PageDecodingError');
}

function expectRefused(buf: Buffer, reason: PageDecodingFailure, message: RegExp): void {
  const error = refusal(buf);
  expect(error.reason).toBe(reason);
  expect(error.message).toMatch(message);
}

describe('decodePageBytes', () => {
  it('reads UTF-8', () => {
    expect(decodePageBytes(Buffer.from(seed, 'utf8'))).toEqual({ text: seed, encoding: 'UTF-8' });
  });

  it('drops a UTF-8 byte-order mark', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed, 'utf8')]);
    expect(decodePageBytes(withBom)).toEqual({ text: seed, encoding: 'UTF-8' });
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(traditionalPage, 'utf16le')]);
    expect(decodePageBytes(utf16)).toEqual({ text: traditionalPage, encoding: 'UTF-16LE' });
  });

  it('normalises CRLF and CR line endings to LF', () => {
    const windows = Buffer.from(seed.replace(/\n/gu, '\r\n'), 'utf8');
    expect(decodePageBytes(windows).text).toBe(seed);
    expect(decodePageBytes(Buffer.from('第一段。\r第二段。\r\n', 'utf8')).text).toBe('第一段。\n第二段。\n');
  });

  it('reads the seed page saved as GB18030, and it parses the same', () => {
    const decoded = decodePageBytes(iconv.encode(seed, 'gb18030'));
    expect(decoded).toEqual({ text: seed, encoding: 'GB18030' });
    expect(parsePage(decoded.text)).toEqual(parsePage(seed));
  });

  it('reads a traditional page saved as Big5, and it parses the same', () => {
    const big5 = iconv.encode(traditionalPage, 'big5');
    expect(iconv.decode(big5, 'big5')).toBe(traditionalPage); // the fixture fits in Big5
    const decoded = decodePageBytes(big5);
    expect(decoded).toEqual({ text: traditionalPage, encoding: 'Big5' });
    expect(parsePage(decoded.text)).toEqual(parsePage(traditionalPage));
  });

  it('reads the seed page in traditional script saved as Big5, and it parses the same', () => {
    const traditionalSeed: string = Converter({ from: 'cn', to: 'tw' })(seed);
    const big5 = iconv.encode(traditionalSeed, 'big5');
    expect(iconv.decode(big5, 'big5')).toBe(traditionalSeed);
    const decoded = decodePageBytes(big5);
    expect(decoded).toEqual({ text: traditionalSeed, encoding: 'Big5' });
    const page = parsePage(decoded.text);
    expect(page).toEqual(parsePage(traditionalSeed));
    expect(page.language).toBe('zh-Hant');
    expect(page.featuredImage?.credit).toBe('俄羅斯外交部/路透社');
    expect(page.teasers).toHaveLength(16);
  });

  it('tells GB18030 from Big5 on a short traditional line too', () => {
    const line = '【中央社台北26日電】總統賴清德今天上午在總統府召開國安高層會議。';
    expect(decodePageBytes(iconv.encode(line, 'big5'))).toEqual({ text: line, encoding: 'Big5' });
    expect(decodePageBytes(iconv.encode(line, 'gb18030'))).toEqual({ text: line, encoding: 'GB18030' });
  });

  it('reads a Windows-1252 wire file', () => {
    const wire = 'SEATTLE (AP) — Boeing said it would “reset” its workforce.\n';
    expect(decodePageBytes(iconv.encode(wire, 'windows-1252'))).toEqual({ text: wire, encoding: 'windows-1252' });
  });

  it('refuses an empty page', () => {
    expectRefused(Buffer.alloc(0), 'empty', /empty/u);
    expectRefused(Buffer.from(' \r\n\t\n', 'utf8'), 'empty', /whitespace/u);
    expectRefused(Buffer.from([0xef, 0xbb, 0xbf]), 'empty', /whitespace/u);
  });

  it('refuses binary files', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expectRefused(png, 'binary', /PNG image/u);
    expectRefused(Buffer.concat([Buffer.from('(日内瓦22日讯)', 'utf8'), Buffer.from([0x00, 0x01])]), 'binary', /NUL bytes/u);
    expectRefused(Buffer.from([0x48, 0x69, 0x07, 0x1b, 0x5b]), 'binary', /control characters/u);
  });

  it('refuses bytes that read as no supported encoding rather than importing mojibake', () => {
    const damagedUtf8 = Buffer.from(Buffer.from(seed, 'utf8').filter((_, index) => index % 7 !== 3));
    expectRefused(damagedUtf8, 'undecodable', /not valid UTF-8.*save it as UTF-8/u);
    const noise = Buffer.from(Array.from({ length: 200 }, (_, index) => 0x80 + ((index * 37) % 127)));
    expectRefused(noise, 'undecodable', /GB18030, Big5 or Windows-1252/u);
  });
});
