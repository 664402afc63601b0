// @ts-check
/**
 * Configuration of the StakeEasy Next.js cache handler (cache-handler.mjs + lib/cache).
 *
 * Environment variables (all optional; copy this block into README / .env.example):
 *
 *   REDIS_URL                  redis://[user:password@]host:port[/db] or rediss://... (TLS).
 *                              Unset (and no REDIS_CLUSTER_NODES): the cache runs in-process
 *                              only (L1 with full tag semantics, per process). Embedded default.
 *   REDIS_CLUSTER_NODES        host:port,host:port,... seed nodes of a Redis Cluster. Takes
 *                              precedence over REDIS_URL. Credentials for the cluster come from
 *                              REDIS_USERNAME / REDIS_PASSWORD, TLS from REDIS_CLUSTER_TLS=1.
 *   REDIS_USERNAME             ACL user for REDIS_CLUSTER_NODES (REDIS_URL carries its own).
 *   REDIS_PASSWORD             password for REDIS_CLUSTER_NODES (REDIS_URL carries its own).
 *   REDIS_CLUSTER_TLS          1/true: connect to the cluster nodes with TLS.
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
 *   CACHE_DEBUG                1/true: log every state change with more detail (never secrets).
 *
 * Invalid numbers fall back to the default (with one warning).
 *
 * Redis server notes: point REDIS_URL at a standalone primary (for a cluster use
 * REDIS_CLUSTER_NODES: the standalone get script reads tag keys of other slots). If Redis has a
 * maxmemory limit use `maxmemory-policy volatile-ttl` (or noeviction): every key has a TTL and tag
 * records have the longest ones, so entries are evicted before the tag records they depend on.
 * An eviction policy that can drop a tag record while entries it invalidated survive (allkeys-*,
 * volatile-lru/lfu/random) could bring such an entry back.
 */

/**
 * @typedef {Object} CacheConfig
 * @property {'disabled'|'standalone'|'cluster'} mode
 * @property {string|undefined} redisUrl
 * @property {Array<{host: string, port: number}>} clusterNodes
 * @property {string|undefined} username
 * @property {string|undefined} password
 * @property {boolean} clusterTls
 * @property {string} keyPrefix
 * @property {number} timeoutMs
 * @property {number} l1MaxBytes
 * @property {number} maxEntryBytes
 * @property {number} maxTtlSeconds
 * @property {number} breakerThreshold
 * @property {number} breakerCooldownMs
 * @property {boolean} debug
 */

export const DEFAULTS = Object.freeze({
  keyPrefix: 'stakeeasy:',
  timeoutMs: 150,
  l1MaxBytes: 64 * 1024 * 1024,
  maxEntryBytes: 5 * 1024 * 1024,
  maxTtlSeconds: 14 * 24 * 3600,
  breakerThreshold: 3,
  breakerCooldownMs: 1000,
});

/**
 * @param {string|undefined} raw
 * @param {number} fallback
 * @param {string} name
 * @param {string[]} warnings
 * @param {{min?: number, integer?: boolean}} [opts]
 */
function num(raw, fallback, name, warnings, opts = {}) {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw.trim());
  const min = opts.min ?? 0;
  if (!Number.isFinite(n) || n < min || (opts.integer !== false && !Number.isInteger(n))) {
    warnings.push(`${name}=${JSON.stringify(raw)} is not a valid number >= ${min}; using ${fallback}`);
    return fallback;
  }
  return n;
}

/** @param {string|undefined} raw */
function isOff(raw) {
  return raw !== undefined && ['off', 'false', '0', 'no', 'disabled'].includes(raw.trim().toLowerCase());
}

/** @param {string|undefined} raw */
function isOn(raw) {
  return raw !== undefined && ['on', 'true', '1', 'yes'].includes(raw.trim().toLowerCase());
}

/**
 * Parse "host:port,host:port". Also accepts redis:// URLs per node and IPv6 in brackets.
 * @param {string} raw
 * @param {string[]} warnings
 * @returns {Array<{host: string, port: number}>}
 */
export function parseClusterNodes(raw, warnings = []) {
  /** @type {Array<{host: string, port: number}>} */
  const nodes = [];
  for (const part of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    let spec = part;
    if (/^rediss?:\/\//.test(spec)) {
      try {
        const u = new URL(spec);
        nodes.push({ host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port || 6379) });
        continue;
      } catch {
        warnings.push('REDIS_CLUSTER_NODES contains an invalid URL; entry ignored');
        continue;
      }
    }
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(spec);
    if (m) nodes.push({ host: m[1], port: Number(m[2]) });
    else if (spec) nodes.push({ host: spec, port: 6379 });
  }
  return nodes;
}

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
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  const clusterNodes = env.REDIS_CLUSTER_NODES ? parseClusterNodes(env.REDIS_CLUSTER_NODES, warnings) : [];
  /** @type {CacheConfig['mode']} */
  let mode = 'disabled';
  if (!isOff(env.CACHE_SHARED)) {
    if (clusterNodes.length > 0) mode = 'cluster';
    else if (redisUrl) mode = 'standalone';
  }
  const keyPrefix = env.CACHE_KEY_PREFIX ?? DEFAULTS.keyPrefix;
  /** @type {CacheConfig} */
  const cfg = {
    mode,
    redisUrl,
    clusterNodes,
    username: env.REDIS_USERNAME || undefined,
    password: env.REDIS_PASSWORD || undefined,
    clusterTls: isOn(env.REDIS_CLUSTER_TLS),
    keyPrefix,
    timeoutMs: num(env.CACHE_REDIS_TIMEOUT_MS, DEFAULTS.timeoutMs, 'CACHE_REDIS_TIMEOUT_MS', warnings, { min: 1 }),
    l1MaxBytes: num(env.CACHE_L1_MAX_BYTES, DEFAULTS.l1MaxBytes, 'CACHE_L1_MAX_BYTES', warnings),
    maxEntryBytes: num(env.CACHE_MAX_ENTRY_BYTES, DEFAULTS.maxEntryBytes, 'CACHE_MAX_ENTRY_BYTES', warnings, { min: 1 }),
    maxTtlSeconds: num(env.CACHE_MAX_TTL_SECONDS, DEFAULTS.maxTtlSeconds, 'CACHE_MAX_TTL_SECONDS', warnings, { min: 1 }),
    breakerThreshold: num(env.CACHE_BREAKER_THRESHOLD, DEFAULTS.breakerThreshold, 'CACHE_BREAKER_THRESHOLD', warnings, { min: 1 }),
    breakerCooldownMs: num(env.CACHE_BREAKER_COOLDOWN_MS, DEFAULTS.breakerCooldownMs, 'CACHE_BREAKER_COOLDOWN_MS', warnings, { min: 1 }),
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
    clusterNodeCount: cfg.clusterNodes.length,
  };
}
