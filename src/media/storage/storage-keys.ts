// Storage keys are built here from server-made ids only, never from anything a client sends, so no
// upload can name a path. Each stored file set gets a fresh token: a retried or racing write never
// overwrites (or, when it fails, deletes) files that a committed row points at.
import { randomBytes } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^[0-9a-f]{12}$/;
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9]+)?$/;

export const isUuid = (value: string): boolean => UUID.test(value);

/** A fresh token for one set of files (an original and its renditions, or re-rendered thumbs). */
export const newFileToken = (): string => randomBytes(6).toString('hex');

export function originalKey(assetId: string, token: string): string {
  assertIdAndToken(assetId, token);
  return `originals/${assetId}/${token}`;
}

export function renditionKey(assetId: string, token: string, name: string, format: string): string {
  assertIdAndToken(assetId, token);
  return assertSafeKey(`renditions/${assetId}/${token}/${name}.${format}`);
}

/**
 * Throws unless `key` is relative, uses only plain segments (letters, digits, `-`, `_`, one dot
 * before an extension) and so cannot climb out of the store's root. Returns the key.
 */
export function assertSafeKey(key: string): string {
  const segments = key.split('/');
  if (key.length > 512 || segments.length < 2 || !segments.every((s) => SEGMENT.test(s))) {
    throw new UnsafeStorageKeyError(key);
  }
  return key;
}

export class UnsafeStorageKeyError extends Error {
  constructor(key: string) {
    super(`refusing unsafe storage key ${JSON.stringify(key.slice(0, 80))}`);
    this.name = 'UnsafeStorageKeyError';
  }
}

function assertIdAndToken(assetId: string, token: string): void {
  if (!UUID.test(assetId) || !TOKEN.test(token)) throw new UnsafeStorageKeyError(`${assetId}/${token}`);
}
