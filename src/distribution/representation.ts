// A rendered public representation (feed, sitemap, robots.txt) with what caching needs.
import { createHash } from 'node:crypto';

export interface Representation {
  body: string;
  contentType: string;
  /** A strong validator of `body`. */
  etag: string;
}

export const strongEtag = (...parts: string[]): string =>
  `"${createHash('sha256')
    .update(parts.join('\u0000'))
    .digest('base64url')
    .slice(0, 27)}"`;

export const represent = (body: string, contentType: string): Representation => ({ body, contentType, etag: strongEtag(body) });
