import { contentBlocks } from './content-blocks';

describe('the public preview’s body blocks', () => {
  it('reads every kind of block, photos with their words and renditions', () => {
    expect(
      contentBlocks([
        { type: 'paragraph', text: '美国国务卿布林肯与俄罗斯外长拉夫罗夫会面。' },
        { type: 'subheading', text: '美方下周书面回复' },
        { type: 'quote', text: '我们会回应。', attribution: null },
        { type: 'list', items: ['一', '二'] },
        {
          type: 'image',
          caption: '布林肯与拉夫罗夫握手。',
          credit: '路透社',
          altText: null,
          width: 900,
          height: 600,
          renditions: [{ name: 'large', url: '/media/x/large.webp', format: 'webp', width: 900, height: 600 }],
        },
      ]),
    ).toEqual([
      { type: 'paragraph', text: '美国国务卿布林肯与俄罗斯外长拉夫罗夫会面。' },
      { type: 'subheading', text: '美方下周书面回复' },
      { type: 'quote', text: '我们会回应。', attribution: null },
      { type: 'list', items: ['一', '二'] },
      {
        type: 'image',
        caption: '布林肯与拉夫罗夫握手。',
        credit: '路透社',
        altText: null,
        renditions: [{ name: 'large', url: '/media/x/large.webp', format: 'webp' }],
      },
    ]);
  });

  it('leaves out what it cannot read instead of showing it wrongly', () => {
    expect(contentBlocks([null, 'text', { type: 'video', url: 'x' }, { type: 'paragraph' }, { type: 'paragraph', text: '留下' }])).toEqual([
      { type: 'paragraph', text: '留下' },
    ]);
  });
});
