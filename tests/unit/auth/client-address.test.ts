import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxyHops } from '@/lib/request';

// peer: the TCP peer the server saw. xff: the X-Forwarded-For header as it arrived.
describe('clientAddress: which address the per-IP limits count', () => {
  it.each([
    // direct `next start`, no proxy (TRUST_PROXY_HOPS unset = 0)
    { hops: 0, xff: null, peer: '203.0.113.7', want: '203.0.113.7', why: 'direct, honest client' },
    { hops: 0, xff: '6.6.6.6', peer: '203.0.113.7', want: '203.0.113.7', why: 'direct, spoofed header ignored' },
    { hops: 0, xff: '1.1.1.1, 2.2.2.2', peer: '203.0.113.7', want: '203.0.113.7', why: 'direct, spoofed chain ignored' },
    { hops: 0, xff: null, peer: '::ffff:203.0.113.7', want: '203.0.113.7', why: 'IPv4-mapped IPv6 peer' },
    { hops: 0, xff: null, peer: '2001:db8::1', want: '2001:db8:0:0::/64', why: 'IPv6 peer counted per /64' },
    { hops: 0, xff: null, peer: '2001:db8:aa:bb:1:2:3:4', want: '2001:db8:aa:bb::/64', why: 'another address of that /64' },
    { hops: 0, xff: null, peer: '2001:0db8:00aa:00bb::9', want: '2001:db8:aa:bb::/64', why: 'leading zeros and :: do not make a new key' },
    { hops: 0, xff: null, peer: '::1', want: '0:0:0:0::/64', why: 'IPv6 loopback' },
    { hops: 1, xff: '[2001:db8:1:2::5]', peer: '10.0.0.2', want: '2001:db8:1:2::/64', why: 'bracketed IPv6 from a proxy' },
    // one proxy (load balancer) appends the address it saw
    { hops: 1, xff: '198.51.100.4', peer: '10.0.0.2', want: '198.51.100.4', why: 'one proxy, honest client' },
    { hops: 1, xff: '6.6.6.6, 198.51.100.4', peer: '10.0.0.2', want: '198.51.100.4', why: 'one proxy, client-sent entry skipped' },
    { hops: 1, xff: null, peer: '10.0.0.2', want: '10.0.0.2', why: 'one proxy configured, none in front: the peer' },
    // two proxies (CDN + load balancer)
    { hops: 2, xff: '198.51.100.4, 172.16.0.9', peer: '10.0.0.2', want: '198.51.100.4', why: 'two proxies, honest client' },
    { hops: 2, xff: '6.6.6.6, 7.7.7.7, 198.51.100.4, 172.16.0.9', peer: '10.0.0.2', want: '198.51.100.4', why: 'two proxies, spoofed entries skipped' },
    { hops: 2, xff: '172.16.0.9', peer: '10.0.0.2', want: '172.16.0.9', why: 'chain shorter than hops: left-most' },
    // the peer hook did not run (first request of a start): Next's own right-most entry
    { hops: 0, xff: '127.0.0.1', peer: null, want: '127.0.0.1', why: 'no peer header: right-most entry' },
    { hops: 0, xff: null, peer: null, want: 'unknown', why: 'nothing at all' },
    { hops: 0, xff: ' , ,', peer: '', want: 'unknown', why: 'empty entries are not addresses' },
  ])('$why', ({ hops, xff, peer, want }) => {
    expect(clientAddress(xff, peer, hops)).toBe(want);
  });

  it('gives every address of one IPv6 /64 the same key, and another /64 another key', () => {
    const key = (peer: string) => clientAddress(null, peer, 0);
    expect(new Set(['2001:db8:1:2::1', '2001:db8:1:2:ffff::', '2001:db8:1:2:a:b:c:d'].map(key)).size).toBe(1);
    expect(key('2001:db8:1:3::1')).not.toBe(key('2001:db8:1:2::1'));
  });

  it('caps an entry at 64 characters (a rate-limit key, not a log of junk)', () => {
    expect(clientAddress(null, 'x'.repeat(500), 0)).toHaveLength(64);
  });
});

describe('TRUST_PROXY_HOPS', () => {
  it.each([
    [undefined, 0],
    ['', 0],
    ['0', 0],
    ['1', 1],
    ['2', 2],
  ])('%j -> %i', (raw, want) => {
    expect(trustedProxyHops(raw)).toBe(want);
  });

  it.each(['-1', '1.5', 'two', '11'])('refuses %j loudly', (raw) => {
    expect(() => trustedProxyHops(raw)).toThrow(/TRUST_PROXY_HOPS/);
  });
});
