// Refresh tokens are 256 random bits; only their SHA-256 is stored, so a database leak yields none.
import { createHash, randomBytes } from 'node:crypto';

export const newRefreshToken = (): string => randomBytes(32).toString('base64url');

export const hashRefreshToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
