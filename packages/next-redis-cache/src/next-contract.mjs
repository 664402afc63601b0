// @ts-check
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
export const USE_CACHE_KIND = 'USE_CACHE';

export const NEXT_CACHE_TAGS_HEADER = 'x-next-cache-tags';
/** Next's INFINITE_CACHE (0xfffffffe seconds) */
export const INFINITE_CACHE = 0xfffffffe;

/**
 * @param {unknown} list
 * @returns {string[]}
 */
export function cleanTags(list) {
  if (!Array.isArray(list)) return [];
  return list.filter((t) => typeof t === 'string' && t.length > 0);
}

/**
 * Tags stored with an entry: FETCH -> ctx.tags + data.tags; APP_PAGE / APP_ROUTE / PAGES -> the
 * x-next-cache-tags header (it includes the implicit _N_T_ path tags, so revalidatePath works).
 * @param {any} data
 * @param {any} ctx
 * @returns {string[]}
 */
export function entryTags(data, ctx) {
  /** @type {Set<string>} */
  const out = new Set();
  if (data && data.kind === 'FETCH') {
    for (const t of cleanTags(ctx?.tags)) out.add(t);
    for (const t of cleanTags(data.tags)) out.add(t);
  }
  if (data && data.kind === USE_CACHE_KIND) for (const t of cleanTags(data.tags)) out.add(t);
  const header = data?.headers?.[NEXT_CACHE_TAGS_HEADER];
  const parts = typeof header === 'string' ? header.split(',') : Array.isArray(header) ? header.flatMap((h) => String(h).split(',')) : [];
  for (const t of parts) if (t) out.add(t);
  return Array.from(out);
}

/**
 * Tags a get request brings: its own tags and soft (implicit) tags.
 * @param {any} ctx
 * @returns {string[]}
 */
export function requestTags(ctx) {
  if (!ctx) return [];
  return Array.from(new Set([...cleanTags(ctx.tags), ...cleanTags(ctx.softTags)]));
}

/**
 * The cache control stored with an entry (pages / routes; FETCH entries carry their revalidate
 * in the value).
 * @param {any} ctx set context
 * @returns {CacheControl | undefined}
 */
export function storedCacheControl(ctx) {
  return ctx && !ctx.fetchCache && ctx.cacheControl ? { revalidate: ctx.cacheControl.revalidate, expire: ctx.cacheControl.expire } : undefined;
}

/**
 * The revalidateTag durations as a tag operation (see tags.mjs).
 * @param {{ expire?: number } | undefined} durations
 * @returns {import('./tags.mjs').TagOp}
 */
export function tagOpOf(durations) {
  if (!durations) return { kind: 'expire' };
  return durations.expire !== undefined && Number.isFinite(Number(durations.expire)) ? { kind: 'stale', expire: Number(durations.expire) } : { kind: 'stale' };
}

/**
 * TTL (seconds): the entry's `expire` when Next gives one (after it the entry can only cause a
 * blocking re-render), else the ceiling: with only a revalidate period Next keeps serving the
 * entry stale-while-revalidate, so it must outlive that period. Always <= CACHE_MAX_TTL_SECONDS.
 * @param {any} ctx
 * @param {number} ceiling CACHE_MAX_TTL_SECONDS
 * @returns {number}
 */
export function ttlSeconds(ctx, ceiling) {
  const cc = ctx?.cacheControl;
  let ttl = ceiling;
  if (cc && typeof cc.expire === 'number' && cc.expire > 0 && cc.expire < INFINITE_CACHE) {
    const rv = typeof cc.revalidate === 'number' ? cc.revalidate : 0;
    ttl = Math.max(cc.expire, rv);
  }
  return Math.max(1, Math.min(ceiling, Math.ceil(ttl)));
}

/**
 * The value Next gets from `get`: fresh as written, or made to look stale to Next (see above).
 * @param {any} ctx
 * @param {{ v: any, m: Record<string, any> }} env
 * @param {number} written µs
 * @param {boolean} stale
 * @returns {CacheHandlerValue}
 */
export function buildResult(ctx, env, written, stale) {
  const value = env.v;
  /** @type {CacheControl | undefined} */
  const cc = env.m.cc ?? undefined;
  const lastModified = written / 1000;
  if (ctx?.kind === USE_CACHE_KIND) return { lastModified, value, stale };
  if (!stale) return cc ? { lastModified, value, cacheControl: cc } : { lastModified, value };
  const nowMs = Date.now();
  if (value && value.kind === 'FETCH') {
    const rv = ctx?.revalidate || value.revalidate;
    const lm = typeof rv === 'number' && rv > 0 ? nowMs - (rv + 1) * 1000 : nowMs - 1000;
    return { lastModified: Math.min(lm, lastModified), value };
  }
  if (cc && typeof cc.revalidate === 'number' && cc.revalidate > 0) {
    let lm = nowMs - (cc.revalidate + 1) * 1000;
    // stay inside `expire`, or Next would block on a re-render instead of serving stale
    if (typeof cc.expire === 'number' && nowMs - lm >= cc.expire * 1000) lm = nowMs - cc.revalidate * 1000 - 1;
    return { lastModified: Math.min(lm, lastModified), value, cacheControl: cc };
  }
  return { lastModified: Math.min(nowMs - 2000, lastModified), value, cacheControl: { revalidate: 1, expire: cc?.expire } };
}
