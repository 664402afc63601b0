/**
 * Build the configuration from an environment object (process.env by default).
 * `overrides` win over the environment (tests and embedding code use them).
 * @param {Record<string, string|undefined>} [env]
 * @param {Partial<CacheConfig>} [overrides]
 * @returns {CacheConfig & {warnings: string[]}}
 */
export function loadConfig(env?: Record<string, string | undefined>, overrides?: Partial<CacheConfig>): CacheConfig & {
    warnings: string[];
};
/**
 * A description of the configuration that is safe to log or expose: no URL, host or secret.
 * @param {CacheConfig} cfg
 */
export function describeConfig(cfg: CacheConfig): {
    mode: "disabled" | "standalone" | "cluster";
    keyPrefix: string;
    timeoutMs: number;
    l1MaxBytes: number;
    maxEntryBytes: number;
    maxTtlSeconds: number;
    breakerThreshold: number;
    breakerCooldownMs: number;
    dataVersion: string;
    drainTimeoutMs: number;
    pageTrustMs: number;
    clusterNodeCount: number;
};
export { parseClusterNodes } from "./redis-config.mjs";
export type CacheConfig = import("./redis-config.mjs").RedisConnection & {
    keyPrefix: string;
    l1MaxBytes: number;
    maxEntryBytes: number;
    maxTtlSeconds: number;
    breakerThreshold: number;
    breakerCooldownMs: number;
    dataVersion: string;
    drainTimeoutMs: number;
    pageTrustMs: number;
    debug: boolean;
};
