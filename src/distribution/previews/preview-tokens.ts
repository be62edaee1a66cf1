// Preview tokens: `<grant id>.<expiry in epoch seconds>.<HMAC-SHA256 signature>`. The signature
// refuses forged or altered tokens and the expiry is read from the token itself, so neither costs a
// query; the grant row (looked up by primary key) is what revocation changes.
import { createHmac, timingSafeEqual } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SIGNATURE_BYTES = 32;

export type TokenCheck = { ok: true; grantId: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' };

export class PreviewTokens {
  private readonly key: Buffer;

  /** `secret` is the server's signing secret; previews sign with a key of their own derived from it. */
  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('masthead preview links v1').digest();
  }

  sign(grantId: string, expiresAt: Date): string {
    const payload = `${grantId}.${Math.floor(expiresAt.getTime() / 1000)}`;
    return `${payload}.${this.signature(payload).toString('base64url')}`;
  }

  /** A token this server signed and its grant; `expired` only for a genuine token past its time. */
  check(token: string, now = new Date()): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3 || !UUID.test(parts[0]) || !/^\d{1,12}$/.test(parts[1])) return { ok: false, reason: 'invalid' };
    const given = Buffer.from(parts[2], 'base64url');
    const expected = this.signature(`${parts[0]}.${parts[1]}`);
    if (given.length !== SIGNATURE_BYTES || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
    const expiresAt = new Date(Number(parts[1]) * 1000);
    if (expiresAt <= now) return { ok: false, reason: 'expired' };
    return { ok: true, grantId: parts[0], expiresAt };
  }

  private signature(payload: string): Buffer {
    return createHmac('sha256', this.key).update(payload).digest();
  }
}
