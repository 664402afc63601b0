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

// "::ffff:1.2.3.4" is how Node reports an IPv4 client on a dual-stack socket: one client, one key.
const normalise = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').slice(0, 64);

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
