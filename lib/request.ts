import { headers } from 'next/headers';

/**
 * The client address for rate limiting. Behind a reverse proxy set
 * TRUST_PROXY_HOPS to the number of proxies: the address is then read that
 * many entries from the right of X-Forwarded-For, which a client cannot forge.
 */
export async function clientIp(): Promise<string> {
  const h = await headers();
  const chain = (h.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const hops = Math.max(1, Number(process.env.TRUST_PROXY_HOPS ?? 1) || 1);
  return chain[chain.length - hops] ?? chain[0] ?? h.get('x-real-ip') ?? 'unknown';
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
