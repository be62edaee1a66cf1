import { quoteLexeme, tsqueryOperands, tsvectorLiteral } from './tsvector.js';

describe('tsvectorLiteral', () => {
  it('numbers positions on across weighted parts and groups them per lexeme', () => {
    const literal = tsvectorLiteral([
      { tokens: ['北约', '东扩'], weight: 'A' },
      { tokens: ['北约'], weight: 'B' },
      { tokens: ['nato', '北约'], weight: 'C' },
    ]);
    expect(literal).toBe("'北约':1A,3B,5C '东扩':2A 'nato':4C");
  });

  it('adds bare lexemes without positions', () => {
    expect(tsvectorLiteral([{ tokens: ['北约'], weight: 'A' }], ['@w1:2863', '@w4:715'])).toBe("'北约':1A '@w1:2863' '@w4:715'");
  });

  it('quotes quotes and backslashes so no token reads as syntax', () => {
    expect(quoteLexeme("it's")).toBe("'it''s'");
    expect(quoteLexeme('a\\b')).toBe("'a\\\\b'");
    expect(tsvectorLiteral([{ tokens: ["x' & 'y"], weight: 'C' }])).toBe("'x'' & ''y':1C");
  });

  it('keeps at most 256 positions per lexeme and skips lexemes PostgreSQL would refuse', () => {
    const literal = tsvectorLiteral([{ tokens: [...Array(300).fill('北约'), 'x'.repeat(3000)], weight: 'C' }]);
    expect(literal.split(',')).toHaveLength(256);
    expect(literal).not.toContain('xxx');
  });

  it('is empty for no tokens', () => {
    expect(tsvectorLiteral([{ tokens: [], weight: 'A' }])).toBe('');
  });
});

describe('tsqueryOperands', () => {
  it('quotes every term', () => {
    expect(tsqueryOperands(['北约', "o'neil", ''])).toEqual(["'北约'", "'o''neil'"]);
  });
});
