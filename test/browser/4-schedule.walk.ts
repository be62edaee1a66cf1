// Walk 4: an editor schedules a story a minute or so ahead, in the newsroom's time; it shows as
// scheduled, then, when the time comes, as published, and readers get it.
import { expect, test } from '@playwright/test';
import { ADMIN, Api, newsroomWallTime, published, signIn } from './support.js';

test('a story scheduled a minute ahead shows as scheduled, then as published', async ({ page, request }) => {
  const admin = await Api.as(request, ADMIN);
  const editor = await admin.staff(['editor'], 'Night Desk');
  const story = await admin.story({
    headline: '新山关卡明早起实施新安排',
    language: 'zh-Hans',
    body: [{ type: 'paragraph', text: '移民局宣布，新山关卡明早起实施新的通关安排。' }],
  });

  await signIn(page, editor);
  await page.goto(`/admin/stories/${story.id}`);
  await page.getByRole('button', { name: 'Schedule' }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule' });
  // At least 20 s ahead whatever the second: the field takes minutes.
  const when = newsroomWallTime(new Date().getSeconds() > 40 ? 2 : 1);
  const field = dialog.getByLabel('Publish at (Asia/Kuala_Lumpur, GMT+8)');
  await field.fill(when);
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.page-header .badge')).toHaveText('Scheduled');
  const shown = `${when.slice(11)} GMT+8`;
  await expect(page.getByText(/^Publishes automatically at/)).toContainText(shown);
  expect((await request.get(`/api/content/articles/${story.slug}`)).status()).toBe(404);

  // The scheduler publishes it; the open editor sees the change without a reload.
  await expect(page.locator('.page-header .badge')).toHaveText('Published', { timeout: 150_000 });
  const live = await published(request, story.slug);
  expect(live.headline).toBe('新山关卡明早起实施新安排');
  await page.getByRole('link', { name: 'Desk' }).click();
  await expect(page.getByRole('row', { name: /新山关卡明早起实施新安排/ })).toContainText('Published');
});
