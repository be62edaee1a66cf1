// sharp brings libvips (about 27 MB resident) into the process: it is loaded on the first photo to
// process, not at start-up, so a process that only serves stories never holds it. sharp is CommonJS,
// so the load is synchronous and callers keep their shape.
import { createRequire } from 'node:module';
import type SharpModule from 'sharp';

const requireCjs = createRequire(import.meta.url);
let loaded: typeof SharpModule | undefined;

export function sharp(): typeof SharpModule {
  if (!loaded) {
    loaded = requireCjs('sharp') as typeof SharpModule;
    // Every upload is a different picture: libvips' operation cache would only hold memory.
    loaded.cache(false);
  }
  return loaded;
}
