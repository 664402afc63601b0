// @ts-check
/**
 * Process-wide access to the cache. The singleton lives on
 * globalThis[Symbol.for('stakeeasy.cache')] so that cache-handler.mjs (loaded by Next's server)
 * and app code that Next bundles separately (e.g. /api/health, /api/metrics importing this
 * module) reach the same instance in the same process.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CacheCore } from './core.mjs';
import { installShutdownDrain } from './shutdown.mjs';

export { IMMUTABLE_TAG, SLOT_TAG_PREFIX } from './reserved-tags.mjs';

export const CACHE_SYMBOL = Symbol.for('stakeeasy.cache');

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
export function resolveBuildId(ctx) {
  if (ctx && typeof ctx.buildId === 'string' && ctx.buildId) return ctx.buildId;
  /** @type {string[]} */
  const candidates = [];
  if (ctx && typeof ctx.serverDistDir === 'string') candidates.push(path.join(ctx.serverDistDir, '..', 'BUILD_ID'));
  candidates.push(path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'));
  for (const file of candidates) {
    try {
      const id = readFileSync(file, 'utf8').trim();
      if (id) return id;
    } catch {
      // try the next one
    }
  }
  return 'dev';
}

/** @returns {SharedCache | undefined} */
function current() {
  return /** @type {any} */ (globalThis)[CACHE_SYMBOL];
}

/**
 * The process-wide cache, created on first use.
 * @param {any} [ctx] Next's CacheHandlerContext (for the build id)
 * @returns {SharedCache}
 */
export function getSharedCache(ctx) {
  const existing = current();
  if (existing) return existing;
  const core = new CacheCore({ buildId: resolveBuildId(ctx) });
  /** @type {SharedCache} */
  const shared = {
    core,
    getCacheStats: () => core.getStats(),
    getCacheHealth: () => core.getHealth(),
    registerMetrics: (registry, promClient) => core.registerMetrics(registry, promClient),
  };
  /** @type {any} */ (globalThis)[CACHE_SYMBOL] = shared;
  if (core.store) installShutdownDrain(core);
  return shared;
}

/** Plain snapshot of the counters (creates the cache if this process has none yet). */
export function getCacheStats() {
  return getSharedCache().getCacheStats();
}

/** Redis status, ping latency, breaker state, hit ratios. No URLs or secrets. */
export function getCacheHealth() {
  return getSharedCache().getCacheHealth();
}

/**
 * Register prom-client collectors on `registry` (pass the route's prom-client module too).
 * @param {any} registry
 * @param {any} [promClient]
 */
export function registerCacheMetrics(registry, promClient) {
  return getSharedCache().registerMetrics(registry, promClient);
}

export { CacheCore };
