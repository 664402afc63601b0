/**
 * Plain snapshot of the counters and state (no URLs, hosts or secrets).
 * @param {import('./core.mjs').CacheCore} core
 */
export function statsOf(core: import("./core.mjs").CacheCore): {
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
/**
 * Health for /api/health: pings Redis with its own short timeout.
 * @param {import('./core.mjs').CacheCore} core
 * @param {{ timeoutMs?: number }} [opts]
 */
export function healthOf(core: import("./core.mjs").CacheCore, opts?: {
    timeoutMs?: number;
}): Promise<{
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
