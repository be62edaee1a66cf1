// Receives `multipart/form-data` uploads: the file streams to a temp file (never into memory),
// multer stops reading at MEDIA_MAX_BYTES, and the temp file is removed before the response is sent,
// whatever its outcome.
import { Inject, Injectable, createParamDecorator, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import multer, { MulterError } from 'multer';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { ValidationProblem } from '../../common/problem.js';
import { MalformedUploadProblem, NotMultipartProblem, UploadTooLargeProblem } from '../media.problems.js';
import { HashingDiskStorage, type ReceivedFile } from './hashing-disk-storage.js';

/** Room for the text fields and multipart framing on top of the file itself. */
const FORM_OVERHEAD_BYTES = 1024 * 1024;
const FIELD_LIMITS = { fields: 12, fieldSize: 64 * 1024, fieldNameSize: 100, parts: 13, files: 1 };

export const UPLOAD_FIELD = 'file';

/** Temp files live beside the store's folders when local, so moving one into place is a rename. */
export const incomingDir = (config: AppConfig) => join(config.media.dir, '.incoming');

@Injectable()
export class MediaUploadInterceptor implements NestInterceptor {
  private readonly receive: RequestHandler;
  private readonly maxBytes: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.maxBytes = config.media.maxBytes;
    this.receive = multer({
      storage: new HashingDiskStorage(incomingDir(config)),
      limits: { ...FIELD_LIMITS, fileSize: config.media.maxBytes },
      // Browsers send non-ASCII file names as raw UTF-8.
      defParamCharset: 'utf8',
    }).single(UPLOAD_FIELD);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    if (!req.is('multipart/form-data')) throw new NotMultipartProblem();
    // A declared length far past the limit is refused before a byte of it is stored.
    const declared = Number(req.headers['content-length']);
    if (declared > this.maxBytes + FORM_OVERHEAD_BYTES) throw new UploadTooLargeProblem(this.maxBytes);
    await new Promise<void>((resolve, reject) => this.receive(req, res, (error?: unknown) => (error ? reject(this.toProblem(error)) : resolve())));
    const file = req.file as (Express.Multer.File & ReceivedFile) | undefined;
    if (!file)
      throw new ValidationProblem([
        { field: UPLOAD_FIELD, message: `${UPLOAD_FIELD} is required: attach the photo as a file part named "${UPLOAD_FIELD}"` },
      ]);
    // The temp file is gone before the response leaves, whatever the outcome.
    const removeTemp = () => rm(file.path, { force: true });
    return next.handle().pipe(
      mergeMap(async (value: unknown) => {
        await removeTemp();
        return value;
      }),
      catchError((error: unknown) => from(removeTemp()).pipe(mergeMap(() => throwError(() => error)))),
    );
  }

  private toProblem(error: unknown): Error {
    if (!(error instanceof MulterError)) {
      return new MalformedUploadProblem(`The multipart body could not be read${error instanceof Error ? `: ${error.message}` : ''}.`);
    }
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return new UploadTooLargeProblem(this.maxBytes);
      case 'LIMIT_UNEXPECTED_FILE':
      case 'LIMIT_FILE_COUNT':
        return new ValidationProblem([{ field: error.field ?? UPLOAD_FIELD, message: `send exactly one file, in the field "${UPLOAD_FIELD}"` }]);
      case 'LIMIT_FIELD_VALUE':
        return new ValidationProblem([{ field: error.field ?? 'body', message: `must be at most ${FIELD_LIMITS.fieldSize} bytes` }]);
      default:
        return new ValidationProblem([{ field: error.field ?? 'body', message: error.message }]);
    }
  }
}

/** The file the interceptor received for this request. */
export function receivedFile(req: Request): ReceivedFile {
  return req.file as Express.Multer.File & ReceivedFile;
}

/** The file received by MediaUploadInterceptor (which guarantees there is one). */
export const UploadedPhoto = createParamDecorator((_: unknown, ctx: ExecutionContext): ReceivedFile =>
  receivedFile(ctx.switchToHttp().getRequest<Request>()),
);
