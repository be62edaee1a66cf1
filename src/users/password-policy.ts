// The password rules for staff accounts: long enough, not a well-known password, not the email.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PASSWORD_MIN_LENGTH = 10;
/** Long passphrases are welcome; the cap only stops megabyte "passwords" from tying up argon2. */
export const PASSWORD_MAX_LENGTH = 256;
const MIN_DISTINCT_CHARACTERS = 4;

export interface PasswordContext {
  email?: string | null;
  commonPasswords: ReadonlySet<string>;
}

/** Why this password may not be used, or null when it may. */
export function passwordWeakness(password: string, context: PasswordContext): string | null {
  const characters = [...password];
  if (characters.length < PASSWORD_MIN_LENGTH) return `password must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (characters.length > PASSWORD_MAX_LENGTH) return `password must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  const folded = password.trim().toLowerCase();
  if (context.commonPasswords.has(folded)) return 'password is one of the most commonly used passwords; choose another';
  if (new Set(characters).size < MIN_DISTINCT_CHARACTERS) return 'password repeats too few different characters';
  const email = context.email?.trim().toLowerCase();
  if (email && (folded === email || folded === email.split('@')[0])) return 'password must not be the email address';
  return null;
}

export function parseCommonPasswords(text: string): Set<string> {
  return new Set(
    text
      .split(/\r?\n/u)
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line && !line.startsWith('#')),
  );
}

let loaded: ReadonlySet<string> | undefined;

/**
 * The shipped list of the most common passwords. It sits beside this file in the source tree; the
 * compiled build (which tsc does not copy .txt files into) finds it from the project root.
 */
export function commonPasswords(): ReadonlySet<string> {
  if (loaded) return loaded;
  const candidates = [new URL('./common-passwords.txt', import.meta.url), new URL('../../../src/users/common-passwords.txt', import.meta.url)].map(
    (u) => fileURLToPath(u),
  );
  const found = candidates.find((path) => existsSync(path));
  // Failing loudly beats silently accepting "password123".
  if (!found) throw new Error(`common password list not found (looked in ${candidates.join(', ')})`);
  loaded = parseCommonPasswords(readFileSync(found, 'utf8'));
  return loaded;
}
