/** Loads the seed page and the fixture pages for the parser and decoder specs. */
import { readFileSync } from 'node:fs';

export const SEED_PAGE_NAME = '000_01a6cdf8dd098583.txt';

export function readSeedPage(): string {
  return readFileSync(new URL(`../../../../seeds/${SEED_PAGE_NAME}`, import.meta.url), 'utf8');
}

export function readFixturePage(name: string): string {
  return readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
}
