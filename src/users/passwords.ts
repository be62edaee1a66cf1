// Password hashing in one place, so every hash uses the same argon2id parameters.
import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { ValidationProblem } from '../common/problem.js';
import { commonPasswords, passwordWeakness } from './password-policy.js';

/**
 * OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): about 60 ms here, which keeps a login
 * affordable on a small server while making offline guessing expensive.
 */
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

/** False (never an exception) for a wrong password or an unreadable hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Hashes made with other parameters are upgraded on the next successful login. */
export function needsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, { memoryCost: HASH_OPTIONS.memoryCost, timeCost: HASH_OPTIONS.timeCost, parallelism: HASH_OPTIONS.parallelism });
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash of a random secret nobody knows. Logins for unknown emails verify against it, so they cost
 * the same argon2 work as logins for real accounts and answer in similar time.
 */
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  return dummyHash;
}

/** 422 on `field` when the password policy refuses the password; otherwise its argon2id hash. */
export async function hashAllowedPassword(password: string, email: string, field = 'password'): Promise<string> {
  const weakness = passwordWeakness(password, { email, commonPasswords: commonPasswords() });
  if (weakness) throw new ValidationProblem([{ field, message: weakness.replace(/^password/, field) }]);
  return hashPassword(password);
}
