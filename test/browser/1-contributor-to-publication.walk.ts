// Walk 1: a contributor writes a Chinese story with a subheading and a photo and submits it; an
// editor sends it back with a note; the contributor sees the note, revises and resubmits; the editor
// publishes; readers get it from the content API with the photo's caption and credit.
import { expect, test } from '@playwright/test';
import { Api, published, signIn, wirePhoto } from './support.js';

const ZH = { email: '电邮', password: '密码', submit: '登录' };
const CAPTION = '美国国务卿布林肯(左)与俄罗斯外长拉夫罗夫在日内瓦会面。';
const CREDIT = '俄罗斯外交部/路透社';

test('a story goes from a contributor through review to readers', async ({ browser, request }) => {
  const admin = await Api.as(request, { email: 'admin@newsroom.test', password: 'browser-walks-admin-0' });
  const section = await admin.section('外电');
  const contributor = await admin.staff(['contributor'], '陈兆良');
  const editor = await admin.staff(['editor'], '林美玲');
  const photoFile = await wirePhoto(CAPTION, CREDIT);

  // The contributor works in Chinese.
  const writing = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await signIn(writing, contributor, ZH);
  await writing.getByRole('link', { name: '新稿件' }).click();
  await writing.getByRole('textbox', { name: '标题', exact: true }).fill('布林肯与拉夫罗夫在日内瓦会面');
  await writing.getByLabel('栏目').selectOption(section.id);
  await writing.getByRole('button', { name: '建立草稿' }).click();
  await expect(writing.getByRole('heading', { level: 1, name: '布林肯与拉夫罗夫在日内瓦会面' })).toBeVisible();

  await writing.getByRole('textbox', { name: '电头', exact: true }).fill('日内瓦22日讯');
  await writing.getByRole('button', { name: '+ 段落' }).click();
  await writing.getByRole('textbox', { name: '段落 1' }).fill('美国国务卿布林肯与俄罗斯外长拉夫罗夫当地时间周五在瑞士日内瓦会面。');
  await writing.getByRole('button', { name: '+ 小标题' }).click();
  await writing.getByRole('textbox', { name: '小标题 1' }).fill('美方下周书面回复俄要求');
  await writing.getByRole('button', { name: '+ 段落' }).click();
  await writing.getByRole('textbox', { name: '段落 2' }).fill('布林肯说，美方将在下周以书面形式回应俄方的安全要求。');
  // Characters, not words: 33 + 11 + 26.
  await expect(writing.getByText(/正文共 \d+ 字/)).toHaveText('正文共 70 字');

  // The photo is uploaded on the spot; its IPTC caption and credit show before it is saved.
  await writing.getByRole('button', { name: '选择或上传图片' }).click();
  const picker = writing.getByRole('dialog', { name: '选择图片' });
  await picker.getByRole('button', { name: '上传新图片' }).click();
  await picker.getByLabel('选择文件').setInputFiles({ name: 'geneva.jpg', mimeType: 'image/jpeg', buffer: photoFile });
  await expect(picker.getByLabel('图片说明')).toHaveValue(CAPTION);
  await expect(picker.getByLabel('图片来源', { exact: true })).toHaveValue(CREDIT);
  await picker.getByRole('button', { name: '保存图片' }).click();
  await expect(picker).toBeHidden();
  await expect(writing.getByText(CAPTION)).toBeVisible();

  await writing.getByRole('button', { name: '保存', exact: true }).click();
  await expect(writing.getByText('所有修改已保存')).toBeVisible();
  await writing.getByRole('button', { name: '提交审稿' }).click();
  await expect(writing.locator('.page-header .badge')).toHaveText('待审');

  // The editor, in English, sends it back with a note.
  const editing = await (await browser.newContext()).newPage();
  await signIn(editing, editor);
  await editing.getByRole('link', { name: /^In review/ }).click();
  await editing.getByRole('link', { name: '布林肯与拉夫罗夫在日内瓦会面' }).click();
  await editing.getByRole('button', { name: 'Request changes' }).click();
  const sendBack = editing.getByRole('dialog', { name: 'Request changes' });
  await sendBack.getByLabel('What should change?').fill('请补充俄方的回应。');
  await sendBack.getByRole('button', { name: 'Request changes' }).click();
  await expect(editing.locator('.page-header .badge')).toHaveText('Draft');

  // The contributor sees the note, revises and resubmits.
  await writing.reload();
  await expect(writing.getByRole('heading', { name: /林美玲 要求修改/ })).toBeVisible();
  await expect(writing.getByText('请补充俄方的回应。')).toBeVisible();
  await writing
    .getByRole('textbox', { name: '段落 2' })
    .fill('布林肯说，美方将在下周以书面形式回应俄方的安全要求。拉夫罗夫表示，俄方将等待美方的书面答复。');
  await writing.getByRole('button', { name: '保存', exact: true }).click();
  await expect(writing.getByText('所有修改已保存')).toBeVisible();
  await writing.getByRole('button', { name: '提交审稿' }).click();
  await expect(writing.locator('.page-header .badge')).toHaveText('待审');
  await expect(writing.getByText('请补充俄方的回应。')).toBeHidden();

  // The editor publishes.
  await editing.reload();
  await expect(editing.getByRole('textbox', { name: 'Paragraph 2' })).toHaveValue(/拉夫罗夫表示，俄方将等待美方的书面答复。$/);
  await editing.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(editing.locator('.page-header .badge')).toHaveText('Published');

  // Readers get it, with the photo's caption and credit.
  const id = editing.url().split('/').pop()!;
  const story = await admin.call<{ slug: string }>('GET', `/api/admin/articles/${id}`);
  const live = await published(request, story.slug);
  expect(live.headline).toBe('布林肯与拉夫罗夫在日内瓦会面');
  expect(live.dateline).toBe('日内瓦22日讯');
  expect(live.featuredImage).toMatchObject({ caption: CAPTION, credit: CREDIT });
  expect(live.body).toEqual([
    { type: 'paragraph', text: '美国国务卿布林肯与俄罗斯外长拉夫罗夫当地时间周五在瑞士日内瓦会面。' },
    { type: 'subheading', text: '美方下周书面回复俄要求' },
    { type: 'paragraph', text: '布林肯说，美方将在下周以书面形式回应俄方的安全要求。拉夫罗夫表示，俄方将等待美方的书面答复。' },
  ]);
  expect(live.authors).toEqual([expect.objectContaining({ displayName: '陈兆良' })]);
});
