// The session: two tabs refresh their tokens at the same moment without tripping the server's
// refresh-token reuse detection, and a session that ends mid-edit keeps the text being typed.
import { expect, test } from '@playwright/test';
import { ADMIN, Api, signIn } from './support.js';

test('two tabs refresh together without ending the session', async ({ browser, request }) => {
  const api = await Api.as(request, ADMIN);
  const editor = await api.staff(['editor'], 'Two Tabs');
  const context = await browser.newContext();
  const one = await context.newPage();
  await one.clock.install();
  await signIn(one, editor);
  const two = await context.newPage();
  await two.clock.install();
  await two.goto('/admin/photos');
  await expect(two.getByRole('heading', { level: 1, name: 'Photos' })).toBeVisible();

  const refreshToken = () => one.evaluate(() => localStorage.getItem('masthead.refreshToken'));
  const before = await refreshToken();

  // Both tabs' clocks pass the access token's refresh point; both then need the API at once.
  await one.clock.fastForward('02:00');
  await two.clock.fastForward('02:00');
  await Promise.all([one.getByRole('link', { name: 'Photos' }).click(), two.getByRole('link', { name: 'Desk' }).click()]);
  await expect(one.getByRole('heading', { level: 1, name: 'Photos' })).toBeVisible();
  await expect(two.getByRole('heading', { level: 1, name: 'Desk' })).toBeVisible();
  await one.reload();
  await expect(one.getByRole('heading', { level: 1, name: 'Photos' })).toBeVisible();
  // The session was refreshed (the stored refresh token was rotated), quietly.
  expect(await refreshToken()).not.toBe(before);

  // Neither tab presented a used refresh token: no reuse was detected, nobody was signed out.
  const reuse = await api.call<{ items: unknown[] }>('GET', `/api/admin/audit?action=auth.refresh_reuse&actorId=${editor.id}`);
  expect(reuse.items).toEqual([]);
  const refreshes = await api.call<{ items: unknown[] }>('GET', `/api/admin/audit?actorId=${editor.id}&action=auth.login`);
  expect(refreshes.items).toHaveLength(1);
  await expect(one.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(two.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test("changing one's own password keeps this tab signed in and ends the old password", async ({ page, request }) => {
  const api = await Api.as(request, ADMIN);
  const user = await api.staff(['editor'], 'New Password');
  await signIn(page, user);
  await page.getByRole('button', { name: 'Change password' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change password' });
  await dialog.getByLabel('Current password').fill('not the password');
  await dialog.getByLabel('New password').fill('a-brand-new-passphrase');
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await expect(dialog.getByText('The current password is not right.')).toBeVisible();
  await dialog.getByLabel('Current password').fill(user.password);
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Password changed')).toBeVisible();
  await page.getByRole('link', { name: 'Photos' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Photos' })).toBeVisible();
  expect((await request.post('/api/auth/login', { data: { email: user.email, password: user.password } })).status()).toBe(401);
  expect((await request.post('/api/auth/login', { data: { email: user.email, password: 'a-brand-new-passphrase' } })).status()).toBe(200);
});

test('a session that ends mid-edit returns to the sign-in and keeps the unsaved text', async ({ page, request }) => {
  const api = await Api.as(request, ADMIN);
  const writer = await api.staff(['author'], 'Late Shift');
  const writerApi = await Api.as(request, writer);
  const story = await writerApi.story({
    headline: '沙巴亚庇今晨微震',
    language: 'zh-Hans',
    body: [{ type: 'paragraph', text: '气象局说，亚庇今晨发生轻微地震。' }],
  });

  await signIn(page, writer);
  await page.goto(`/admin/stories/${story.id}`);
  const typed = '气象局说，亚庇今晨发生里氏3.1级轻微地震，无人受伤。';
  await page.getByRole('textbox', { name: 'Paragraph 1' }).fill(typed);

  // An administrator resets the writer's password: every session of theirs ends at once.
  await api.call('PATCH', `/api/admin/users/${writer.id}`, { password: 'a-new-pass-for-late-shift' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Your session has ended. Sign in again: your unsaved text is kept in this browser.')).toBeVisible();

  await page.getByLabel('Email').fill(writer.email);
  await page.getByLabel('Password', { exact: true }).fill('a-new-pass-for-late-shift');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/Your unsaved changes from .* were restored from this browser/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Paragraph 1' })).toHaveValue(typed);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('All changes saved')).toBeVisible();
  const saved = await api.call<{ body: Array<{ text: string }> }>('GET', `/api/admin/articles/${story.id}`);
  expect(saved.body[0].text).toBe(typed);
});
