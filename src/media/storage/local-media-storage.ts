// Files under MEDIA_DIR. Each key resolves inside the root or is refused, so even a key that got
// past storage-keys.ts could not reach another path.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, opendir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { StoredObjectMissingError, type MediaStorage, type StoredKey, type StoredObject } from './media-storage.js';
import { assertSafeKey, UnsafeStorageKeyError } from './storage-keys.js';

const isKey = (key: string): boolean => {
  try {
    assertSafeKey(key);
    return true;
  } catch {
    return false;
  }
};

export class LocalMediaStorage implements MediaStorage {
  readonly root: string;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  /** The absolute path of a key; throws for any key that would leave the root. */
  pathOf(key: string): string {
    assertSafeKey(key);
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new UnsafeStorageKeyError(key);
    return path;
  }

  async putFile(key: string, path: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    try {
      await rename(path, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
      await this.copyInto(path, target);
    }
  }

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    // Written aside and renamed, so a reader never sees half a file.
    const partial = `${target}.${randomBytes(4).toString('hex')}.part`;
    try {
      await writeFile(partial, data, { flag: 'wx' });
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
  }

  async read(key: string): Promise<StoredObject> {
    const path = this.pathOf(key);
    try {
      const { size } = await stat(path);
      return { body: createReadStream(path), bytes: size };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredObjectMissingError(key);
      throw e;
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    const paths = keys.map((k) => this.pathOf(k));
    await Promise.all(paths.map((p) => rm(p, { force: true })));
    await this.pruneEmptyFolders(paths);
  }

  /** Files only; names that are not keys (a `.part` left by a crash mid-write) are skipped. */
  async *list(prefix: string): AsyncIterable<StoredKey> {
    const top = resolve(this.root, prefix);
    if (!top.startsWith(this.root + sep)) throw new UnsafeStorageKeyError(prefix);
    const pending = [top];
    for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
      let entries;
      try {
        entries = await opendir(folder);
      } catch (e) {
        // Not made yet, or pruned by a concurrent delete.
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
      for await (const entry of entries) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) pending.push(path);
        else if (entry.isFile()) {
          const key = relative(this.root, path).split(sep).join('/');
          const modifiedAt = await stat(path).then((st) => st.mtime, () => null);
          if (modifiedAt && isKey(key)) yield { key, modifiedAt };
        }
      }
    }
  }

  private async copyInto(source: string, target: string): Promise<void> {
    const partial = `${target}.${randomBytes(4).toString('hex')}.part`;
    try {
      await copyFile(source, partial);
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
  }

  /**
   * Removes the per-asset folders left empty, deepest first. The top-level folders (`originals`,
   * `renditions`) stay, so a concurrent write never finds the folder it just made gone.
   */
  private async pruneEmptyFolders(paths: string[]): Promise<void> {
    const folders = new Set<string>();
    for (const p of paths) for (let d = dirname(p); dirname(d).startsWith(this.root + sep); d = dirname(d)) folders.add(d);
    for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
      await rmdir(folder).catch(() => undefined);
    }
  }
}
