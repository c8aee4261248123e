import { addressKey } from './rate-limit';
import { callerAddress, trustedProxies } from './client-address';

describe('the address a caller without a token is counted by', () => {
  const proxies = new Set(trustedProxies('10.0.0.5, 10.0.0.6'));

  it("is the peer's, whatever X-Forwarded-For it sends, when the peer is not a trusted proxy", () => {
    expect(callerAddress('198.51.100.9', '203.0.113.1', proxies)).toBe('198.51.100.9');
    expect(callerAddress('198.51.100.9', '203.0.113.1', new Set())).toBe('198.51.100.9');
  });

  it('is the right-most hop that is not a trusted proxy, behind one or two of them', () => {
    expect(callerAddress('10.0.0.5', '203.0.113.1', proxies)).toBe('203.0.113.1');
    expect(callerAddress('::ffff:10.0.0.5', '203.0.113.1', proxies)).toBe('203.0.113.1');
    expect(callerAddress('10.0.0.5', '203.0.113.1, 10.0.0.6', proxies)).toBe('203.0.113.1');
    // what the client wrote itself stands left of what the proxy saw: never read
    expect(callerAddress('10.0.0.5', '192.0.2.77, 203.0.113.1', proxies)).toBe('203.0.113.1');
    expect(callerAddress('10.0.0.5', ['192.0.2.77', '2001:db8::1'], proxies)).toBe('2001:db8::1');
  });

  it("stays the proxy's when the proxy names nobody or an entry is not an address", () => {
    expect(callerAddress('10.0.0.5', undefined, proxies)).toBe('10.0.0.5');
    expect(callerAddress('10.0.0.5', '', proxies)).toBe('10.0.0.5');
    expect(callerAddress('10.0.0.5', '203.0.113.1, unknown', proxies)).toBe('10.0.0.5');
    expect(callerAddress('10.0.0.5', '10.0.0.6', proxies)).toBe('10.0.0.5');
    // a header of thousands of hops is read from its end only
    expect(callerAddress('10.0.0.5', `${'192.0.2.1,'.repeat(50_000)}203.0.113.1`, proxies)).toBe('203.0.113.1');
  });

  it('counts an IPv6 caller behind the proxy by its /64, as one reaching the gateway directly', () => {
    expect(addressKey(callerAddress('10.0.0.5', '2001:db8:1:2::99', proxies))).toBe('2001:db8:1:2::/64');
  });

  it('takes the proxies as addresses only', () => {
    expect(trustedProxies(undefined)).toEqual([]);
    expect(trustedProxies('::ffff:10.0.0.5, 2001:DB8::1')).toEqual(['10.0.0.5', '2001:db8:0:0:0:0:0:1']);
    expect(() => trustedProxies('10.0.0.0/8')).toThrow(/HUB_TRUSTED_PROXIES must list IP addresses/);
  });
});
