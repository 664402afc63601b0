// @ts-check
/**
 * Stats and health of a CacheCore, for /api/health and /api/metrics (prom-client collectors are
 * in metrics.mjs). Nothing here ever includes a URL, host or secret.
 */
import { withDeadline } from './budget.mjs';

/**
 * Plain snapshot of the counters and state (no URLs, hosts or secrets).
 * @param {import('./core.mjs').CacheCore} core
 */
export function statsOf(core) {
  const c = core.metrics.snapshot();
  const hits = c.l1Hits + c.redisHits;
  return {
    mode: core.cfg.mode,
    redis: core.store ? (core.store.isReady() ? 'connected' : core.store.status) : 'disabled',
    breakerState: core.breaker.state,
    subscriber: core.store ? (core.subscriberUp ? 'subscribed' : 'down') : 'disabled',
    pendingInvalidations: core.pending.size,
    counters: c,
    hitRatio: c.gets > 0 ? hits / c.gets : 0,
    l1HitRatio: c.gets > 0 ? c.l1Hits / c.gets : 0,
    l1: { bytes: core.l1.bytes, entries: core.l1.size, maxBytes: core.l1.maxBytes, evictions: core.l1.evictions },
    tagRecordsCached: core.book.size,
  };
}

/**
 * Health for /api/health: pings Redis with its own short timeout.
 * @param {import('./core.mjs').CacheCore} core
 * @param {{ timeoutMs?: number }} [opts]
 */
export async function healthOf(core, opts = {}) {
  const stats = statsOf(core);
  /** @type {'disabled' | 'up' | 'down'} */
  let redis = 'disabled';
  /** @type {number | null} */
  let latencyMs = null;
  const store = core.store;
  if (store) {
    redis = 'down';
    if (store.isReady()) {
      const started = performance.now();
      const timeout = opts.timeoutMs ?? Math.min(1000, Math.max(100, core.cfg.timeoutMs));
      try {
        await withDeadline(() => store.ping(), timeout);
        latencyMs = Math.round((performance.now() - started) * 100) / 100;
        redis = 'up';
      } catch {
        redis = 'down';
      }
    }
  }
  return {
    mode: stats.mode,
    redis,
    latencyMs,
    breaker: stats.breakerState,
    subscriber: stats.subscriber,
    pendingInvalidations: stats.pendingInvalidations,
    hitRatio: stats.hitRatio,
    l1HitRatio: stats.l1HitRatio,
    l1: stats.l1,
  };
}
