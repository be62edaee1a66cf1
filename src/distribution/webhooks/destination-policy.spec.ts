import { addressRefusal, destinationProblem } from './destination-policy.js';

describe('webhook destinations', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.20', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fd12:3456::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
  ])('refuses %s (%s)', (address, kind) => {
    expect(addressRefusal(address)).toContain(kind);
  });

  it('refuses addresses that carry an IPv4 address another way (NAT64, 6to4, IPv4-compatible)', () => {
    expect(addressRefusal('64:ff9b::7f00:1')).not.toBeNull();
    expect(addressRefusal('2002:7f00:1::1')).not.toBeNull();
    expect(addressRefusal('::7f00:1')).not.toBeNull();
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:2800:21f:cb07:6820:80da:af6b:8b2c', '::ffff:93.184.215.14'])(
    'accepts the public address %s',
    (address) => {
      expect(addressRefusal(address)).toBeNull();
    },
  );

  it('takes only absolute http(s) URLs without credentials', () => {
    expect(destinationProblem('https://hooks.newsroom.example/masthead', false)).toBeNull();
    expect(destinationProblem('http://93.184.215.14:8080/hook', false)).toBeNull();
    expect(destinationProblem('/relative', false)).toMatch(/absolute/);
    expect(destinationProblem('ftp://files.example/x', false)).toMatch(/http or https/);
    expect(destinationProblem('file:///etc/passwd', false)).toMatch(/http or https/);
    expect(destinationProblem('https://user:pw@hooks.example/', false)).toMatch(/user name or password/);
    expect(destinationProblem(`https://hooks.example/${'x'.repeat(2048)}`, false)).toMatch(/2048/);
  });

  it('refuses obviously private hosts at registration, in any spelling the URL parser normalises', () => {
    for (const url of [
      'http://127.0.0.1:3000/hook',
      'http://localhost/hook',
      'http://api.localhost/hook',
      'http://[::1]/hook',
      'http://[::ffff:7f00:1]/hook',
      'http://0x7f.0.0.1/hook',
      'http://2130706433/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://10.0.0.5/hook',
    ])
      expect(destinationProblem(url, false)).toMatch(/not a public destination.*WEBHOOK_ALLOW_PRIVATE/);
  });

  it('lets the operator allow private destinations', () => {
    expect(destinationProblem('http://127.0.0.1:3000/hook', true)).toBeNull();
    expect(destinationProblem('http://localhost/hook', true)).toBeNull();
    // Still only http(s).
    expect(destinationProblem('gopher://127.0.0.1/', true)).toMatch(/http or https/);
  });
});
