// Walk 3: two editors in two browsers edit the same story. The second save is refused (412): the
// console shows who changed what, keeps the second editor's text, and nothing is overwritten.
import { expect, test } from '@playwright/test';
import { ADMIN, Api, signIn } from './support.js';

test('the second of two concurrent saves shows the conflict and loses nothing', async ({ browser, request }) => {
  const admin = await Api.as(request, ADMIN);
  const first = await admin.staff(['editor'], 'Lim Mei Ling');
  const second = await admin.staff(['editor'], 'Tan Wei Jie');
  const story = await admin.story({
    headline: '雪隆水供中断 逾百万户受影响',
    language: 'zh-Hans',
    body: [{ type: 'paragraph', text: '雪兰莪州与吉隆坡多个地区今日起制水。' }],
  });

  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })).newPage();
  await signIn(a, first);
  await signIn(b, second);
  await a.goto(`/admin/stories/${story.id}`);
  await b.goto(`/admin/stories/${story.id}`);
  await expect(b.getByRole('textbox', { name: 'Paragraph 1' })).toHaveValue('雪兰莪州与吉隆坡多个地区今日起制水。');

  await a.getByRole('textbox', { name: 'Headline', exact: true }).fill('雪隆水供中断 逾120万户受影响');
  await a.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(a.getByText('All changes saved')).toBeVisible();

  const mine = '雪兰莪州与吉隆坡多个地区今日起制水，预计持续三天。';
  await b.getByRole('textbox', { name: 'Paragraph 1' }).fill(mine);
  await b.getByRole('button', { name: 'Save', exact: true }).click();

  const conflict = b.getByRole('alertdialog', { name: 'Someone else saved this story' });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('Revision 2: Lim Mei Ling');
  await expect(conflict.locator('ins')).toContainText(['120']);
  await expect(conflict.locator('del')).toContainText(['百']);
  await expect(conflict.getByLabel('Your text')).toHaveValue(new RegExp(mine));
  // The server kept the first save; the second overwrote nothing.
  const onServer = await admin.call<{ headline: string; body: Array<{ text: string }> }>('GET', `/api/admin/articles/${story.id}`);
  expect(onServer.headline).toBe('雪隆水供中断 逾120万户受影响');
  expect(onServer.body[0].text).toBe('雪兰莪州与吉隆坡多个地区今日起制水。');

  await conflict.getByRole('button', { name: 'Copy my text' }).click();
  expect(await b.evaluate(() => navigator.clipboard.readText())).toContain(mine);
  await conflict.getByRole('button', { name: 'Keep editing' }).click();
  // Still there, in the form and in the browser's storage.
  await expect(b.getByRole('textbox', { name: 'Paragraph 1' })).toHaveValue(mine);
  await b.reload();
  await expect(b.getByText(/Your unsaved changes from .* were restored/)).toBeVisible();
  await expect(b.getByRole('textbox', { name: 'Paragraph 1' })).toHaveValue(mine);

  // Reloading their version, then applying mine on top, saves both.
  await b.getByRole('button', { name: 'Save', exact: true }).click();
  await b.getByRole('alertdialog').getByRole('button', { name: 'Reload their version' }).click();
  await expect(b.getByRole('textbox', { name: 'Headline', exact: true })).toHaveValue('雪隆水供中断 逾120万户受影响');
  await b.getByRole('textbox', { name: 'Paragraph 1' }).fill(mine);
  await b.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(b.getByText('All changes saved')).toBeVisible();
  const merged = await admin.call<{ headline: string; body: Array<{ text: string }> }>('GET', `/api/admin/articles/${story.id}`);
  expect(merged).toMatchObject({ headline: '雪隆水供中断 逾120万户受影响', body: [{ type: 'paragraph', text: mine }] });

  // The history shows each change, character by character.
  await b.getByRole('link', { name: 'History' }).click();
  await expect(b.getByRole('heading', { name: 'From revision 2 to revision 3' })).toBeVisible();
  await expect(b.locator('ins.diff-added')).toHaveText('，预计持续三天');

  // Restoring the first revision brings its words back as a new working copy.
  await b.getByRole('button', { name: 'Restore revision 1' }).click();
  await b.getByRole('dialog', { name: 'Restore revision 1?' }).getByRole('button', { name: 'Restore' }).click();
  await expect(b.getByText('Revision restored as the working copy')).toBeVisible();
  await expect(b.getByRole('heading', { name: 'From revision 3 to revision 4' })).toBeVisible();
  const restored = await admin.call<{ headline: string; currentRevision: number }>('GET', `/api/admin/articles/${story.id}`);
  expect(restored).toMatchObject({ headline: '雪隆水供中断 逾百万户受影响', currentRevision: 4 });
});
