// @ts-check
/**
 * Configuration of the StakeEasy Next.js cache handler (this package: cache-handler.mjs, use-cache-handler and the core behind them).
 *
 * Environment variables (all optional; copy this block into README / .env.example):
 *
 *   REDIS_URL                  redis://[user:password@]host:port[/db] or rediss://... (TLS).
 *                              Unset (and no REDIS_CLUSTER_NODES): the cache runs in-process
 *                              only (L1 with full tag semantics, per process). Embedded default.
 *   REDIS_CLUSTER_NODES        host:port,[ipv6]:port,redis://[user:password@]host:port,... seed
 *                              nodes of a Redis Cluster. Takes precedence over REDIS_URL.
 *                              Credentials in a node URL apply to the whole cluster; rediss://
 *                              turns on TLS like REDIS_CLUSTER_TLS=1.
 *   REDIS_USERNAME             ACL user of every Redis connection (cache, rate limits, locks)
 *                              whose URL carries no credentials of its own.
 *   REDIS_PASSWORD             password of every Redis connection (cache, rate limits, locks)
 *                              whose URL carries no credentials of its own.
 *   REDIS_CLUSTER_TLS          1/true: every client connects to the cluster nodes with TLS.
 *   CACHE_SHARED               off/false/0: ignore Redis entirely and run L1-only. Default on.
 *   CACHE_KEY_PREFIX           prefix of every Redis key and of the pub/sub channel.
 *                              Default "stakeeasy:". Must not contain "{" in cluster mode
 *                              (it would pin every key to one hash slot).
 *   CACHE_REDIS_TIMEOUT_MS     budget of one cache operation against Redis (the handler's own
 *                              deadline, counted from when the command is issued; ioredis's
 *                              commandTimeout is a backstop set well above it). Default 150.
 *   CACHE_L1_MAX_BYTES         byte bound of the in-process L1 (encoded sizes). Default 67108864
 *                              (64 MB). 0 disables the L1 (then nothing is served while Redis
 *                              is unreachable, and L1-only mode caches nothing).
 *   CACHE_MAX_ENTRY_BYTES      entries whose encoded size exceeds this are not stored (counted as
 *                              oversize skips). Default 5242880 (5 MB).
 *   CACHE_MAX_TTL_SECONDS      ceiling of any entry TTL; tag records live this long after their
 *                              last change. Default 1209600 (14 days).
 *   CACHE_BREAKER_THRESHOLD    consecutive Redis failures/timeouts that open the circuit
 *                              breaker. Default 3.
 *   CACHE_BREAKER_COOLDOWN_MS  time the breaker stays open before a half-open probe. Default 1000.
 *   CACHE_DATA_VERSION         shape version of data entries (unstable_cache / fetch, kind
 *                              FETCH). Those entries are not keyed by build id and survive a
 *                              deploy; bump this when a deploy changes what a cached read
 *                              returns (its shape), so the new build starts them cold. Pages and
 *                              routes are always keyed by build id. Default "1".
 *   CACHE_DRAIN_TIMEOUT_MS     on SIGTERM / SIGINT, how long the process waits (at most) for
 *                              invalidations queued during an outage to reach Redis before it
 *                              exits. Default 3000.
 *   CACHE_PAGE_TRUST_MS        how long an in-process copy of a PAGE or ROUTE entry (ISR: public by
 *                              construction) is served without a Redis round trip after Redis
 *                              last confirmed it, while the pub/sub subscription has been up
 *                              throughout and every tag record it depends on came from Redis or
 *                              pub/sub (so a tag change made elsewhere arrives as a message).
 *                              The window a page can lag another instance's invalidation is then
 *                              the pub/sub delivery delay, at most this long if a message were
 *                              lost on a live connection. Data entries (unstable_cache, per-user
 *                              reads) never take this path. Default 1000; 0 = validate every get.
 *   CACHE_DEBUG                1/true: log every state change with more detail (never secrets).
 *
 * Invalid numbers fall back to the default (with one warning). The connection settings (REDIS_*,
 * CACHE_SHARED, CACHE_REDIS_TIMEOUT_MS) are read by redis-config.mjs, shared with the app's
 * own Redis client.
 *
 * Redis server notes: point REDIS_URL at a standalone primary (for a cluster use
 * REDIS_CLUSTER_NODES: the standalone get script reads tag keys of other slots). If Redis has a
 * maxmemory limit use `maxmemory-policy volatile-ttl` (or noeviction): every key has a TTL and tag
 * records have the longest ones, so entries are evicted before the tag records they depend on.
 * An eviction policy that can drop a tag record while entries it invalidated survive (allkeys-*,
 * volatile-lru/lfu/random) could bring such an entry back.
 */

