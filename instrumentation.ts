import type { Instrumentation } from 'next';

// Runs once when a server instance starts (not during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // First, so that every later request carries its socket address (rate limits by client).
    const [{ installPeerAddressHeader }, { trustedProxyHops }] = await Promise.all([import('./lib/security/peer-address'), import('./lib/request')]);
    trustedProxyHops(); // a malformed TRUST_PROXY_HOPS fails the start, not each sign-in
    installPeerAddressHeader();
    const { startRatesScheduler } = await import('./lib/rates/scheduler');
    startRatesScheduler();
  }
}

/**
 * Every error a request ends with (render, route handler, server action) passes here. A lost or
 * refused database connection marks the database down for this process, which makes proxy.ts
 * answer pages with a friendly 503 until a probe (SELECT 1 every second) succeeds again.
 */
export const onRequestError: Instrumentation.onRequestError = async (err) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ reportDatabaseError }, { db }] = await Promise.all([import('./lib/db/availability'), import('./lib/db/client')]);
  reportDatabaseError(err, async () => (await db()).$queryRaw`SELECT 1`);
};
