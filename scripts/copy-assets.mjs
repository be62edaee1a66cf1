// tsc compiles only TypeScript: copy the data files the code reads (dictionaries, word lists) next
// to the compiled modules so dist/ runs on its own (as in the Docker image).
import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';

const ASSET = /\.(txt|json)$/;

async function copyAssets(from, to) {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    if (entry.isDirectory() && entry.name !== '__fixtures__') await copyAssets(source, join(to, entry.name));
    else if (entry.isFile() && ASSET.test(entry.name)) await cp(source, join(to, entry.name));
  }
}

await copyAssets('src', 'dist/src');
