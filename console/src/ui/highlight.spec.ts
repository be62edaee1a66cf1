import { highlightParts } from './highlight';

describe('highlightParts', () => {
  it('splits an escaped hit into text and marked words, unescaping entities', () => {
    expect(highlightParts('<mark>布林肯</mark>与<mark>拉夫罗夫</mark>会面')).toEqual([
      { text: '布林肯', marked: true },
      { text: '与', marked: false },
      { text: '拉夫罗夫', marked: true },
      { text: '会面', marked: false },
    ]);
    expect(highlightParts('a &lt;script&gt; &amp; <mark>b</mark>')).toEqual([
      { text: 'a <script> & ', marked: false },
      { text: 'b', marked: true },
    ]);
  });
});
