// A multer storage engine that streams the upload to a temp file under a server-made name while
// hashing it, so the sha256 costs no second read and memory stays flat whatever the file's size.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';

export interface ReceivedFile {
  path: string;
  size: number;
  sha256: string;
  /** As the client named it: kept for display only, never used for a path. */
  originalname: string;
}

export class HashingDiskStorage implements StorageEngine {
  constructor(private readonly dir: string) {}

  _handleFile(_req: Request, file: Express.Multer.File, callback: (error?: Error | null, info?: Partial<Express.Multer.File>) => void): void {
    const path = join(this.dir, `${randomUUID()}.upload`);
    const hash = createHash('sha256');
    let size = 0;
    const hasher = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    mkdir(this.dir, { recursive: true })
      .then(() => pipeline(file.stream, hasher, createWriteStream(path, { flags: 'wx', mode: 0o600 })))
      .then(
        () => {
          const info: Partial<Express.Multer.File> & { sha256: string } = { path, size, sha256: hash.digest('hex') };
          callback(null, info);
        },
        (error: Error) => {
          void rm(path, { force: true }).finally(() => callback(error));
        },
      );
  }

  _removeFile(_req: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    rm(file.path, { force: true }).then(
      () => callback(null),
      (error: Error) => callback(error),
    );
  }
}
