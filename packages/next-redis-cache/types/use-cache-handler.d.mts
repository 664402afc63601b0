/**
 * Create a 'use cache' handler. Next loads the module named in `cacheHandlers` and takes its
 * default export; several kinds (`default`, `remote`, named ones) pointing at the same file share
 * one handler. The core is taken on first use, not at import.
 * @param {{ core?: import('./core.mjs').CacheCore }} [opts] the core to use (default: the
 *   process-wide one, shared with cache-handler.mjs; tests and embedding code pass their own)
 * @returns {UseCacheHandler}
 */
export function createUseCacheHandler(opts?: {
    core?: import("./core.mjs").CacheCore;
}): UseCacheHandler;
export default handler;
/**
 * The entry Next hands to set and expects from get (next/cache `CacheEntry`).
 */
export type UseCacheEntry = {
    value: ReadableStream<Uint8Array>;
    /**
     * tags of the entry, without soft tags
     */
    tags: string[];
    /**
     * seconds, for the client
     */
    stale: number;
    /**
     * ms, when the entry was created
     */
    timestamp: number;
    /**
     * seconds: hard limit
     */
    expire: number;
    /**
     * seconds until a background refresh; -1 = refresh now
     */
    revalidate: number;
};
/**
 * The `cacheHandlers` interface (next/cache `CacheHandler`).
 */
export type UseCacheHandler = {
    get: (cacheKey: string, softTags: string[]) => Promise<UseCacheEntry | undefined>;
    set: (cacheKey: string, pendingEntry: Promise<UseCacheEntry>) => Promise<void>;
    refreshTags: () => Promise<void>;
    getExpiration: (tags: string[]) => Promise<number>;
    updateTags: (tags: string[], durations?: {
        expire?: number;
    }) => Promise<void>;
};
/**
 * What is stored: the entry's metadata and its bytes as the chunks the stream delivered.
 */
export type StoredUseCacheEntry = {
    kind: typeof USE_CACHE_KIND;
    tags: string[];
    stale: number;
    timestamp: number;
    expire: number;
    revalidate: number;
    chunks: Uint8Array[];
};
declare namespace handler {
    let get: (cacheKey: string, softTags: string[]) => Promise<UseCacheEntry | undefined>;
    let set: (cacheKey: string, pendingEntry: Promise<UseCacheEntry>) => Promise<void>;
    let refreshTags: () => Promise<void>;
    let getExpiration: (tags: string[]) => Promise<number>;
    let updateTags: (tags: string[], durations?: {
        expire?: number;
    }) => Promise<void>;
}
import { USE_CACHE_KIND } from './next-contract.mjs';
