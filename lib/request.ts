import { isIPv6 } from 'node:net';
import { headers } from 'next/headers';
import { PEER_HEADER } from '@/lib/security/peer-header';

/**
 * How many reverse proxies in front of the app append to X-Forwarded-For. 0 (the default): the
 * app is reached directly, X-Forwarded-For is whatever the client typed and is ignored.
 */
export function trustedProxyHops(raw = process.env.TRUST_PROXY_HOPS): number {
  if (raw === undefined || raw.trim() === '') return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 10) throw new Error(`TRUST_PROXY_HOPS must be an integer 0-10, got "${raw}"`);
  return n;
}

/**
 * One rate-limit key per client. "::ffff:1.2.3.4" is how Node reports an IPv4 client on a
 * dual-stack socket. An IPv6 client usually holds a whole /64 (and can pick any address in it),
 * so IPv6 addresses count per /64 prefix.
 */
function normalise(raw: string): string {
  const address = raw.trim().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIPv6(address)) return `${ipv6Prefix64(address)}::/64`;
  return address.slice(0, 64);
}

/** The first four groups of an IPv6 address, "::" expanded. */
function ipv6Prefix64(address: string): string {
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail ("::1.2.3.4") is two groups; it is past the /64 anyway.
  const rightGroups = right.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - rightGroups).fill('0'), ...right];
  return groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':');
}

/**
 * The client address from the socket peer and X-Forwarded-For, trusting `hops` proxies.
 *
 * The chain is every X-Forwarded-For entry followed by the peer itself. Each trusted proxy
 * appends the address it received the request from, so the client is `hops` entries left of the
 * peer; anything further left was written by the client and is never read. With fewer entries
 * than hops (a proxy fewer than configured) the left-most entry is the best guess.
 *
 * `peer` null means the server's peer hook did not run for this request (see
 * lib/security/peer-address.ts): then the right-most X-Forwarded-For entry stands in for the
 * peer, which is what Next writes there from the socket when the client sent none.
 */
export function clientAddress(forwardedFor: string | null, peer: string | null, hops: number): string {
  const chain = (forwardedFor ?? '').split(',').map(normalise).filter(Boolean);
  if (peer !== null && peer.trim() !== '') chain.push(normalise(peer));
  if (chain.length === 0) return 'unknown';
  return chain[Math.max(0, chain.length - 1 - hops)]!;
}

let warned = false;

/** The client address for rate limiting (see clientAddress and TRUST_PROXY_HOPS). */
export async function clientIp(): Promise<string> {
  const h = await headers();
  const peer = h.get(PEER_HEADER);
  if (peer === null && !warned) {
    warned = true;
    console.warn(`[request] no ${PEER_HEADER} header (peer hook not installed yet): falling back to X-Forwarded-For`);
  }
  return clientAddress(h.get('x-forwarded-for'), peer, trustedProxyHops());
}

/**
 * Only same-site paths: `?next=https://evil.example` must not redirect away.
 * Resolved the way a browser would (which drops tabs and newlines and treats
 * backslashes as slashes), then required to stay on the same origin.
 */
export function safeNextPath(next: unknown, fallback = '/dashboard'): string {
  if (typeof next !== 'string' || !next.startsWith('/')) return fallback;
  const base = 'http://same.invalid';
  try {
    const url = new URL(next, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
