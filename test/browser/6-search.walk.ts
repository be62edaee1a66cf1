// Walk 6: a search typed in traditional characters finds a story written in simplified ones and
// highlights the match.
import { expect, test } from '@playwright/test';
import { ADMIN, Api, signIn } from './support.js';

test('a traditional-character search finds the simplified story and highlights it', async ({ page, request }) => {
  const api = await Api.as(request, ADMIN);
  await api.story({
    headline: '俄罗斯外长拉夫罗夫会见布林肯',
    language: 'zh-Hans',
    body: [{ type: 'paragraph', text: '拉夫罗夫表示，双方的会谈坦率而有益。' }],
  });
  await api.story({
    headline: '柔佛州新冠疫苗接种率突破九成',
    language: 'zh-Hans',
    body: [{ type: 'paragraph', text: '柔佛州卫生局今日公布最新数据。' }],
  });

  await signIn(page, ADMIN);
  await page.getByRole('searchbox', { name: 'Search stories' }).fill('拉夫羅夫');
  await page.getByRole('button', { name: 'Search', exact: true }).click();

  const results = page.getByRole('table', { name: 'Stories' });
  const hit = results.getByRole('row', { name: /俄罗斯外长拉夫罗夫会见布林肯/ });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toHaveText('拉夫罗夫');
  await expect(results.getByRole('row', { name: /柔佛州/ })).toHaveCount(0);
  await expect(page.getByText('Stories matching “拉夫羅夫”, best match first')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('q')).toBe('拉夫羅夫');
});
