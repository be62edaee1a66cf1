// The editors' console: built into dist/console and served by the API process at /admin.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const outDir = here('../dist/console');
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Writes .br and .gz beside each built script and style sheet; the server sends them to browsers that accept them. */
function precompress(): Plugin {
  return {
    name: 'masthead-precompress',
    apply: 'build',
    async writeBundle() {
      const assets = join(outDir, 'assets');
      const names = (await readdir(assets)).filter((name) => /\.(js|css|svg)$/.test(name));
      await Promise.all(
        names.map(async (name) => {
          const source = await readFile(join(assets, name));
          await writeFile(join(assets, `${name}.br`), await brotli(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
          await writeFile(join(assets, `${name}.gz`), await gzipped(source, { level: 9 }));
        }),
      );
    },
  };
}

export default defineConfig({
  root: here('.'),
  base: '/admin/',
  plugins: [precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // The size script (scripts/console-size.mjs) reads which chunks the first screen loads from it.
    manifest: true,
    target: 'es2022',
    reportCompressedSize: false,
    // Minified, not gzipped: React DOM alone is most of it. The budget that counts (250 KB gzipped for
    // the first screen) is checked by `npm run console:size`.
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      checks: { pluginTimings: false },
      onLog(level, log, handler) {
        // TanStack Query marks its hooks "use client" for server-rendering frameworks; meaningless here.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  // `npm run console:dev`: the console with hot reload against a server on PORT (3000 by default).
  server: {
    proxy: Object.fromEntries(['/api', '/media', '/docs', '/health'].map((path) => [path, `http://127.0.0.1:${process.env.PORT ?? 3000}`])),
  },
});
