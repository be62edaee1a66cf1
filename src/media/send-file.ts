import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { DeliverableFile } from './media-delivery.service.js';
import type { StoredObject } from './storage/media-storage.js';

export interface SendOptions {
  cacheControl: string;
  /** Sent as a download under the file's name rather than shown inline. */
  attachment?: boolean;
  /** Whether pages on other origins may embed it (public renditions: yes). */
  crossOrigin?: boolean;
}

/** Streams a stored file, or answers 304 when the client's copy (If-None-Match) is current. */
export async function sendFile(req: Request, res: Response, file: DeliverableFile, options: SendOptions): Promise<void> {
  if (options.attachment) res.attachment(file.downloadName);
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('ETag', file.etag);
  res.setHeader('Cache-Control', options.cacheControl);
  if (options.crossOrigin) res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  let stored: StoredObject;
  try {
    stored = await file.open();
  } catch (e) {
    // The error answer must not carry the file's validators or be cached like the file.
    for (const header of ['ETag', 'Cache-Control', 'Content-Disposition', 'Cross-Origin-Resource-Policy']) res.removeHeader(header);
    throw e;
  }
  if (stored.bytes !== null) res.setHeader('Content-Length', String(stored.bytes));
  res.status(200);
  try {
    await pipeline(stored.body, res);
  } catch (e) {
    // Once bytes are on the wire the only honest signal left is the torn-down connection
    // (pipeline has destroyed it); a client that went away is no error of ours either.
    if (!res.headersSent) throw e;
  }
}
