// Browser walks through the built console (dist/console) served by a real server on a fresh
// PostgreSQL database (global-setup.ts), in Debian's Chromium. `npm run test:browser`.
import { defineConfig } from '@playwright/test';
import { createServer } from 'node:net';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

// Chosen once in the runner; workers inherit it through the environment.
process.env.MASTHEAD_BROWSER_PORT ??= String(await freePort());

export default defineConfig({
  testDir: '.',
  testMatch: '*.walk.ts',
  globalSetup: './global-setup.ts',
  outputDir: '../../test-results/browser',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${process.env.MASTHEAD_BROWSER_PORT}`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    locale: 'en-US',
    timezoneId: 'Europe/London',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
