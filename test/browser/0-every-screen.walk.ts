// Every main screen, in Simplified Chinese, with a newsroom's content (the seed page imported, wire
// photos, a story revised): axe-core finds no serious or critical violation on any of them, and the
// README's screenshots are taken here.
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { ADMIN, Api, checkAccessibility, screenshot, signIn, wirePhoto } from './support.js';

const ZH = { email: '电邮', password: '密码', submit: '登录' };
test.use({ locale: 'zh-CN' });

/** Nothing still loading: no spinner, every photo preview fetched. */
async function settled(page: Page) {
  await expect(page.locator('.spinner')).toHaveCount(0);
  await expect(page.locator('span[role="img"]')).toHaveCount(0);
}

async function check(page: Page, screen: string) {
  await settled(page);
  await checkAccessibility(page, screen);
}

test('every main screen passes axe; the README screenshots', async ({ page, request }) => {
  const api = await Api.as(request, ADMIN);
  const seed = await readFile('seeds/000_01a6cdf8dd098583.txt', 'utf8');
  const { articleId } = await api.call<{ articleId: string }>('POST', '/api/admin/imports', { text: seed, filename: '000_01a6cdf8dd098583.txt' });
  const geneva = await api.photo(
    await wirePhoto('美国国务卿布林肯(左)与俄罗斯外长拉夫罗夫在日内瓦会面。', '俄罗斯外交部/路透社', { width: 900, height: 600 }, 'harbour'),
  );
  await api.photo(await wirePhoto('吉隆坡双峰塔在暴雨后的黄昏。', '星洲日报/刘国伟摄', { width: 600, height: 900 }, 'dusk'));
  await api.photo(await wirePhoto('槟城升旗山缆车维修期间暂停服务。', '光明日报', { width: 900, height: 600 }, 'hills'));
  await api.photo(await wirePhoto('新山关卡清晨的车龙。', '南洋商报', { width: 900, height: 600 }, 'dusk'));
  const writer = await api.staff(['author'], '陈兆良');
  let story = await api.call<{ id: string; version: number; body: Array<Record<string, unknown>> }>('GET', `/api/admin/articles/${articleId}`);
  story = await api.call(
    'PATCH',
    `/api/admin/articles/${articleId}`,
    {
      featuredImage: { mediaId: geneva.id },
      authors: [writer.id],
      byline: '■综合报导',
      headline: '布林肯与拉夫罗夫日内瓦会面 双方仍存重大分歧',
      note: '按编辑部格式改标题',
    },
    { 'If-Match': `"${story.version}"` },
  );
  const body = story.body.map((b, i) => (i === 0 ? { ...b, text: String(b.text).replace('历时个半小时的会谈', '历时约一个半小时的会谈') } : b));
  story = await api.call('PATCH', `/api/admin/articles/${articleId}`, { body, note: '核实会谈时长' }, { 'If-Match': `"${story.version}"` });
  // A desk with stories in every state: the teasers imported as drafts move along.
  const teasers = (
    await api.call<{ items: Array<{ id: string; version: number }> }>('GET', '/api/admin/articles?status=draft&limit=12')
  ).items.filter((s) => s.id !== articleId);
  const act = (s: { id: string; version: number }, action: string, body: Record<string, unknown> = {}) =>
    api.call<{ id: string; version: number }>('POST', `/api/admin/articles/${s.id}/${action}`, body, { 'If-Match': `"${s.version}"` });
  for (const s of teasers.slice(0, 3)) await act(s, 'submit');
  for (const s of teasers.slice(3, 6)) await act(s, 'publish');
  await act(teasers[6], 'schedule', { publishAt: new Date(Date.now() + 6 * 3600_000).toISOString() });
  await act(await act(teasers[7], 'publish'), 'unpublish');

  await page.goto('/admin');
  await check(page, 'sign-in');
  await signIn(page, ADMIN, ZH);
  await expect(page.getByRole('heading', { level: 1, name: '稿件台' })).toBeVisible();
  await check(page, 'desk');
  await screenshot(page, 'desk');
  await page.getByRole('searchbox', { name: '搜索稿件' }).fill('拉夫羅夫');
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await expect(page.locator('mark').first()).toBeVisible();
  await check(page, 'desk-search');

  await page.getByRole('link', { name: '新稿件' }).click();
  await check(page, 'new-story');

  await page.goto(`/admin/stories/${articleId}`);
  await expect(page.getByRole('heading', { level: 1, name: '布林肯与拉夫罗夫日内瓦会面 双方仍存重大分歧' })).toBeVisible();
  await check(page, 'editor');
  await screenshot(page, 'editor');
  await page.getByRole('button', { name: '定时发布' }).click();
  await check(page, 'editor-schedule-dialog');
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  await page
    .getByRole('button', { name: '选择或上传图片' })
    .or(page.getByRole('button', { name: '更换' }).first())
    .click();
  await check(page, 'photo-picker');
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: '预览' }).click();
  await expect(page.getByRole('article')).toContainText('俄罗斯外交部/路透社');
  await check(page, 'preview');

  await page.goto(`/admin/stories/${articleId}/history`);
  await expect(page.getByRole('heading', { name: /从第 \d+ 版到第 \d+ 版/ })).toBeVisible();
  await expect(page.locator('ins.diff-added').first()).toBeVisible();
  await check(page, 'history-diff');
  await screenshot(page, 'diff');

  await page.getByRole('link', { name: '图片库' }).click();
  await expect(page.getByText('吉隆坡双峰塔在暴雨后的黄昏。')).toBeVisible();
  await check(page, 'photos');
  await screenshot(page, 'photo-library');
  await page.getByRole('button', { name: '上传图片', exact: true }).click();
  await page
    .getByRole('dialog')
    .getByLabel('选择文件')
    .setInputFiles({ name: 'penang.jpg', mimeType: 'image/jpeg', buffer: await wirePhoto('乔治市街头壁画吸引游客。', '光华日报') });
  await expect(page.getByRole('dialog').getByLabel('图片说明')).toHaveValue('乔治市街头壁画吸引游客。');
  await check(page, 'photo-upload');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '打开吉隆坡双峰塔在暴雨后的黄昏。' }).click();
  await check(page, 'photo-edit');
  await page.keyboard.press('Escape');
  // The import's placeholder gets its file in place.
  await page.getByRole('button', { name: /^为.*上传图片文件$/ }).click();
  await page
    .getByRole('dialog')
    .getByLabel('上传图片文件')
    .setInputFiles({ name: 'geneva.jpg', mimeType: 'image/jpeg', buffer: await wirePhoto('布林肯与拉夫罗夫握手。', '路透社', undefined, 'harbour') });
  await expect(page.getByText('图片文件已上传')).toBeVisible();
  await expect(page.getByText('待补：尚无图片文件')).toHaveCount(0);

  await page.getByRole('link', { name: '导入' }).click();
  await page.getByLabel('版面文字').fill(seed);
  await page.getByRole('button', { name: '查看解析结果' }).click();
  await expect(page.getByText('美方下周书面回复俄要求').first()).toBeVisible();
  await check(page, 'import');
  await page.getByRole('button', { name: '导入这个版面' }).click();
  await expect(page.getByText('这个版面之前已导入，未作任何改动。')).toBeVisible();

  await page.getByRole('link', { name: '人员' }).click();
  await expect(page.getByRole('cell', { name: '陈兆良', exact: true })).toBeVisible();
  await check(page, 'people');
  await page.getByRole('button', { name: '添加人员' }).click();
  await check(page, 'people-create');
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: '角色' }).click();
  await check(page, 'roles');
  await page.getByRole('button', { name: '新角色' }).click();
  await expect(page.getByRole('checkbox').first()).toBeVisible();
  await check(page, 'roles-create');
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: '栏目' }).click();
  await check(page, 'sections');

  await page.getByRole('link', { name: '审计日志' }).click();
  await expect(page.getByRole('cell', { name: 'import.page' }).first()).toBeVisible();
  await check(page, 'audit');

  await page.getByRole('link', { name: 'Webhook' }).click();
  await expect(page.getByText('还没有接收端。')).toBeVisible();
  await page.getByRole('button', { name: '添加接收端' }).click();
  await expect(page.getByRole('dialog').getByRole('checkbox', { name: /稿件发布/ })).toBeChecked();
  await check(page, 'webhooks-add-zh');
  await page.keyboard.press('Escape');
});
