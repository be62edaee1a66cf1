import { commonPasswords, parseCommonPasswords, passwordWeakness, PASSWORD_MAX_LENGTH } from './password-policy.js';

describe('passwordWeakness', () => {
  const common = parseCommonPasswords('# comment\npassword123\nQwertyuiop\n\n1234567890\n');
  const check = (password: string, email?: string) => passwordWeakness(password, { commonPasswords: common, email });

  it('accepts a long, uncommon passphrase', () => {
    expect(check('paper moon over Kuching', 'editor@newsroom.example')).toBeNull();
  });

  it('refuses fewer than 10 characters, counting characters rather than bytes', () => {
    expect(check('abc12xyz9')).toMatch(/at least 10 characters/);
    // Ten CJK characters are 30 bytes but ten characters: long enough.
    expect(check('新闻编辑部的密码很长啊')).toBeNull();
    expect(check('新闻编辑部')).toMatch(/at least 10/);
  });

  it('refuses passwords on the common list whatever their case or surrounding spaces', () => {
    expect(check('PASSWORD123')).toMatch(/most commonly used/);
    expect(check('qwertyuiop')).toMatch(/most commonly used/);
    expect(check(' 1234567890 ')).toMatch(/most commonly used/);
  });

  it('refuses a password made of very few distinct characters', () => {
    expect(check('aaaaaaaaaaaa')).toMatch(/too few different characters/);
    expect(check('abababababab')).toMatch(/too few different characters/);
  });

  it('refuses the email address or its local part', () => {
    expect(check('Chen.Zhaoliang@newsroom.example', 'chen.zhaoliang@newsroom.example')).toMatch(/email/);
    expect(check('chen.zhaoliang', 'chen.zhaoliang@newsroom.example')).toMatch(/email/);
  });

  it('refuses absurdly long input', () => {
    expect(check('x1y2z3'.repeat(PASSWORD_MAX_LENGTH))).toMatch(/at most/);
  });
});

describe('the shipped common-password list', () => {
  it('loads hundreds of lower-cased entries, including long ones the length rule alone would pass', () => {
    const list = commonPasswords();
    expect(list.size).toBeGreaterThan(300);
    for (const p of ['password123', 'qwertyuiop', '1q2w3e4r5t', 'iloveyou123', 'p@ssw0rd123']) expect(list.has(p)).toBe(true);
    expect([...list].every((p) => p === p.toLowerCase())).toBe(true);
  });
});
