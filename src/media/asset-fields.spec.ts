import { describe as describeAsset, displayFilename } from './asset-fields.js';

describe('descriptive field precedence', () => {
  const embedded = { caption: 'IPTC caption', credit: '路透社', creator: 'IPTC creator', usageTerms: '仅限新闻使用' };

  it('lets form fields win over embedded metadata, field by field', () => {
    expect(describeAsset({ caption: '编辑写的图说', credit: undefined }, embedded)).toEqual({
      title: null,
      caption: '编辑写的图说',
      credit: '路透社',
      creator: 'IPTC creator',
      copyright: null,
      source: null,
      altText: null,
      usageTerms: '仅限新闻使用',
    });
  });

  it('keeps a placeholder’s words over the file’s, and fills in what it lacks', () => {
    const placeholder = { caption: '布林肯与拉夫罗夫', credit: '俄罗斯外交部', creator: null };
    expect(describeAsset({}, placeholder, embedded)).toMatchObject({ caption: '布林肯与拉夫罗夫', credit: '俄罗斯外交部', creator: 'IPTC creator' });
  });

  it('treats blank values as absent', () => {
    expect(describeAsset({ credit: '  ' }, embedded).credit).toBe('路透社');
  });
});

describe('displayFilename', () => {
  it('keeps only the last path segment and drops control characters', () => {
    expect(displayFilename('../../etc/passwd')).toBe('passwd');
    expect(displayFilename('C:\\Users\\photo desk\\布林肯.jpg')).toBe('布林肯.jpg');
    expect(displayFilename('evil"\r\nname.jpg')).toBe('evilname.jpg');
    expect(displayFilename('..')).toBeNull();
    expect(displayFilename(undefined)).toBeNull();
  });
});
