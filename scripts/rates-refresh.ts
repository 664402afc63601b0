/**
 * Fetches today's exchange rates from RATES_URL into the database, once.
 *
 *   npm run rates:refresh        (= tsx scripts/rates-refresh.ts; DATABASE_URL or the embedded PGlite)
 *
 * Exit code 0 when the rates were updated or there was nothing to do (RATES_URL unset),
 * 1 when the refresh failed (the last good rates stay in force). It writes the database only:
 * a running app notices today's new rates within the hour (lib/rates/scheduler.ts) and then
 * invalidates its cache. With the embedded PGlite database, stop the app first (only one
 * process may open it).
 */
import { disconnectDb } from '@/lib/db/client';
import { refreshRates } from '@/lib/rates/refresh';

async function main(): Promise<number> {
  try {
    const result = await refreshRates({ now: new Date() });
    if (result.status === 'skipped') console.log(`[rates] nothing to do: ${result.reason}`);
    return result.status === 'failed' ? 1 : 0;
  } finally {
    await disconnectDb();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[rates] refresh failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
