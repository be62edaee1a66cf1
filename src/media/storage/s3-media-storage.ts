// An S3-compatible bucket (AWS S3, MinIO, Ceph, R2…) through the AWS SDK v3, loaded only when
// MEDIA_STORAGE=s3 so the local default never pays for it.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import type { AppConfig } from '../../config/config.js';
import { StoredObjectMissingError, type MediaStorage, type StoredKey, type StoredObject } from './media-storage.js';
import { assertSafeKey } from './storage-keys.js';

type S3Settings = AppConfig['media']['s3'];
type S3Module = typeof import('@aws-sdk/client-s3');

/**
 * Client settings from the configuration; credentials fall back to the SDK's chain (env, profile,
 * instance role). For an S3-compatible endpoint, checksums are sent only where S3 requires them:
 * the SDK's default streams uploads with aws-chunked trailing checksums, which servers that do not
 * speak it (tested: s3rver) store verbatim inside the object, corrupting the original.
 */
export function s3ClientConfig(s3: S3Settings): S3ClientConfig {
  return {
    region: s3.region,
    ...(s3.endpoint ? { endpoint: s3.endpoint, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
    forcePathStyle: s3.forcePathStyle,
    ...(s3.accessKeyId && s3.secretAccessKey ? { credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } } : {}),
  };
}

export class S3MediaStorage implements MediaStorage {
  private constructor(
    private readonly sdk: S3Module,
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  static async create(s3: S3Settings): Promise<S3MediaStorage> {
    if (!s3.bucket) throw new Error('MEDIA_STORAGE=s3 needs S3_BUCKET');
    const sdk = await import('@aws-sdk/client-s3');
    return new S3MediaStorage(sdk, new sdk.S3Client(s3ClientConfig(s3)), s3.bucket);
  }

  async putFile(key: string, path: string, contentType: string): Promise<void> {
    const { size } = await stat(path);
    await this.client.send(
      new this.sdk.PutObjectCommand({
        Bucket: this.bucket,
        Key: assertSafeKey(key),
        Body: createReadStream(path),
        ContentLength: size,
        ContentType: contentType,
      }),
    );
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    await this.client.send(new this.sdk.PutObjectCommand({ Bucket: this.bucket, Key: assertSafeKey(key), Body: data, ContentType: contentType }));
  }

  async read(key: string): Promise<StoredObject> {
    try {
      const out = await this.client.send(new this.sdk.GetObjectCommand({ Bucket: this.bucket, Key: assertSafeKey(key) }));
      if (!(out.Body instanceof Readable)) throw new Error(`unexpected S3 body for ${key}`);
      return { body: out.Body, bytes: out.ContentLength ?? null };
    } catch (e) {
      if (e instanceof this.sdk.NoSuchKey || (e as { name?: string }).name === 'NotFound') throw new StoredObjectMissingError(key);
      throw e;
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    const safe = keys.map(assertSafeKey);
    // DeleteObjects takes at most 1,000 keys per call.
    for (let i = 0; i < safe.length; i += 1000) {
      const batch = safe.slice(i, i + 1000);
      const out = await this.client.send(
        new this.sdk.DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
      );
      if (out.Errors?.length) throw new Error(`S3 refused to delete ${out.Errors.map((e) => `${e.Key}: ${e.Code}`).join(', ')}`);
    }
  }

  async *list(prefix: string): AsyncIterable<StoredKey> {
    let token: string | undefined;
    do {
      const out = await this.client.send(new this.sdk.ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const object of out.Contents ?? []) {
        if (object.Key && object.LastModified) yield { key: object.Key, modifiedAt: object.LastModified };
      }
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
  }
}
