// `npm test`: the Jest suite (unit, service and HTTP tests), then, on a full run, the browser walks
// through the console (test/browser, Playwright + Chromium). With arguments (`npm test -- test/foo`)
// only Jest runs, with them. Both use TEST_DATABASE_URL when set, else an embedded PostgreSQL.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const run = (command, commandArgs) => spawnSync(command, commandArgs, { stdio: 'inherit' }).status ?? 1;

const jest = run(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', 'node_modules/jest/bin/jest.js', ...args]);
if (jest !== 0 || args.length > 0) process.exit(jest);
process.exit(run(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', '-c', 'test/browser/playwright.config.ts']));
