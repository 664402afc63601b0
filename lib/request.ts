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

/** Only same-site relative paths: `?next=https://evil.example` must not redirect away. */
export function safeNextPath(next: unknown, fallback = '/dashboard'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
