// Walk 11: an editor shares a preview link to a draft with someone who has no account, who reads it
// (in Chinese) until the editor revokes every link; a user whose role loses the right is told so. Then
// the editor publishes the story and appends a correction while holding unsaved edits: readers get
// the notice at once, the pending edit stays unpublished, and the preview shows the corrections.
// Last, the search title and canonical address: defaults shown, overrides reach readers on publish.
import { expect, test } from '@playwright/test';
import { ADMIN, Api, checkAccessibility, published, signIn, tabTo } from './support.js';

const HEADLINE = '新山关卡清晨车龙长达三公里';
const CORRECTION = '本文早前误指车龙长达五公里，实为三公里。';

test('a preview link is shared and revoked; a correction reaches readers at once; search fields go live', async ({ browser, request }) => {
  const admin = await Api.as(request, ADMIN);
  const editor = await admin.staff(['editor'], '林美玲');
  const story = await admin.story({
    headline: HEADLINE,
    language: 'zh-Hans',
    dateline: '新山7日讯',
    body: [{ type: 'paragraph', text: '新柔长堤今早出现长达三公里的车龙，不少上班族迟到。' }],
  });

  const editing = await (await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })).newPage();
  await signIn(editing, editor);
  await editing.goto(`/admin/stories/${story.id}`);
  await expect(editing.getByRole('heading', { level: 1, name: HEADLINE })).toBeVisible();

  // A link for a day, selected for copying, with its expiry.
  const panel = editing.getByRole('region', { name: 'Preview link' });
  await panel.getByLabel('The link works for').selectOption({ label: '1 day' });
  // By keyboard: the new link takes the focus.
  await tabTo(editing, panel.getByRole('button', { name: 'Create preview link' }));
  await editing.keyboard.press('Enter');
  const linkField = panel.getByRole('textbox', { name: 'Link to share' });
  await expect(linkField).toBeFocused();
  await expect(linkField).toHaveValue(/\/admin\/preview#[0-9a-f-]{36}\.\d+\./);
  await expect(panel.getByText(/^Works until /)).toBeVisible();
  await checkAccessibility(editing, 'editor-preview-link');
  await panel.getByRole('button', { name: 'Copy link' }).click();
  const link = await linkField.inputValue();
  expect(await editing.evaluate(() => navigator.clipboard.readText())).toBe(link);

  // Someone without an account opens it, in Chinese: the draft, marked as a preview.
  const outsider = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await outsider.goto(link);
  const article = outsider.getByRole('article', { name: '稿件预览' });
  await expect(article.getByRole('heading', { name: HEADLINE })).toBeVisible();
  await expect(article).toContainText('（新山7日讯）新柔长堤今早出现长达三公里的车龙');
  await expect(outsider.getByText(/读者尚未看到的版本（草稿）/)).toBeVisible();
  await expect(outsider.getByRole('button', { name: '退出' })).toHaveCount(0);
  await checkAccessibility(outsider, 'shared-preview');

  // Revoking ends every link at once.
  await panel.getByRole('button', { name: 'Revoke all preview links' }).click();
  const revoke = editing.getByRole('dialog', { name: 'Revoke every preview link to this story?' });
  await revoke.getByRole('button', { name: 'Revoke all preview links' }).click();
  await expect(revoke).toBeHidden();
  await expect(editing.getByText('Preview links revoked')).toBeVisible();
  await expect(linkField).toHaveCount(0);
  await outsider.reload();
  await expect(outsider.getByText('这个预览链接无效：已被撤销、复制不完整，或稿件已删除。')).toBeVisible();

  // The API decides: a role that loses the right is told so in words.
  const role = await admin.call<{ id: string }>('POST', '/api/admin/roles', { name: 'fact-check', permissions: ['article.edit.any'] });
  const checker = await admin.staff(['fact-check'], 'Fact Checker');
  const checking = await (await browser.newContext()).newPage();
  await signIn(checking, checker);
  await checking.goto(`/admin/stories/${story.id}`);
  await expect(checking.getByRole('heading', { level: 1, name: HEADLINE })).toBeVisible();
  await admin.call('PATCH', `/api/admin/roles/${role.id}`, { permissions: ['article.create'] });
  await checking.getByRole('button', { name: 'Create preview link' }).click();
  await expect(checking.getByRole('alert')).toHaveText('Your role does not allow preview links for this story.');

  // Published, then corrected while an edit waits unsaved.
  await editing.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(editing.locator('.page-header .badge')).toHaveText('Published');
  const corrections = editing.getByRole('region', { name: 'Corrections' });
  await expect(corrections).toContainText('No corrections.');
  await editing.getByRole('textbox', { name: 'Subheadline' }).fill('交通部称将增派关员');
  await corrections.getByRole('button', { name: 'Append a correction' }).click();
  const dialog = editing.getByRole('dialog', { name: 'Append a correction' });
  await dialog.getByRole('button', { name: 'Publish correction' }).click();
  await expect(dialog.getByText('Write the correction notice.')).toBeVisible();
  await dialog.getByLabel('Correction notice').fill(CORRECTION);
  await checkAccessibility(editing, 'correction-dialog');
  await dialog.getByRole('button', { name: 'Publish correction' }).click();
  await expect(dialog).toBeHidden();
  await expect(editing.getByText('Correction published')).toBeVisible();
  await expect(corrections.getByRole('listitem')).toContainText(CORRECTION);

  // Readers have the notice at once; the pending edit is not published by it.
  const slug = (await admin.call<{ slug: string }>('GET', `/api/admin/articles/${story.id}`)).slug;
  let live = await published(request, slug);
  expect(live.corrections).toEqual([{ text: CORRECTION, at: expect.any(String) }]);
  expect(live.subheadline).toBeNull();

  // The unsaved edit is still there and saves without a conflict.
  await expect(editing.getByRole('textbox', { name: 'Subheadline' })).toHaveValue('交通部称将增派关员');
  await editing.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editing.getByText('All changes saved')).toBeVisible();
  live = await published(request, slug);
  expect(live.subheadline).toBeNull();

  // The story as readers see it carries the corrections under it.
  await editing.getByRole('link', { name: 'Preview', exact: true }).click();
  const preview = editing.getByRole('article', { name: 'Story preview' });
  await expect(preview.getByRole('region', { name: 'Corrections' })).toContainText(CORRECTION);
  await checkAccessibility(editing, 'preview-corrections');

  // Search and social: the defaults show in the empty fields; overrides go live with the next publish.
  await editing.getByRole('link', { name: 'Back to the editor' }).click();
  const seo = editing.getByRole('region', { name: 'Search and social' });
  await expect(seo.getByLabel('Search title')).toHaveAttribute('placeholder', HEADLINE);
  await expect(seo.getByLabel('Search description')).toHaveAttribute('placeholder', '新柔长堤今早出现长达三公里的车龙，不少上班族迟到。');
  await seo.getByLabel('Search title').fill('新柔长堤塞车三公里 交通部增派关员');
  await seo.getByLabel('Canonical address').fill('partner.example/johor/jam');
  await editing.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editing.getByRole('alert')).toContainText('canonicalUrl must be an absolute http(s) URL');
  await seo.getByLabel('Canonical address').fill('https://partner.example/johor/jam');
  await editing.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editing.getByText('All changes saved')).toBeVisible();
  await checkAccessibility(editing, 'editor-seo');
  await editing.getByRole('button', { name: 'Publish changes' }).click();
  await expect(editing.getByText('Publish changes: done')).toBeVisible();
  live = await published(request, slug);
  expect(live).toMatchObject({
    seoTitle: '新柔长堤塞车三公里 交通部增派关员',
    seoDescription: '新柔长堤今早出现长达三公里的车龙，不少上班族迟到。',
    canonicalUrl: 'https://partner.example/johor/jam',
    subheadline: '交通部称将增派关员',
  });
});
