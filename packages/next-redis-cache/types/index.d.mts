/**
 * @typedef {Object} SharedCache
 * @property {CacheCore} core
 * @property {() => ReturnType<CacheCore['getStats']>} getCacheStats
 * @property {() => ReturnType<CacheCore['getHealth']>} getCacheHealth
 * @property {(registry: any, promClient?: any) => Promise<void>} registerMetrics
 */
/**
 * Build id: ctx.buildId if Next provides one, else <serverDistDir>/../BUILD_ID, else
 * <cwd>/<NEXT_DIST_DIR or .next>/BUILD_ID, else 'dev'.
 * @param {any} [ctx]
 * @returns {string}
 */
export function resolveBuildId(ctx?: any): string;
/**
 * The process-wide cache, created on first use.
 * @param {any} [ctx] Next's CacheHandlerContext (for the build id)
 * @returns {SharedCache}
 */
export function getSharedCache(ctx?: any): SharedCache;
/** Plain snapshot of the counters (creates the cache if this process has none yet). */
export function getCacheStats(): {
    mode: "disabled" | "standalone" | "cluster";
    redis: string;
    breakerState: import("./breaker.mjs").BreakerState;
    subscriber: string;
    pendingInvalidations: number;
    counters: import("./metrics.mjs").Counters;
    hitRatio: number;
    l1HitRatio: number;
    l1: {
        bytes: number;
        entries: number;
        maxBytes: number;
        evictions: number;
    };
    tagRecordsCached: number;
};
/** Redis status, ping latency, breaker state, hit ratios. No URLs or secrets. */
export function getCacheHealth(): Promise<{
    mode: "disabled" | "standalone" | "cluster";
    redis: "disabled" | "down" | "up";
    latencyMs: number | null;
    breaker: import("./breaker.mjs").BreakerState;
    subscriber: string;
    pendingInvalidations: number;
    hitRatio: number;
    l1HitRatio: number;
    l1: {
        bytes: number;
        entries: number;
        maxBytes: number;
        evictions: number;
    };
}>;
/**
 * Register prom-client collectors on `registry` (pass the route's prom-client module too).
 * @param {any} registry
 * @param {any} [promClient]
 */
export function registerCacheMetrics(registry: any, promClient?: any): Promise<void>;
export const CACHE_SYMBOL: unique symbol;
export { CacheCore };
export type SharedCache = {
    core: CacheCore;
    getCacheStats: () => ReturnType<CacheCore["getStats"]>;
    getCacheHealth: () => ReturnType<CacheCore["getHealth"]>;
    registerMetrics: (registry: any, promClient?: any) => Promise<void>;
};
import { CacheCore } from './core.mjs';
export { IMMUTABLE_TAG, SLOT_TAG_PREFIX } from "./reserved-tags.mjs";
