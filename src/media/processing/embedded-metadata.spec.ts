import iconv from 'iconv-lite';
import { captureTime, iimText, langAlt, pickEmbeddedFields, reconcile, type IimCharset } from './embedded-metadata.js';
import { NO_IPTC_BLOCK } from './iptc-block.js';

/** What exifr returns for IIM text written as UTF-8: each byte as one Latin-1 character. */
const asExifrReadsIt = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
/** The same for text a desk system wrote in a legacy code page. */
const legacyAsExifrReadsIt = (text: string, encoding: string) => iconv.encode(text, encoding).toString('latin1');
const utf8: IimCharset = { utf8Declared: true, legacy: null };
const undeclared: IimCharset = { utf8Declared: false, legacy: null };

describe('IIM text', () => {
  it('re-reads UTF-8 bytes that exifr decoded as Latin-1 when the block declares UTF-8', () => {
    expect(iimText(asExifrReadsIt('俄罗斯外交部/路透社'), utf8)).toEqual({ text: '俄罗斯外交部/路透社', certain: true });
  });

  it('recognises undeclared UTF-8 by its bytes', () => {
    expect(iimText(asExifrReadsIt('图取自X（面子书）'), undeclared)?.text).toBe('图取自X（面子书）');
  });

  it('keeps genuine Latin-1 text as Latin-1, marked uncertain', () => {
    expect(iimText('Caf\u00e9 de Flore', undeclared)).toEqual({ text: 'Café de Flore', certain: false });
  });

  it('joins repeated datasets and drops padding and control characters', () => {
    expect(iimText([asExifrReadsIt('陈摄影'), asExifrReadsIt('李摄影\u0000')], utf8)?.text).toBe('陈摄影; 李摄影');
    expect(iimText('  \u0000 ', undeclared)).toBeNull();
  });
});

describe('reconcile IIM and XMP', () => {
  const sure = (text: string) => ({ text, certain: true });

  it('takes whichever exists', () => {
    expect(reconcile(null, 'xmp', 'absent')).toBe('xmp');
    expect(reconcile(sure('iim'), null, 'absent')).toBe('iim');
    expect(reconcile(null, null, 'absent')).toBeNull();
  });

  it('prefers IIM when they disagree and no digest vouches for the XMP', () => {
    expect(reconcile(sure('俄罗斯外交部/路透社'), 'XMP credit', 'absent')).toBe('俄罗斯外交部/路透社');
    expect(reconcile(sure('edited by a legacy tool'), 'XMP credit', 'mismatch')).toBe('edited by a legacy tool');
  });

  it('prefers XMP when the stored digest shows IIM untouched since the last sync', () => {
    expect(reconcile(sure('old'), 'edited in XMP', 'match')).toBe('edited in XMP');
  });

  it('prefers XMP when it is the untruncated IIM text', () => {
    expect(reconcile(sure('Agence France-Presse / Getty Imag'), 'Agence France-Presse / Getty Images', 'absent')).toBe(
      'Agence France-Presse / Getty Images',
    );
  });

  it('prefers Unicode XMP over IIM in an unknown code page', () => {
    expect(reconcile({ text: 'Â¹Ã¸', certain: false }, '新华社', 'absent')).toBe('新华社');
  });
});

