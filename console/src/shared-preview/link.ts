// The address of a shared preview: the console's public preview page with the token in the fragment.
// The fragment never leaves the browser (not in server logs, not in a Referer), and a token (which
// contains dots) in the path would read to the console host as a file name.

export const SHARED_PREVIEW_PATH = '/preview';

/** `https://newsroom.example/admin/preview#<token>` for a console served at `base` on `origin`. */
export function sharedPreviewUrl(origin: string, base: string, token: string): string {
  return `${origin}${base.replace(/\/+$/, '')}${SHARED_PREVIEW_PATH}#${encodeURIComponent(token)}`;
}

/** The token a shared preview address carries in its fragment, or null when there is none. */
export function tokenFromHash(hash: string): string | null {
  const raw = hash.replace(/^#/, '').trim();
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
