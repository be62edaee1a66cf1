import { readDateline } from './datelines.js';

describe('readDateline', () => {
  it.each([
    ['(日内瓦22日讯)美国国务卿布林肯与俄罗斯外长会面。', '日内瓦22日讯', null, '美国国务卿布林肯与俄罗斯外长会面。'],
    ['（吉隆坡22日讯）首相安华今日表示。', '吉隆坡22日讯', null, '首相安华今日表示。'],
    ['(本报古晋6日讯)古晋南市市政局新建的停车场启用。', '本报古晋6日讯', null, '古晋南市市政局新建的停车场启用。'],
    ['【中央社台北26日電】總統今天召開會議。', '中央社台北26日電', null, '總統今天召開會議。'],
    ['（中央社記者陳家倫台北26日電）總統今天召開會議。', '中央社記者陳家倫台北26日電', null, '總統今天召開會議。'],
    ['〔記者李立法／屏東報導〕颱風過境後農損嚴重。', '屏東報導', '記者李立法', '颱風過境後農損嚴重。'],
    ['〔即時新聞／綜合報導〕颱風過境後農損嚴重。', '綜合報導', '即時新聞', '颱風過境後農損嚴重。'],
    ['【明報專訊】政府消息指。', '明報專訊', null, '政府消息指。'],
    ['（吉隆坡２２日讯）首相安华今日表示。', '吉隆坡２２日讯', null, '首相安华今日表示。'],
    ['(日内瓦22日讯)', '日内瓦22日讯', null, ''],
    ['SEATTLE (AP) — Boeing will cut jobs.', 'SEATTLE (AP)', null, 'Boeing will cut jobs.'],
    ['LONDON, Jan. 22 (Reuters) - Shares fell.', 'LONDON, Jan. 22 (Reuters)', null, 'Shares fell.'],
    ['RENTON, Wash. (AP) — A jet sits idle.', 'RENTON, Wash. (AP)', null, 'A jet sits idle.'],
    ['WASHINGTON — The Senate voted.', 'WASHINGTON', null, 'The Senate voted.'],
    ['SEATTLE (AP) —', 'SEATTLE (AP)', null, ''],
  ])('%s', (paragraph, dateline, byline, rest) => {
    expect(readDateline(paragraph)).toEqual({ dateline, byline, rest });
  });

  it.each([
    '美国国务卿布林肯(左)与俄罗斯外长会面。',
    '(左)布林肯与拉夫罗夫握手。',
    '(完)',
    '布林肯表示,会谈具有建设性。',
    'US officials said - at length - that talks continue.',
    'A — quick aside.',
    'The talks (AP) — continued.',
  ])('finds no dateline in %s', (paragraph) => {
    expect(readDateline(paragraph)).toBeNull();
  });
});
