import 'server-only';
import { unstable_cache } from 'next/cache';
import { redirectIfDatabaseDown } from '@/lib/db/unavailable';

// Default lifetime of cached reads. Invalidation is by tag on every write, so
// this is only a safety net against a missed tag.
export const DATA_TTL_SECONDS = 300;

/**
 * Reads through Next's data cache. `keyParts` must contain every input that
 * changes the result (user id, currency, filters...). Results are stored as
 * JSON, so `load` must return plain JSON data (strings for Decimal and Date):
 * otherwise a cache hit and a miss would return different types.
 */
export function cachedRead<T>(keyParts: (string | number)[], tags: string[], load: () => Promise<T>, revalidate = DATA_TTL_SECONDS): Promise<T> {
  // The benchmarks' "no data cache" baseline: same pages, every read from the database.
  const read = process.env.STAKEEASY_DATA_CACHE === 'off' ? load : unstable_cache(load, keyParts.map(String), { tags, revalidate });
  return read().catch((err: unknown) => {
    redirectIfDatabaseDown(err);
    throw err;
  });
}
