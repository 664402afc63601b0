import 'server-only';
import { createHash } from 'node:crypto';
import { unstable_cache } from 'next/cache';
import { redirectIfDatabaseDown } from '@/lib/db/unavailable';
import { IMMUTABLE_TAG, SLOT_TAG_PREFIX } from '@stakeeasy/next-redis-cache/reserved-tags';
import { isUserTag } from '@/lib/data-cache/tags';
import { userDataVersion } from '@/lib/data-cache/user-version';

// Default lifetime of cached reads. Invalidation is by tag on every write, so
// this is only a safety net against a missed tag.
export const DATA_TTL_SECONDS = 300;

/**
 * The shape of what the cached reads return. Data entries outlive deploys (the handler keys them
 * by CACHE_DATA_VERSION, not by build id, and unstable_cache keys do not see the code), so a
 * change to any read's result must bump this: code that expects the new shape then never reads
 * an entry of the old one. 2: session statistics with an hours axis, holding history with sources.
 */
export const READ_SHAPE_VERSION = 2;
const keyName = (name: string) => `${name}@${READ_SHAPE_VERSION}`;

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

/** A read of one user's data: its first argument is that user's id. */
type UserLoad = (userId: string, ...rest: never[]) => Promise<unknown>;

const keyPart = (arg: unknown) => (typeof arg === 'object' && arg !== null ? JSON.stringify(arg) : String(arg ?? ''));

// The benchmarks' "no data cache" baseline: same pages, every read from the database.
const dataCacheOff = () => process.env.STAKEEASY_DATA_CACHE === 'off';

function run<T>(cached: () => Promise<T>): Promise<T> {
  return cached().catch((err: unknown) => {
    redirectIfDatabaseDown(err);
    throw err;
  });
}

/**
 * A read of shared data (rates, articles) through Next's data cache, keyed by its name and
 * every argument, tagged by `spec.tags`. Its freshness across instances rests on the tags.
 * The spec stays reachable (`read.spec`) so tests can check every write's invalidation against
 * the reads it changes without restating the mapping.
 */
export function defineRead<L extends Load>(spec: ReadSpec<L>): CachedRead<L> {
  const read = (...args: Parameters<L>) => {
    const load = () => spec.load(...args);
    if (dataCacheOff()) return run(load) as ReturnType<L>;
    const keyParts = [keyName(spec.name), ...args.map(keyPart)];
    return run(unstable_cache(load, keyParts, { tags: spec.tags(...args), revalidate: spec.revalidate ?? DATA_TTL_SECONDS })) as ReturnType<L>;
  };
  return Object.assign(read, { spec });
}

/**
 * A read of one user's data. Its key also carries the user's data version, which the database
 * bumps in the same transaction as every change to that user's data: once a write is
 * acknowledged, no request keys a copy from before it, whatever the cache's Redis kept, lost
 * or could not be told. Tags still drop superseded copies early.
 *
 * Each version of a read is therefore immutable: the handler serves an in-process copy with no
 * Redis round trip, unless the read also depends on shared data (a non-user tag such as
 * rates), which no user's version covers. Successive versions share a slot, so the handler
 * keeps one of them, not one per write.
 */
export function defineUserRead<L extends Load>(spec: ReadSpec<L> & { load: UserLoad }): CachedRead<L> {
  const read = async (...args: Parameters<L>) => {
    const load = () => spec.load(...args);
    if (dataCacheOff()) return run(load);
    const userId = args[0] as string;
    const version = await userDataVersion(userId);
    const argParts = args.map(keyPart);
    const tags = spec.tags(...args);
    const reserved = [slotTag(spec.name, argParts), ...(tags.every(isUserTag) ? [IMMUTABLE_TAG] : [])];
    const keyParts = [keyName(spec.name), `v${version}`, ...argParts];
    return run(unstable_cache(load, keyParts, { tags: [...tags, ...reserved], revalidate: spec.revalidate ?? DATA_TTL_SECONDS })) as ReturnType<L>;
  };
  return Object.assign(read, { spec }) as unknown as CachedRead<L>;
}

// Next limits a tag to 256 characters: the arguments (a filter, say) are hashed.
function slotTag(name: string, argParts: string[]): string {
  const args = createHash('sha256').update(JSON.stringify(argParts)).digest('base64url').slice(0, 22);
  return `${SLOT_TAG_PREFIX}${name}:${args}`;
}
