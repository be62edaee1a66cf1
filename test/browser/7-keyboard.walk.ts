// Walk 7: keyboard only, no mouse: sign in, open a story, change and save it, publish it.
import { expect, test } from '@playwright/test';
import { ADMIN, Api, published, tabTo } from './support.js';

test('sign in, open a story, save and publish with the keyboard alone', async ({ page, request }) => {
  const api = await Api.as(request, ADMIN);
  const editor = await api.staff(['editor'], 'Keyboard Editor');
  const story = await api.story({
    headline: '怡保白咖啡节周末登场',
    language: 'zh-Hans',
    body: [{ type: 'paragraph', text: '第五届怡保白咖啡节将于周末在旧街场举行。' }],
  });

  await page.goto('/admin');
  await tabTo(page, page.getByLabel('Email'));
  await page.keyboard.type(editor.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(editor.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Desk' })).toBeFocused();

  await tabTo(page, page.getByRole('link', { name: '怡保白咖啡节周末登场' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '怡保白咖啡节周末登场' })).toBeFocused();

  await tabTo(page, page.getByRole('textbox', { name: 'Headline', exact: true }));
  await page.keyboard.press('End');
  await page.keyboard.type(' 逾百摊位参与');
  await tabTo(page, page.getByRole('button', { name: 'Save', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('All changes saved')).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'Publish', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.page-header .badge')).toHaveText('Published');
  const { slug } = await api.call<{ slug: string }>('GET', `/api/admin/articles/${story.id}`);
  expect((await published(request, slug)).headline).toBe('怡保白咖啡节周末登场 逾百摊位参与');
});
