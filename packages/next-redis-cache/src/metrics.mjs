// @ts-check
/**
 * Counters of the cache handler, exposed as a plain snapshot (getCacheStats) and, on demand, as
 * prom-client collectors registered on a registry the caller passes in (the /api/metrics route).
 * prom-client is never imported unless registerCacheMetrics is called.
 */

export const COUNTER_NAMES = /** @type {const} */ ([
  'gets', // handler.get calls
  'l1Hits', // served from the in-process L1 payload
  'immutableHits', // L1 hits on versioned (_immutable) entries, served without Redis
  'trustedPageHits', // L1 hits on page/route copies served without Redis (CACHE_PAGE_TRUST_MS)
  'redisHits', // served from a payload read from Redis
  'misses', // returned null (absent, expired by tag, unreadable)
  'staleServes', // returned an entry marked stale (Next refreshes it in the background)
  'degradedGets', // gets answered without Redis although Redis is configured
  'sets', // handler.set calls
  'redisWrites', // entries written to Redis
  'bytesWritten', // encoded bytes written to Redis
  'oversizeSkips', // entries not stored because larger than CACHE_MAX_ENTRY_BYTES
  'streamDiscards', // 'use cache' entries whose value stream errored or was cut: never stored
  'errors', // failed Redis operations (including timeouts) and codec errors
  'timeouts', // Redis operations that exceeded the time budget
  'commandErrors', // error replies about one command or key (WRONGTYPE, OOM, ...): not the breaker's
  'malformedEntries', // entry keys that held something else or could not be decoded (deleted)
  'malformedRecords', // reads that met a tag record that is not a hash (a miss until invalidated)
  'breakerOpens', // breaker transitions to open
  'breakerCloses', // breaker transitions back to closed
  'invalidationsLocal', // tags revalidated by this process
  'invalidationsCoalesced', // tags of an identical invalidation in the same turn (both cache interfaces), sent once
  'invalidationsRemote', // tag changes received from other instances (pub/sub)
  'invalidationsQueued', // tag changes queued because Redis was unreachable
  'invalidationsReplayed', // queued tag changes applied to Redis after it came back
  'roundTrips', // logical round trips to Redis made by gets
  'slotSupersedes', // older versions deleted from Redis because a newer one took their slot
]);

/** @typedef {typeof COUNTER_NAMES[number]} CounterName */
/** @typedef {Record<CounterName, number>} Counters */

export class CacheMetrics {
  constructor() {
    /** @type {Counters} */
    this.c = /** @type {Counters} */ (Object.fromEntries(COUNTER_NAMES.map((n) => [n, 0])));
  }

  /**
   * @param {CounterName} name
   * @param {number} [n]
   */
  inc(name, n = 1) {
    this.c[name] += n;
  }

  /** @returns {Counters} */
  snapshot() {
    return { ...this.c };
  }
}

/** @param {string} name camelCase */
function snake(name) {
  return name.replace(/[A-Z]/g, (m) => '_' + m.toLowerCase());
}

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
export async function registerCacheMetrics(registry, getStats, promClient) {
  const prom = promClient ?? (await import('prom-client'));
  const { Counter, Gauge } = prom;
  const prefix = 'stakeeasy_cache_';
  /** @param {string} name */
  const has = (name) => Boolean(registry.getSingleMetric(name));
  for (const key of COUNTER_NAMES) {
    const name = `${prefix}${snake(key)}_total`;
    if (has(name)) continue;
    new Counter({
      name,
      help: `cache handler counter ${key}`,
      registers: [registry],
      collect() {
        this.reset();
        const v = getStats().counters[key];
        if (v > 0) this.inc(v);
      },
    });
  }
  /** @type {Array<[string, string, (s: StatsLike) => number]>} */
  const gauges = [
    ['breaker_state', 'breaker state: 0 closed, 1 half-open, 2 open', (s) => ({ closed: 0, 'half-open': 1, open: 2 })[s.breakerState] ?? 0],
    ['pending_invalidations', 'tag changes waiting for Redis', (s) => s.pendingInvalidations],
    ['l1_bytes', 'bytes held by the in-process L1', (s) => s.l1.bytes],
    ['l1_entries', 'entries held by the in-process L1', (s) => s.l1.entries],
    ['l1_evictions', 'entries evicted from the L1 by the byte bound', (s) => s.l1.evictions],
    ['hit_ratio', 'hits / gets since start', (s) => s.hitRatio],
    ['l1_hit_ratio', 'L1 hits / gets since start', (s) => s.l1HitRatio],
  ];
  for (const [short, help, read] of gauges) {
    const name = `${prefix}${short}`;
    if (has(name)) continue;
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read(getStats()));
      },
    });
  }
}
