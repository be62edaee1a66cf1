// Where originals and renditions live, behind a small interface (local disk by default, an
// S3-compatible bucket by configuration). Keys come from storage-keys.ts only.
import type { Readable } from 'node:stream';

export const MEDIA_STORAGE = Symbol('MEDIA_STORAGE');

export interface StoredObject {
  body: Readable;
  bytes: number | null;
}

export interface StoredKey {
  key: string;
  modifiedAt: Date;
}

export interface MediaStorage {
  /** Stores a file from local disk; the store may move it away (the caller deletes its path afterwards either way). */
  putFile(key: string, path: string, contentType: string): Promise<void>;
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** Throws StoredObjectMissingError when nothing is stored under `key`. */
  read(key: string): Promise<StoredObject>;
  /** Deletes what exists of `keys`; missing keys are not an error. */
  delete(keys: readonly string[]): Promise<void>;
  /** Every stored key under `prefix` (e.g. `originals/`), in no set order: for finding orphaned files. */
  list(prefix: string): AsyncIterable<StoredKey>;
}

export class StoredObjectMissingError extends Error {
  constructor(key: string) {
    super(`nothing is stored under ${key}`);
    this.name = 'StoredObjectMissingError';
  }
}

/** Reads a whole stored object into memory (originals are bounded by MEDIA_MAX_BYTES). */
export async function readAll(storage: MediaStorage, key: string): Promise<Buffer> {
  const { body } = await storage.read(key);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
