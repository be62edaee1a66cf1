// Text PostgreSQL cannot store: a NUL character (text columns and parameters refuse it) and a lone
// UTF-16 surrogate (not a character, so it has no UTF-8 form). Either would reach the database as a
// query error, so requests carrying them are refused where they enter.

const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const unstorableTextMessage = 'must not contain NUL characters or unpaired UTF-16 surrogates';

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * The first field (`body.2.text`, a key's own name for a bad key) whose key or text value holds
 * unstorable text, or null. `value` is a parsed body or query: its size was bounded when it was parsed.
 */
export function findUnstorableText(value: unknown, field = ''): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : field;
  if (typeof value !== 'object' || value === null) return null;
  const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  for (const [key, inner] of entries) {
    const path = field ? `${field}.${key}` : key;
    if (!isStorableText(key)) return path;
    const found = findUnstorableText(inner, path);
    if (found !== null) return found;
  }
  return null;
}
