// Walk 2: a JPEG carrying an IPTC caption and credit: the upload form shows them before anything is
// saved; after saving, the library shows the photo and the editor sets its focal point by clicking.
import { expect, test } from '@playwright/test';
import { ADMIN, Api, signIn, wirePhoto } from './support.js';

const CAPTION = '独立广场国庆彩排，方阵走过苏丹阿都沙末大厦。';
const CREDIT = '星洲日报/刘国伟摄';

test('the upload form shows the caption and credit a JPEG carries before saving it', async ({ page, request }) => {
  const admin = await Api.as(request, ADMIN);
  const editor = await admin.staff(['editor'], 'Photo Desk');
  const inLibrary = async () => (await admin.call<{ items: unknown[] }>('GET', `/api/admin/media?q=${encodeURIComponent('国庆彩排')}`)).items.length;

  await signIn(page, editor);
  await page.getByRole('link', { name: 'Photos' }).click();
  await page.getByRole('button', { name: 'Upload a photo' }).click();
  const upload = page.getByRole('dialog', { name: 'Upload a photo' });
  await upload.getByLabel('Choose a file').setInputFiles({ name: 'klcc.jpg', mimeType: 'image/jpeg', buffer: await wirePhoto(CAPTION, CREDIT) });

  await expect(upload.getByText('Caption and credit read from the file (IPTC/XMP). Check them before saving.')).toBeVisible();
  await expect(upload.getByLabel('Caption')).toHaveValue(CAPTION);
  await expect(upload.getByLabel('Credit', { exact: true })).toHaveValue(CREDIT);
  await expect(upload.getByLabel('Photographer')).toHaveValue('陈摄影');
  await expect(upload.getByRole('img', { name: 'The photo klcc.jpg' })).toBeVisible();
  // Nothing is stored until the editor saves.
  expect(await inLibrary()).toBe(0);

  await upload.getByLabel('Alt text').fill('方阵与大厦');
  await upload.getByRole('button', { name: 'Save photo' }).click();
  await expect(upload).toBeHidden();
  await expect(page.getByText('Photo added to the library')).toBeVisible();
  const card = page.getByRole('listitem').filter({ hasText: CAPTION });
  await expect(card).toContainText(CREDIT);
  expect(await inLibrary()).toBe(1);

  // The focal point: a click on the right half of the picture.
  await card.getByRole('button', { name: `Open ${CAPTION}` }).click();
  const dialog = page.getByRole('dialog', { name: CAPTION });
  const picture = dialog.getByRole('img', { name: '方阵与大厦' });
  await expect(picture).toBeVisible();
  const box = (await picture.boundingBox())!;
  await picture.click({ position: { x: box.width * 0.75, y: box.height * 0.25 } });
  await expect(dialog.getByLabel('Focal point, from the left (%)')).toHaveValue('75');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  const [saved] = (
    await admin.call<{ items: Array<{ focalPoint: { x: number; y: number }; caption: string; credit: string; altText: string }> }>(
      'GET',
      `/api/admin/media?q=${encodeURIComponent('国庆彩排')}`,
    )
  ).items;
  expect(saved).toMatchObject({ caption: CAPTION, credit: CREDIT, altText: '方阵与大厦' });
  expect(saved.focalPoint.x).toBeCloseTo(0.75, 1);
  expect(saved.focalPoint.y).toBeCloseTo(0.25, 1);
});
