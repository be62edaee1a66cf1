// Walk 5: an administrator makes a custom role and a user holding it; that user sees only what the
// role allows: the desk but no photos or administration, and only the workflow buttons it grants.
import { expect, test } from '@playwright/test';
import { ADMIN, Api, signIn } from './support.js';

test('a user with a custom role sees only the buttons the role allows', async ({ browser, page, request }) => {
  const api = await Api.as(request, ADMIN);
  const draft = await api.story({
    headline: '槟城升旗山缆车暂停服务',
    language: 'zh-Hans',
    body: [{ type: 'paragraph', text: '升旗山缆车因例行维修暂停服务两天。' }],
  });

  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Roles' }).click();
  await page.getByRole('button', { name: 'New role' }).click();
  const roleDialog = page.getByRole('dialog', { name: 'New role' });
  await roleDialog.getByLabel('Name').fill('copy-desk');
  await roleDialog.getByLabel('Description').fill('Sub-editors: edit any story, no publishing');
  for (const permission of ['article.create', 'article.edit.own', 'article.edit.any', 'article.submit']) {
    await roleDialog.getByRole('checkbox', { name: new RegExp(`^${permission.replace(/\./g, '\\.')} `) }).check();
  }
  await roleDialog.getByRole('button', { name: 'Save' }).click();
  await expect(roleDialog).toBeHidden();
  await expect(page.getByRole('row', { name: /copy-desk/ })).toContainText('article.create, article.edit.any, article.edit.own, article.submit');

  await page.getByRole('link', { name: 'People' }).click();
  await page.getByRole('button', { name: 'Add a person' }).click();
  const personDialog = page.getByRole('dialog', { name: 'Add a person' });
  await personDialog.getByLabel('Name').fill('Copy Desk');
  await personDialog.getByLabel('Email').fill('copy.desk@newsroom.test');
  await personDialog.getByLabel('Password', { exact: true }).fill('copy-desk-pass-0');
  await personDialog.getByRole('checkbox', { name: /^copy-desk/ }).check();
  await personDialog.getByRole('button', { name: 'Add a person' }).click();
  await expect(personDialog).toBeHidden();
  await expect(page.getByRole('row', { name: /copy\.desk@newsroom\.test/ })).toContainText('copy-desk');

  const sub = await (await browser.newContext()).newPage();
  await signIn(sub, { email: 'copy.desk@newsroom.test', password: 'copy-desk-pass-0' });
  const nav = sub.getByRole('navigation', { name: 'Console' });
  await expect(nav.getByRole('link')).toHaveText(['Masthead', 'Desk']);
  await expect(sub.getByRole('link', { name: 'New story' })).toBeVisible();

  await sub.getByRole('link', { name: '槟城升旗山缆车暂停服务' }).click();
  const workflow = sub.getByRole('region', { name: 'Workflow' });
  await expect(workflow.getByRole('button')).toHaveText(['Submit for review']);
  await workflow.getByRole('button', { name: 'Submit for review' }).click();
  await expect(sub.locator('.page-header .badge')).toHaveText('In review');
  await expect(workflow.getByRole('button')).toHaveCount(0);
  await expect(workflow).toContainText('Nothing you can do with this story in its state.');

  // The administrator, on the same story, has the publishing buttons.
  await page.goto(`/admin/stories/${draft.id}`);
  await expect(page.getByRole('region', { name: 'Workflow' }).getByRole('button')).toHaveText(['Request changes', 'Publish', 'Schedule', 'Archive']);
});
