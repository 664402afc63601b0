/**
 * @typedef {Object} StatsLike
 * @property {Counters} counters
 * @property {string} breakerState
 * @property {number} pendingInvalidations
 * @property {{ bytes: number, entries: number, maxBytes: number, evictions: number }} l1
 * @property {number} hitRatio
 * @property {number} l1HitRatio
 */
/**
 * Register collectors on `registry`. Idempotent per registry.
 * @param {any} registry a prom-client Registry
 * @param {() => StatsLike} getStats
 * @param {any} [promClient] the prom-client module the caller uses (avoids two copies of it)
 */
export function registerCacheMetrics(registry: any, getStats: () => StatsLike, promClient?: any): Promise<void>;
/**
 * Counters of the cache handler, exposed as a plain snapshot (getCacheStats) and, on demand, as
 * prom-client collectors registered on a registry the caller passes in (the /api/metrics route).
 * prom-client is never imported unless registerCacheMetrics is called.
 */
export const COUNTER_NAMES: readonly ["gets", "l1Hits", "immutableHits", "trustedPageHits", "redisHits", "misses", "staleServes", "degradedGets", "sets", "redisWrites", "bytesWritten", "oversizeSkips", "streamDiscards", "errors", "timeouts", "commandErrors", "malformedEntries", "malformedRecords", "breakerOpens", "breakerCloses", "invalidationsLocal", "invalidationsCoalesced", "invalidationsRemote", "invalidationsQueued", "invalidationsReplayed", "roundTrips", "slotSupersedes"];
/** @typedef {typeof COUNTER_NAMES[number]} CounterName */
/** @typedef {Record<CounterName, number>} Counters */
export class CacheMetrics {
    /** @type {Counters} */
    c: Counters;
    /**
     * @param {CounterName} name
     * @param {number} [n]
     */
    inc(name: CounterName, n?: number): void;
    /** @returns {Counters} */
    snapshot(): Counters;
}
export type StatsLike = {
    counters: Counters;
    breakerState: string;
    pendingInvalidations: number;
    l1: {
        bytes: number;
        entries: number;
        maxBytes: number;
        evictions: number;
    };
    hitRatio: number;
    l1HitRatio: number;
};
export type CounterName = (typeof COUNTER_NAMES)[number];
export type Counters = Record<CounterName, number>;
