// Administration: the section tree (create, rename, move), deactivating a person (who then cannot
// sign in), and the audit log filtered by action and day.
import { expect, test } from '@playwright/test';
import { ADMIN, Api, signIn, TIME_ZONE } from './support.js';

test('sections are created, renamed and moved; a deactivated person cannot sign in; the audit log filters', async ({ browser, page, request }) => {
  const api = await Api.as(request, ADMIN);
  const leaving = await api.staff(['contributor'], 'Leaving Soon');
  await signIn(page, ADMIN);

  await page.getByRole('link', { name: 'Sections' }).click();
  await page.getByRole('button', { name: 'New section' }).click();
  let dialog = page.getByRole('dialog', { name: 'New section' });
  await dialog.getByLabel('Name').fill('东南亚');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'New section' }).click();
  dialog = page.getByRole('dialog', { name: 'New section' });
  await dialog.getByLabel('Name').fill('体育');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Add a section inside 东南亚' }).click();
  dialog = page.getByRole('dialog', { name: 'New section' });
  await expect(dialog.getByLabel('Inside')).toHaveValue(/.+/);
  await dialog.getByLabel('Name').fill('新加坡');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(
    page
      .getByRole('listitem')
      .filter({ hasText: /^东南亚/ })
      .getByRole('listitem')
      .filter({ hasText: '新加坡' }),
  ).toBeVisible();

  // Rename 新加坡 and move it under 体育.
  await page.getByRole('button', { name: 'Rename or move 新加坡' }).click();
  dialog = page.getByRole('dialog', { name: 'Rename or move 新加坡' });
  await dialog.getByLabel('Name').fill('新加坡体育');
  await dialog.getByLabel('Inside').selectOption({ label: '体育' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: /^体育/ }).getByRole('listitem').filter({ hasText: '新加坡体育' })).toBeVisible();
  const sections = await api.call<{ items: Array<{ id: string; name: string; parentId: string | null }> }>('GET', '/api/admin/categories');
  const sport = sections.items.find((s) => s.name === '体育')!;
  expect(sections.items.find((s) => s.name === '新加坡体育')).toMatchObject({ parentId: sport.id });

  // Deactivate: they can no longer sign in.
  await page.getByRole('link', { name: 'People' }).click();
  await page.getByRole('button', { name: 'Deactivate Leaving Soon' }).click();
  await expect(page.getByRole('row', { name: /Leaving Soon/ })).toContainText('deactivated');
  const other = await (await browser.newContext()).newPage();
  await other.goto('/admin');
  await other.getByLabel('Email').fill(leaving.email);
  await other.getByLabel('Password', { exact: true }).fill(leaving.password);
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other.getByText('That email and password do not match an active account.')).toBeVisible();

  // The audit log: today's section changes.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByLabel('Action').fill('category.update');
  await page.getByLabel('From (day)').fill(today);
  await page.getByLabel('To (day, inclusive)').fill(today);
  await page.getByRole('button', { name: 'Filter' }).click();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('category.update');
  await expect(rows.nth(1)).toContainText('新加坡体育');
  await page.getByLabel('From (day)').fill('2020-01-01');
  await page.getByLabel('To (day, inclusive)').fill('2020-01-02');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByText('No entries.')).toBeVisible();
});
