// Walk 12: an administrator registers a webhook endpoint (a receiver this walk runs) and stores its
// signing secret; a story goes live, the receiver refuses the first delivery, and the administrator
// sees it in the delivery log and sends it again once the receiver is fixed: it arrives with the same
// webhook-id, signed with the secret the console showed. Pausing hides redelivery; deleting empties
// the list.
import { expect, test } from '@playwright/test';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { ADMIN, Api, checkAccessibility, signIn, tabTo } from './support.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

test('a webhook endpoint is added, a failed delivery is sent again, the endpoint paused and deleted', async ({ browser, request }) => {
  const received: Received[] = [];
  let answer = 503;
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answer).end(answer === 200 ? 'ok' : 'down for maintenance');
    });
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/masthead`;

  try {
    const api = await Api.as(request, ADMIN);
    const page = await (await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })).newPage();
    await signIn(page, ADMIN);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeFocused();
    await expect(page.getByText('No endpoints yet.')).toBeVisible();

    // Added with the story events (chosen by default) and no others; at least one is needed.
    await page.getByRole('button', { name: 'Add an endpoint' }).click();
    const add = page.getByRole('dialog', { name: 'Add an endpoint' });
    await add.getByLabel('Address (URL)').fill(hookUrl);
    await add.getByLabel('Description (optional)').fill('读者网站：重建首页');
    for (const box of await add.getByRole('checkbox').all()) await box.uncheck();
    await add.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(add.getByText('Choose at least one event.')).toBeVisible();
    await add.getByRole('checkbox', { name: /Story published/ }).check();
    await add.getByRole('checkbox', { name: /Correction appended/ }).check();
    await checkAccessibility(page, 'webhook-add');
    await add.getByRole('button', { name: 'Add endpoint' }).click();

    // The secret, once.
    const secretDialog = page.getByRole('alertdialog', { name: 'Store the signing secret now' });
    const secretField = secretDialog.getByRole('textbox', { name: 'Signing secret' });
    await expect(secretField).toHaveValue(/^whsec_/);
    await expect(secretField).toBeFocused();
    const secret = await secretField.inputValue();
    await secretDialog.getByRole('button', { name: 'Copy secret' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await checkAccessibility(page, 'webhook-secret');
    await secretDialog.getByRole('button', { name: 'I have stored it' }).click();
    const row = page.getByRole('row', { name: new RegExp(hookUrl.replace(/[.?/]/g, '\\$&')) });
    await expect(row).toContainText('读者网站：重建首页');
    await expect(row).toContainText('Story published, Correction appended');
    await expect(row).toContainText('Active');
    await checkAccessibility(page, 'webhooks');

    // A story goes live; the receiver is down.
    const story = await api.story({
      headline: '槟城升旗山缆车恢复服务',
      language: 'zh-Hans',
      body: [{ type: 'paragraph', text: '缆车维修完毕，今日起恢复服务。' }],
    });
    await api.call('POST', `/api/admin/articles/${story.id}/publish`, {}, { 'If-Match': `"${story.version}"` });
    await expect.poll(() => received.length).toBe(1);

    await page.getByRole('link', { name: hookUrl }).click();
    await expect(page.getByRole('heading', { level: 1, name: hookUrl })).toBeFocused();
    const delivery = page.getByRole('row', { name: /Story published/ });
    await expect(delivery).toContainText('Pending');
    await expect(delivery).toContainText('HTTP 503');
    await expect(delivery).toContainText('Attempts: 1');
    await expect(page.getByText(/^Every delivery has failed since /)).toBeVisible();
    await checkAccessibility(page, 'webhook-deliveries');

    // Fixed, and sent again now rather than at the next retry.
    answer = 200;
    await tabTo(page, delivery.getByRole('button', { name: /^Send again: Story published, / }));
    await page.keyboard.press('Enter');
    await expect(page.getByText('Queued to be sent again')).toBeVisible();
    await expect(delivery).toContainText('Delivered');
    await expect(delivery).toContainText('HTTP 200');
    await expect(page.getByText(/^Every delivery has failed since /)).toHaveCount(0);
    expect(received).toHaveLength(2);
    expect(received[1].headers['webhook-id']).toBe(received[0].headers['webhook-id']);
    const payload = new Webhook(secret).verify(received[1].body, received[1].headers as Record<string, string>);
    expect(payload).toMatchObject({ type: 'story.published', data: { id: story.id } });

    // Paused: nothing can be sent again until it is enabled.
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByText('Paused: nothing is sent until it is enabled again')).toBeVisible();
    await expect(page.locator('.page-header + .panel')).toContainText('Paused');
    await expect(delivery.getByRole('button', { name: /^Send again/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Enable' }).click();
    await expect(delivery.getByRole('button', { name: /^Send again/ })).toBeVisible();

    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: `Delete the endpoint ${hookUrl}?` });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
    await expect(page.getByText('No endpoints yet.')).toBeVisible();
    expect((await api.call<{ items: unknown[] }>('GET', '/api/admin/webhooks')).items).toEqual([]);
  } finally {
    receiver.close();
  }
});
