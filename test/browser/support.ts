// What the walks share: the administrator the server starts with, API calls for setting the scene
// and for checking what the public content API serves, signing in through the form, photos with
// IPTC captions, the accessibility check and the screenshots for the README.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { withMetadata } from '../fixtures/media/images.js';

export const ADMIN = { email: 'admin@newsroom.test', password: 'browser-walks-admin-0' };
export const TIME_ZONE = 'Asia/Kuala_Lumpur';

export interface Staff {
  id: string;
  email: string;
  password: string;
  displayName: string;
}

/** A thin admin API client for setting up and checking, with one user's token. */
export class Api {
  private constructor(
    private readonly request: APIRequestContext,
    private readonly token: string,
  ) {}

  static async as(request: APIRequestContext, who: { email: string; password: string }): Promise<Api> {
    const res = await request.post('/api/auth/login', { data: { email: who.email, password: who.password } });
    expect(res.status(), await res.text()).toBe(200);
    return new Api(request, ((await res.json()) as { accessToken: string }).accessToken);
  }

  async call<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    data?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const res = await this.request.fetch(path, { method, data: data as never, headers: { Authorization: `Bearer ${this.token}`, ...headers } });
    expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
    return (res.status() === 204 ? undefined : await res.json()) as T;
  }

  async staff(roles: string[], displayName: string): Promise<Staff> {
    const password = `walk-${randomBytes(8).toString('hex')}`;
    const email = `${roles.join('-') || 'nobody'}.${randomBytes(3).toString('hex')}@newsroom.test`;
    const user = await this.call<{ id: string }>('POST', '/api/admin/users', { email, displayName, password, roles });
    return { id: user.id, email, password, displayName };
  }

  async photo(file: Buffer, name = 'photo.jpg'): Promise<{ id: string; version: number }> {
    const res = await this.request.post('/api/admin/media', {
      multipart: { file: { name, mimeType: 'image/jpeg', buffer: file } },
      headers: { Authorization: `Bearer ${this.token}` },
    });
    expect(res.status(), await res.text()).toBe(201);
    return res.json() as never;
  }

  story(body: Record<string, unknown>): Promise<Story> {
    return this.call<Story>('POST', '/api/admin/articles', body);
  }

  section(name: string): Promise<{ id: string; slug: string }> {
    return this.call('POST', '/api/admin/categories', { name });
  }
}

export interface Story {
  id: string;
  slug: string;
  version: number;
  status: string;
  headline: string;
}

/** What readers get: the public content API, no token. */
export async function published(
  request: APIRequestContext,
  slug: string,
): Promise<Record<string, unknown> & { body: Array<Record<string, unknown>> }> {
  const res = await request.get(`/api/content/articles/${encodeURIComponent(slug)}`);
  expect(res.status(), `GET /api/content/articles/${slug}`).toBe(200);
  return res.json() as never;
}

export async function signIn(
  page: Page,
  who: { email: string; password: string },
  labels = { email: 'Email', password: 'Password', submit: 'Sign in' },
) {
  await page.goto('/admin');
  await page.getByLabel(labels.email).fill(who.email);
  await page.getByLabel(labels.password, { exact: true }).fill(who.password);
  await page.getByRole('button', { name: labels.submit }).click();
  await expect(page.getByRole('button', { name: /Sign out|退出/ })).toBeVisible();
}

export type Scene = 'dusk' | 'hills' | 'harbour';

/** A picture that reads as a photo in a screenshot: a sky, a sun, a skyline or hills, water. */
function sceneSvg(scene: Scene, width: number, height: number): string {
  const sky = { dusk: ['#1d2b53', '#e0795a'], hills: ['#87b5e0', '#e8f1f8'], harbour: ['#f6c27a', '#f7e6c4'] }[scene];
  const ground = height * 0.68;
  const towers = Array.from({ length: 14 }, (_, i) => {
    const w = width / 16;
    const h = height * (0.15 + ((i * 37) % 23) / 60);
    return `<rect x="${i * w * 1.1}" y="${ground - h}" width="${w * 0.9}" height="${h}" fill="#1b2230" opacity="${0.75 + (i % 3) * 0.08}"/>`;
  }).join('');
  const hills = `<path d="M0 ${ground} Q ${width * 0.2} ${height * 0.35} ${width * 0.45} ${ground - 20} T ${width} ${height * 0.45} V ${height} H 0 Z" fill="#3f6b3a"/>
    <path d="M0 ${height * 0.8} Q ${width * 0.5} ${height * 0.55} ${width} ${height * 0.78} V ${height} H 0 Z" fill="#2f5530"/>`;
  const water = `<rect y="${ground}" width="${width}" height="${height - ground}" fill="#2b5d7d"/>
    ${Array.from({ length: 12 }, (_, i) => `<rect x="${(i * 83) % width}" y="${ground + 10 + i * 9}" width="${width / 6}" height="2" fill="#9cc3d8" opacity="0.5"/>`).join('')}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky[0]}"/><stop offset="1" stop-color="${sky[1]}"/></linearGradient></defs>
    <rect width="${width}" height="${height}" fill="url(#sky)"/>
    <circle cx="${width * 0.72}" cy="${height * 0.3}" r="${height * 0.08}" fill="#fff3c4" opacity="0.9"/>
    ${scene === 'hills' ? hills : scene === 'harbour' ? water + towers : towers + `<rect y="${ground}" width="${width}" height="${height - ground}" fill="#141a24"/>`}
  </svg>`;
}

/** A JPEG carrying an IPTC caption and credit, as a wire photo does. */
export async function wirePhoto(caption: string, credit: string, size = { width: 900, height: 600 }, scene: Scene = 'dusk'): Promise<Buffer> {
  const picture = await sharp(Buffer.from(sceneSvg(scene, size.width, size.height)))
    .jpeg({ quality: 85 })
    .toBuffer();
  return withMetadata(picture, 'jpeg', [
    '-IPTC:CodedCharacterSet=UTF8',
    `-IPTC:Caption-Abstract=${caption}`,
    `-IPTC:Credit=${credit}`,
    '-IPTC:By-line=陈摄影',
  ]);
}

/** `2026-12-07T14:30` in the newsroom's zone, `minutes` from now (seconds dropped). */
export function newsroomWallTime(minutesFromNow: number): string {
  const at = new Date(Date.now() + minutesFromNow * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Presses Tab until `target` has the focus (keyboard-only walks); fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** axe-core on the page as it is: no serious or critical violation. The counts go to the summary. */
export async function checkAccessibility(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const byImpact: Record<string, number> = {};
  for (const v of results.violations) byImpact[v.impact ?? 'unknown'] = (byImpact[v.impact ?? 'unknown'] ?? 0) + v.nodes.length;
  await mkdir('test-results/axe', { recursive: true });
  await writeFile(
    `test-results/axe/${screen.replace(/[^\w-]+/g, '-')}.json`,
    JSON.stringify({
      screen,
      passes: results.passes.length,
      violations: results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })),
      byImpact,
    }),
  );
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    blocking.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
    `axe on ${screen}`,
  ).toEqual([]);
}

/**
 * A screenshot of a screen: in test-results/screenshots, or in docs/screenshots for the README with
 * MASTHEAD_SCREENSHOTS=docs (`npm run console:screenshots`).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.MASTHEAD_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-results/screenshots';
  await mkdir(dir, { recursive: true });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${dir}/${name}.png` });
}
