import { Webhook } from 'standardwebhooks';
import { newSecret, signedHeaders } from './signing.js';

describe('Standard Webhooks signing', () => {
  const body = JSON.stringify({ type: 'story.published', timestamp: '2026-03-01T12:00:00.000Z', data: { id: 'x', slug: 'y', url: 'z', version: 3 } });

  it('issues whsec_ secrets of 32 random bytes', () => {
    const secret = newSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(newSecret()).not.toBe(secret);
  });

  it('signs so that the standardwebhooks verifier accepts the message, and only with the right secret', () => {
    const secret = newSecret();
    const headers = signedHeaders({ secret, previousSecret: null, previousSecretExpiresAt: null }, 'msg-1', new Date(), body);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(() => new Webhook(newSecret()).verify(body, { ...headers })).toThrow();
    expect(() => new Webhook(secret).verify(body.replace('"version":3', '"version":4'), { ...headers })).toThrow();
  });

  it('signs with the old secret too while a rotation is in grace, and not after', () => {
    const [secret, previousSecret] = [newSecret(), newSecret()];
    const now = new Date();
    const inGrace = signedHeaders({ secret, previousSecret, previousSecretExpiresAt: new Date(now.getTime() + 60_000) }, 'msg-2', now, body);
    expect(inGrace['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(secret).verify(body, { ...inGrace })).not.toThrow();
    expect(() => new Webhook(previousSecret).verify(body, { ...inGrace })).not.toThrow();
    const after = signedHeaders({ secret, previousSecret, previousSecretExpiresAt: new Date(now.getTime() - 1) }, 'msg-2', now, body);
    expect(() => new Webhook(previousSecret).verify(body, { ...after })).toThrow();
  });
});
