import 'server-only';
import { unstable_cache } from 'next/cache';
import { redirectIfDatabaseDown } from '@/lib/db/unavailable';

// Default lifetime of cached reads. Invalidation is by tag on every write, so
// this is only a safety net against a missed tag.
export const DATA_TTL_SECONDS = 300;

type Load = (...args: never[]) => Promise<unknown>;

export interface ReadSpec<L extends Load> {
  /** Unique among reads: the first key part (unstable_cache keys do not see the function). */
  name: string;
  /** The tags whose invalidation makes this result stale: declared once, here. */
  tags: (...args: Parameters<L>) => string[];
  /**
   * The uncached query. Its arguments form the cache key, so they must be plain values.
   * Results are stored as JSON, so it must return plain JSON data (strings for Decimal and
   * Date): otherwise a hit and a miss would differ in type.
   */
  load: L;
  revalidate?: number;
}

export type CachedRead<L extends Load> = ((...args: Parameters<L>) => ReturnType<L>) & { readonly spec: ReadSpec<L> };

const keyPart = (arg: unknown) => (typeof arg === 'object' && arg !== null ? JSON.stringify(arg) : String(arg ?? ''));

/**
 * A read through Next's data cache, keyed by its name and every argument, tagged by
 * `spec.tags`. The spec stays reachable (`read.spec`) so tests can check every write's
 * invalidation against the reads it changes without restating the mapping.
 */
export function defineRead<L extends Load>(spec: ReadSpec<L>): CachedRead<L> {
  const read = (...args: Parameters<L>) => {
    const load = () => spec.load(...args);
    // The benchmarks' "no data cache" baseline: same pages, every read from the database.
    const cached =
      process.env.STAKEEASY_DATA_CACHE === 'off'
        ? load
        : unstable_cache(load, [spec.name, ...args.map(keyPart)], { tags: spec.tags(...args), revalidate: spec.revalidate ?? DATA_TTL_SECONDS });
    return cached().catch((err: unknown) => {
      redirectIfDatabaseDown(err);
      throw err;
    }) as ReturnType<L>;
  };
  return Object.assign(read, { spec });
}
