import { checkWebhookUrl, isInternalAddress, refusedAddresses } from './webhook-url';

const production = { requireHttps: true, allowedHosts: [] };
const tests = { requireHttps: false, allowedHosts: ['127.0.0.1'] };

describe('webhook URLs', () => {
  it.each([
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '127.0.0.1',
    '127.8.8.8',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '[::1]',
    'ff02::1',
    // An IPv6 address carrying an internal IPv4 one, however written: compatible, mapped, translated, NAT64, 6to4.
    '0:0:0:0:0:ffff:7f00:1',
    '::ffff:0:7f00:1',
    '::ffff:0:10.0.0.1',
    '::127.0.0.1',
    '0:0:0:0:0:0:127.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b::10.1.2.3',
    '64:FF9B:0:0:0:0:7F00:1',
    '2002:7f00:1::',
    '2002:a9fe:a9fe:1::1',
    // Teredo (its client 127.0.0.1, obfuscated), benchmarking, documentation; outside global unicast 2000::/3.
    '2001:0:4136:e378:8000:63bf:80ff:fffe',
    '2001:2::1',
    '2001:db8::1',
    '3fff:0fff::1',
    '5f00::1',
    '4000::1',
    '100::1',
    '64:ff9b:1::a00:1',
  ])('refuses the internal address %s', (address) => {
    expect(isInternalAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '172.32.0.1',
    '192.169.0.1',
    '2001:4860:4860::8888',
    '2001:200::1',
    '3001::1',
    '::ffff:8.8.8.8',
    '::ffff:0:808:808',
    '64:ff9b::8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
    '2606:4700::1111',
  ])('accepts the public address %s', (address) => {
    expect(isInternalAddress(address)).toBe(false);
  });

  it('treats anything that is not an address as internal', () => {
    expect(isInternalAddress('localhost')).toBe(true);
  });

  it('checks every resolved address, unless the operator allowed the host', () => {
    expect(refusedAddresses('hooks.example.cn', ['8.8.8.8', '10.0.0.5'], production)).toEqual(['10.0.0.5']);
    expect(refusedAddresses('hooks.example.cn', ['8.8.8.8', '2001:4860:4860::8888'], production)).toEqual([]);
    expect(refusedAddresses('hooks.example.cn', [], production)).toEqual(['(no address)']);
    expect(refusedAddresses('127.0.0.1', ['127.0.0.1'], tests)).toEqual([]);
    expect(refusedAddresses('localhost', ['127.0.0.1'], tests)).toEqual(['127.0.0.1']);
  });

  it('requires https in production, refuses other schemes and credentials', () => {
    expect(checkWebhookUrl('http://hooks.example.cn/in', production)).toEqual({ reason: 'https is required' });
    expect(checkWebhookUrl('https://hooks.example.cn/in', production)).toBeNull();
    expect(checkWebhookUrl('http://127.0.0.1:8080/in', tests)).toBeNull();
    expect(checkWebhookUrl('ftp://hooks.example.cn/', tests)).toEqual({
      reason: 'only https (or http outside production)',
    });
    expect(checkWebhookUrl('https://user:pw@hooks.example.cn/', production)).toEqual({
      reason: 'credentials in the URL are not allowed',
    });
    expect(checkWebhookUrl('not a url', production)).toEqual({ reason: 'not a URL' });
    expect(checkWebhookUrl(`https://hooks.example.cn/${'a'.repeat(2000)}`, production)).toEqual({
      reason: 'a URL of 1–2000 characters',
    });
  });
});
