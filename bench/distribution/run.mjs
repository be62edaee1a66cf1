// bench/distribution: each script in this folder in turn (feeds.mjs here; webhooks.mjs beside it).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('./', import.meta.url));
let failed = false;
for (const script of readdirSync(here).filter((f) => f.endsWith('.mjs') && f !== 'run.mjs').sort()) {
  process.stdout.write(`\n--- bench/distribution/${script}\n`);
  failed = spawnSync(process.execPath, [`${here}${script}`], { stdio: 'inherit' }).status !== 0 || failed;
}
process.exit(failed ? 1 : 0);