import { loadRedisConnection, num, isOn } from './redis-config.mjs';

export { parseClusterNodes } from './redis-config.mjs';

/**
 * @typedef {import('./redis-config.mjs').RedisConnection & {
 *   keyPrefix: string,
 *   l1MaxBytes: number,
 *   maxEntryBytes: number,
 *   maxTtlSeconds: number,
 *   breakerThreshold: number,
 *   breakerCooldownMs: number,
 *   dataVersion: string,
 *   drainTimeoutMs: number,
 *   pageTrustMs: number,
 *   debug: boolean,
 * }} CacheConfig
 */

const DEFAULTS = Object.freeze({
  keyPrefix: 'stakeeasy:',
  l1MaxBytes: 64 * 1024 * 1024,
  maxEntryBytes: 5 * 1024 * 1024,
  maxTtlSeconds: 14 * 24 * 3600,
  breakerThreshold: 3,
  breakerCooldownMs: 1000,
  dataVersion: '1',
  drainTimeoutMs: 3000,
  pageTrustMs: 1000,
});

/**
 * Build the configuration from an environment object (process.env by default).
 * `overrides` win over the environment (tests and embedding code use them).
 * @param {Record<string, string|undefined>} [env]
 * @param {Partial<CacheConfig>} [overrides]
 * @returns {CacheConfig & {warnings: string[]}}
 */
export function loadConfig(env = process.env, overrides = {}) {
  /** @type {string[]} */
  const warnings = [];
  const connection = loadRedisConnection(env, warnings);
  /** @type {CacheConfig} */
  const cfg = {
    ...connection,
    keyPrefix: env.CACHE_KEY_PREFIX ?? DEFAULTS.keyPrefix,
    l1MaxBytes: num(env.CACHE_L1_MAX_BYTES, DEFAULTS.l1MaxBytes, 'CACHE_L1_MAX_BYTES', warnings),
    maxEntryBytes: num(env.CACHE_MAX_ENTRY_BYTES, DEFAULTS.maxEntryBytes, 'CACHE_MAX_ENTRY_BYTES', warnings, { min: 1 }),
    maxTtlSeconds: num(env.CACHE_MAX_TTL_SECONDS, DEFAULTS.maxTtlSeconds, 'CACHE_MAX_TTL_SECONDS', warnings, { min: 1 }),
    breakerThreshold: num(env.CACHE_BREAKER_THRESHOLD, DEFAULTS.breakerThreshold, 'CACHE_BREAKER_THRESHOLD', warnings, { min: 1 }),
    breakerCooldownMs: num(env.CACHE_BREAKER_COOLDOWN_MS, DEFAULTS.breakerCooldownMs, 'CACHE_BREAKER_COOLDOWN_MS', warnings, { min: 1 }),
    dataVersion: env.CACHE_DATA_VERSION?.trim() || DEFAULTS.dataVersion,
    drainTimeoutMs: num(env.CACHE_DRAIN_TIMEOUT_MS, DEFAULTS.drainTimeoutMs, 'CACHE_DRAIN_TIMEOUT_MS', warnings),
    pageTrustMs: num(env.CACHE_PAGE_TRUST_MS, DEFAULTS.pageTrustMs, 'CACHE_PAGE_TRUST_MS', warnings),
    debug: isOn(env.CACHE_DEBUG),
    ...overrides,
  };
  if (cfg.mode === 'cluster' && cfg.keyPrefix.includes('{')) {
    warnings.push('CACHE_KEY_PREFIX contains "{": in cluster mode every key would hash to one slot');
  }
  return { ...cfg, warnings };
}

/**
 * A description of the configuration that is safe to log or expose: no URL, host or secret.
 * @param {CacheConfig} cfg
 */
export function describeConfig(cfg) {
  return {
    mode: cfg.mode,
    keyPrefix: cfg.keyPrefix,
    timeoutMs: cfg.timeoutMs,
    l1MaxBytes: cfg.l1MaxBytes,
    maxEntryBytes: cfg.maxEntryBytes,
    maxTtlSeconds: cfg.maxTtlSeconds,
    breakerThreshold: cfg.breakerThreshold,
    breakerCooldownMs: cfg.breakerCooldownMs,
    dataVersion: cfg.dataVersion,
    drainTimeoutMs: cfg.drainTimeoutMs,
    pageTrustMs: cfg.pageTrustMs,
    clusterNodeCount: cfg.clusterNodes.length,
  };
}
