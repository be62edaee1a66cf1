import { PreviewTokens } from './preview-tokens.js';

const grant = '6f1c1a8e-6a57-4d35-9f4e-3f0d2a1b7c11';

describe('PreviewTokens', () => {
  const tokens = new PreviewTokens('a-secret-of-at-least-thirty-two-characters');
  const expiresAt = new Date('2030-01-01T00:00:00Z');

  it('accepts its own tokens until they expire', () => {
    const token = tokens.sign(grant, expiresAt);
    expect(tokens.check(token, new Date('2029-12-31T23:59:59Z'))).toEqual({ ok: true, grantId: grant, expiresAt });
    expect(tokens.check(token, expiresAt)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses forged, altered and malformed tokens, and tokens signed with another secret', () => {
    const token = tokens.sign(grant, expiresAt);
    const [id, exp, signature] = token.split('.');
    const later = `${id}.${Number(exp) + 3600}.${signature}`;
    const otherGrant = `${grant.replace('6f1c', '0000')}.${exp}.${signature}`;
    const foreign = new PreviewTokens('another-secret-of-at-least-thirty-two-chars').sign(grant, expiresAt);
    for (const bad of [later, otherGrant, foreign, 'x', `${id}.${exp}`, `${id}.${exp}.${signature}x`, `${id}.abc.${signature}`])
      expect(tokens.check(bad, new Date('2029-01-01T00:00:00Z'))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('does not call a forged token expired, whatever time it claims', () => {
    const [id, , signature] = tokens.sign(grant, expiresAt).split('.');
    expect(tokens.check(`${id}.1.${signature}`)).toEqual({ ok: false, reason: 'invalid' });
  });
});
