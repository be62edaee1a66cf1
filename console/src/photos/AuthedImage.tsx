// Photos not yet published are served to staff only, behind the access token, which an <img> cannot
// send: they are fetched with it and shown from blob: URLs (kept for the session, at most 300).
import { useEffect, useState } from 'react';
import { fetchWithSession } from '../api/client';

const cache = new Map<string, Promise<string | null>>();
const LIMIT = 300;

function load(url: string): Promise<string | null> {
  let entry = cache.get(url);
  if (!entry) {
    entry = fetchWithSession(url)
      .then(async (response) => (response.ok ? URL.createObjectURL(await response.blob()) : null))
      .catch(() => null);
    cache.set(url, entry);
    if (cache.size > LIMIT) {
      const [oldest, blob] = cache.entries().next().value as [string, Promise<string | null>];
      cache.delete(oldest);
      void blob.then((u) => u && URL.revokeObjectURL(u));
    }
    // A failure is not remembered: the next render may try again.
    void entry.then((u) => {
      if (!u) cache.delete(url);
    });
  }
  return entry;
}

/** Forget a photo's previews (after its file or focal point changed). */
export function forgetPreviews(mediaId: string) {
  for (const url of [...cache.keys()]) if (url.includes(mediaId)) cache.delete(url);
}

export function AuthedImage({ src, alt, className }: { src: string | null | undefined; alt: string; className?: string }) {
  const [blobUrl, setBlobUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setBlobUrl(null);
    if (src) void load(src).then((u) => live && setBlobUrl(u));
    return () => {
      live = false;
    };
  }, [src]);
  if (!blobUrl) return <span className="subtle" role="img" aria-label={alt} />;
  return <img src={blobUrl} alt={alt} className={className} />;
}
