// A publish refused because a photo has no credit line: the console names the photo and lets the
// editor give it a credit in place, then publishes; readers get the credit.
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { ADMIN, Api, published, signIn } from './support.js';

test('a photo without a credit is fixed in place and the story published', async ({ page, request }) => {
  const api = await Api.as(request, ADMIN);
  const editor = await api.staff(['editor'], 'Credit Desk');
  const bare = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#4a7a9c' } })
    .jpeg()
    .toBuffer();
  const photo = await api.photo(bare, 'no-credit.jpg');
  await api.call('PATCH', `/api/admin/media/${photo.id}`, { caption: '关丹海滩日出。' }, { 'If-Match': `"${photo.version}"` });
  const story = await api.story({
    headline: '关丹海滩清晨迎来首批游客',
    language: 'zh-Hans',
    featuredImage: { mediaId: photo.id },
    body: [{ type: 'paragraph', text: '学校假期开始，关丹直落尖不辣海滩清晨已有游客。' }],
  });

  await signIn(page, editor);
  await page.goto(`/admin/stories/${story.id}`);
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Photos need a credit' });
  await expect(dialog).toContainText('Featured photo');
  await expect(dialog).toContainText('关丹海滩日出。');
  await dialog.getByLabel('Credit for Featured photo').fill('东方日报/李文发摄');
  await dialog.getByRole('button', { name: 'Save credits and publish' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.page-header .badge')).toHaveText('Published');
  await expect(page.getByLabel('Credit in this story (Featured photo)')).toHaveValue('东方日报/李文发摄');

  const { slug } = await api.call<{ slug: string }>('GET', `/api/admin/articles/${story.id}`);
  expect((await published(request, slug)).featuredImage).toMatchObject({ caption: '关丹海滩日出。', credit: '东方日报/李文发摄' });
});
