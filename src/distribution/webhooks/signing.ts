// Standard Webhooks signing (https://www.standardwebhooks.com/): secrets `whsec_<base64>`, and
// `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, one per active secret,
// separated by spaces while a rotated-out secret is still honoured.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

const SECRET_BYTES = 32;

/** A fresh secret: 32 random bytes. */
export const newSecret = () => `whsec_${randomBytes(SECRET_BYTES).toString('base64')}`;

/** After a rotation the old secret still signs for a day, so receivers can switch without losing deliveries. */
export const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

export interface SigningKeys {
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** The three Standard Webhooks headers for `body`, sent as message `id` at `at`. */
export function signedHeaders(keys: SigningKeys, id: string, at: Date, body: string): SignedHeaders {
  const secrets = [keys.secret];
  if (keys.previousSecret && keys.previousSecretExpiresAt && keys.previousSecretExpiresAt > at) secrets.push(keys.previousSecret);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(id, at, body)).join(' '),
  };
}
