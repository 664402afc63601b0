/**
 * @param {unknown} list
 * @returns {string[]}
 */
export function cleanTags(list: unknown): string[];
/**
 * Tags stored with an entry: FETCH -> ctx.tags + data.tags; APP_PAGE / APP_ROUTE / PAGES -> the
 * x-next-cache-tags header (it includes the implicit _N_T_ path tags, so revalidatePath works).
 * @param {any} data
 * @param {any} ctx
 * @returns {string[]}
 */
export function entryTags(data: any, ctx: any): string[];
/**
 * Tags a get request brings: its own tags and soft (implicit) tags.
 * @param {any} ctx
 * @returns {string[]}
 */
export function requestTags(ctx: any): string[];
/**
 * The cache control stored with an entry (pages / routes; FETCH entries carry their revalidate
 * in the value).
 * @param {any} ctx set context
 * @returns {CacheControl | undefined}
 */
export function storedCacheControl(ctx: any): CacheControl | undefined;
/**
 * The revalidateTag durations as a tag operation (see tags.mjs).
 * @param {{ expire?: number } | undefined} durations
 * @returns {import('./tags.mjs').TagOp}
 */
export function tagOpOf(durations: {
    expire?: number;
} | undefined): import("./tags.mjs").TagOp;
/**
 * TTL (seconds): the entry's `expire` when Next gives one (after it the entry can only cause a
 * blocking re-render), else the ceiling: with only a revalidate period Next keeps serving the
 * entry stale-while-revalidate, so it must outlive that period. Always <= CACHE_MAX_TTL_SECONDS.
 * @param {any} ctx
 * @param {number} ceiling CACHE_MAX_TTL_SECONDS
 * @returns {number}
 */
export function ttlSeconds(ctx: any, ceiling: number): number;
/**
 * The value Next gets from `get`: fresh as written, or made to look stale to Next (see above).
 * @param {any} ctx
 * @param {{ v: any, m: Record<string, any> }} env
 * @param {number} written µs
 * @param {boolean} stale
 * @returns {CacheHandlerValue}
 */
export function buildResult(ctx: any, env: {
    v: any;
    m: Record<string, any>;
}, written: number, stale: boolean): CacheHandlerValue;
/**
 * The Next.js side of the cache: what Next gives a handler (entry tags, cache control, the get
 * context) and what it expects back. Pure functions, no Redis, no state.
 *
 * ── What `get` returns (Next 16 contract, from next/dist/server/lib/incremental-cache) ─────────
 * Next does not read an `isStale` flag from a handler. It recomputes staleness from what we return:
 *   FETCH:        isStale = (now - lastModified)/1000 > (ctx.revalidate || value.revalidate)
 *   APP_PAGE/...: revalidateAfter = lastModified + cacheControl.revalidate*1000; isStale = true if
 *                 that passed, -1 (blocking re-render) if lastModified + cacheControl.expire*1000
 *                 passed. `cacheControl` we return wins over Next's in-process one.
 *   null:         a miss (blocking render).
 * Next's own tag manifest lives in one process, so this handler enforces tags itself:
 *   expired by a tag  -> null
 *   stale by a tag    -> the old value with `lastModified` moved back just past its revalidate
 *                        period (and inside `expire`), so Next serves it once and re-renders it in
 *                        the background (SWR), exactly like Next's file-system cache + manifest do.
 *                        Entries whose revalidate is `false` get `cacheControl.revalidate = 1` on
 *                        that one response, otherwise Next could never see them as stale.
 *   fresh             -> lastModified = the entry's written-at.
 */
/** @typedef {{ revalidate: number | false, expire: number | undefined }} CacheControl */
/**
 * `stale` is set only for USE_CACHE_KIND reads (the 'use cache' handler turns it into
 * `revalidate: -1`); the incremental cache recomputes staleness from `lastModified`.
 * @typedef {{ lastModified: number, value: any, cacheControl?: CacheControl, stale?: boolean }} CacheHandlerValue
 */
/**
 * Kind of the entries the 'use cache' handler (use-cache-handler.mjs) stores through the same
 * core: keyed like pages (by build id: Next puts the build in 'use cache' keys too), tags from
 * the value itself.
 */
export const USE_CACHE_KIND: "USE_CACHE";
export const NEXT_CACHE_TAGS_HEADER: "x-next-cache-tags";
/** Next's INFINITE_CACHE (0xfffffffe seconds) */
export const INFINITE_CACHE: 4294967294;
export type CacheControl = {
    revalidate: number | false;
    expire: number | undefined;
};
/**
 * `stale` is set only for USE_CACHE_KIND reads (the 'use cache' handler turns it into
 * `revalidate: -1`); the incremental cache recomputes staleness from `lastModified`.
 */
export type CacheHandlerValue = {
    lastModified: number;
    value: any;
    cacheControl?: CacheControl;
    stale?: boolean;
};
