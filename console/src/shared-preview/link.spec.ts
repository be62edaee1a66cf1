import { sharedPreviewUrl, tokenFromHash } from './link';

const TOKEN = '0b9c5a5e-6f3b-4c39-9d55-0a4f3c1b2d7e.1767000000.Zm9v-YmFy_YmF6';

describe('shared preview addresses', () => {
  it('put the token in the fragment of the console’s preview page', () => {
    expect(sharedPreviewUrl('https://newsroom.example', '/admin/', TOKEN)).toBe(`https://newsroom.example/admin/preview#${TOKEN}`);
  });

  it('give back the token they carry', () => {
    expect(tokenFromHash(new URL(sharedPreviewUrl('http://127.0.0.1:3000', '/admin/', TOKEN)).hash)).toBe(TOKEN);
  });

  it('carry no token when the fragment is missing or unreadable', () => {
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#')).toBeNull();
    expect(tokenFromHash('#%E0%A4%A')).toBeNull();
  });
});