describe('pickEmbeddedFields', () => {
  it('maps IIM, XMP and EXIF fields to the asset fields', () => {
    const fields = pickEmbeddedFields(
      {
        iptc: { Caption: asExifrReadsIt('美国国务卿布林肯(左)'), Credit: asExifrReadsIt('路透社'), ObjectName: 'Talks' },
        xmp: {
          dc: { creator: ['XMP 摄影', 'Second'], rights: { lang: 'x-default', value: '© 路透社' } },
          photoshop: { Source: 'XMP来源' },
          Iptc4xmpCore: { AltTextAccessibility: { lang: 'x-default', value: '两人握手' } },
          xmpRights: { UsageTerms: [{ lang: 'x-default', value: '仅限新闻使用' }] },
        },
        tiff: { ifd0: { Artist: 'EXIF artist' }, exif: { DateTimeOriginal: '2024:05:01 10:30:00', OffsetTimeOriginal: '+08:00' } },
      },
      { utf8Declared: true, digest: 'absent' },
    );
    expect(fields).toEqual({
      caption: '美国国务卿布林肯(左)',
      credit: '路透社',
      creator: 'XMP 摄影; Second',
      copyright: '© 路透社',
      source: 'XMP来源',
      title: 'Talks',
      altText: '两人握手',
      usageTerms: '仅限新闻使用',
      capturedAt: new Date('2024-05-01T02:30:00Z'),
    });
  });

  it('reads undeclared Big5 and GBK captions, credits and bylines as Chinese', () => {
    const big5 = pickEmbeddedFields(
      {
        iptc: {
          Caption: legacyAsExifrReadsIt('總統府今日舉行記者會，說明國防預算。', 'big5'),
          Credit: legacyAsExifrReadsIt('中央社', 'big5'),
          Byline: legacyAsExifrReadsIt('陳培煌', 'big5'),
        },
      },
      NO_IPTC_BLOCK,
    );
    expect(big5).toMatchObject({ caption: '總統府今日舉行記者會，說明國防預算。', credit: '中央社', creator: '陳培煌' });

    const gbk = pickEmbeddedFields(
      { iptc: { Caption: legacyAsExifrReadsIt('首相在国会发表讲话', 'gbk'), Credit: legacyAsExifrReadsIt('新华社', 'gbk') } },
      NO_IPTC_BLOCK,
    );
    expect(gbk).toMatchObject({ caption: '首相在国会发表讲话', credit: '新华社' });
  });

  it('prefers Unicode XMP to legacy IIM text that reads as no Chinese code page', () => {
    const fields = pickEmbeddedFields(
      { iptc: { Caption: 'Caf\u00e9 \u00e0 Paris' }, xmp: { dc: { description: { lang: 'x-default', value: 'Café à Paris, 巴黎' } } } },
      NO_IPTC_BLOCK,
    );
    expect(fields.caption).toBe('Café à Paris, 巴黎');
  });

  it('falls back to EXIF Artist and Copyright', () => {
    const fields = pickEmbeddedFields({ tiff: { ifd0: { Artist: asExifrReadsIt('张三'), Copyright: 'Star' } } }, NO_IPTC_BLOCK);
    expect(fields.creator).toBe('张三');
    expect(fields.copyright).toBe('Star');
    expect(fields.caption).toBeNull();
  });
});

describe('langAlt', () => {
  it('prefers x-default, then Chinese, then the first entry', () => {
    expect(
      langAlt([
        { lang: 'en', value: 'en' },
        { lang: 'x-default', value: 'default' },
      ]),
    ).toBe('default');
    expect(
      langAlt([
        { lang: 'en', value: 'en' },
        { lang: 'zh-CN', value: '中文' },
      ]),
    ).toBe('中文');
    expect(langAlt([{ lang: 'en', value: 'en' }])).toBe('en');
    expect(langAlt(42)).toBeNull();
  });
});

describe('captureTime', () => {
  it('reads EXIF time with and without an offset', () => {
    expect(captureTime({ DateTimeOriginal: '2024:05:01 10:30:00', OffsetTimeOriginal: '-05:00' })).toEqual(new Date('2024-05-01T15:30:00Z'));
    expect(captureTime({ DateTimeOriginal: '2024:05:01 10:30:00' })).toEqual(new Date('2024-05-01T10:30:00Z'));
  });

  it('ignores empty and malformed stamps', () => {
    expect(captureTime({ DateTimeOriginal: '0000:00:00 00:00:00' })).toBeNull();
    expect(captureTime({ DateTimeOriginal: 'yesterday' })).toBeNull();
    expect(captureTime({ DateTimeOriginal: '2024:13:45 10:30:00' })).toBeNull();
    expect(captureTime({})).toBeNull();
  });
});
