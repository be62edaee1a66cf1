// Which file of the built console a path under /admin names, and how it may be cached. Pure.
//
// Vite names every built asset after a hash of its content (assets/index-3f0c9a1b.js), so those can
// be cached for a year and never revalidated; index.html names the current ones and must be checked
// on every visit. Any other path without a file extension is a screen of the single-page app
// (/admin/stories/…): it gets index.html and the console's router takes it from there.

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** The console's own content security policy: nothing inline, nothing from elsewhere. */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Photos are fetched with the editor's token and shown from blob: URLs.
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface ConsoleFile {
  /** Relative to the console folder. */
  file: string;
  cacheControl: string;
}

const SAFE_SEGMENT = /^[A-Za-z0-9_@][A-Za-z0-9_.@~-]*$/;

/**
 * The file to send for `segments` (the path after /admin, split on '/'), or null for a path that
 * cannot name a console file (a dot segment, a hidden file): those answer 404.
 */
export function consoleFileFor(segments: readonly string[]): ConsoleFile | null {
  const parts = segments.filter((s) => s !== '');
  if (parts.length === 0) return { file: 'index.html', cacheControl: REVALIDATE };
  const last = parts[parts.length - 1];
  const looksLikeFile = /\.[A-Za-z0-9]+$/.test(last);
  if (!looksLikeFile) return { file: 'index.html', cacheControl: REVALIDATE };
  if (!parts.every((s) => SAFE_SEGMENT.test(s))) return null;
  const file = parts.join('/');
  return { file, cacheControl: parts[0] === 'assets' ? IMMUTABLE : REVALIDATE };
}

/** Precompressed copies the build writes beside each asset, best first. */
export const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
