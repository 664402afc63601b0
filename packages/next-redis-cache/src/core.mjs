// @ts-check
/**
 * CacheCore: the cache behind cache-handler.mjs (one per process; tests create several to
 * simulate several app instances).
 *
 * How a call reaches Redis: every get / set / revalidateTag goes through ONE helper, callRedis:
 * time budget (budget.mjs) -> withDeadline(replay the outage queue if anything is queued, then
 * the store call) -> breaker success, or failure classified (only connection failures and
 * timeouts count against the breaker). What Next gives and expects is in next-contract.mjs, the
 * queue in outage-queue.mjs, the Redis adapter and its scripts in redis-store.mjs / scripts.mjs,
 * stats and health in health.mjs.
 *
 * ── Versioned (immutable) entries ──────────────────────────────────────────────────────────
 * An L1 copy of an entry tagged IMMUTABLE_TAG (reserved-tags.mjs) is served without Redis and
 * without tag checks until its TTL passes: its key carries the version of the data it was
 * computed from, so no later change can make that key outdated. An expire-invalidation of one
 * of its tags still drops it (locally at once, elsewhere by pub/sub) to free memory early.
 *
 * ── Consistency of the L1 (why it never serves data older than a tag change visible in Redis) ─
 * 1. While Redis is reachable, EVERY get of a non-immutable entry makes one logical round trip
 *    that returns the current tag records of all the entry's tags (own tags + request tags + soft
 *    tags) and the entry's written-at (two when this instance does not know the entry's tags yet:
 *    scripts only touch declared keys, so the records of tags learnt from the entry are read
 *    next; a key->tags memo and the L1 copy make that a first-read-only cost). The L1 only saves the payload transfer and nothing else: if the L1 copy has the
 *    same written-at as Redis, the script omits the payload and the L1 bytes are used. Freshness
 *    is always decided from records read in that same round trip, so any revalidateTag that
 *    completed in Redis before the get started is seen, whatever instance made it and whether or
 *    not its pub/sub message has arrived. (No tag-epoch/version counter is needed: reading the
 *    records themselves costs the same round trip and is exact.)
 * 2. A tag change that could not reach Redis is queued (deduped per tag, expire beats stale) and
 *    applied to the local TagBook and L1 at once. Before ANY later call to Redis the queue is
 *    replayed (the breaker only closes after the probe replayed it; callRedis replays first,
 *    within its time budget), and it is replayed in the background as soon as Redis answers
 *    (outage-queue.mjs) and on SIGTERM (shutdown.mjs). Until then entries carrying a queued tag read from
 *    Redis are treated as expired/stale regardless of times. So an outage cannot bring back a
 *    value a user already changed.
 * 3. While Redis is unreachable (breaker open / not connected) the L1 is served using the local
 *    TagBook only for entries whose every tag record is "confirmed": read from Redis or received
 *    by pub/sub while the subscriber has been continuously subscribed since (see TagBook
 *    generations). Tag changes made elsewhere and published before the outage were therefore
 *    received; changes made during the outage are not visible in Redis to us by definition.
 *    Entries written locally during the outage are served against what this process knows.
 *    The book keeps, confirmed, the record of every tag a live L1 entry refers to (its own tags
 *    and the request/soft tags it was validated with), also when that tag never changed; the
 *    periodic prune drops only records that no L1 entry refers to AND whose marks are older than
 *    the max TTL, i.e. predate every live entry, so forgetting them (unknown = no change for local
 *    entries, "cannot prove" for validated ones) never makes an entry look fresher. Its memory is
 *    bounded by the L1's tags plus the records changed within the max TTL (and maxTags).
 * 4. A malformed key is a per-key problem, not an outage: an entry key of another type (or an
 *    undecodable payload) is deleted and read as a miss; a tag record that is not a hash makes
 *    every entry carrying that tag a miss (cannot prove it fresh) until the next invalidation of
 *    the tag overwrites it (scripts.mjs); error replies do not count against the breaker.
 * Known limit: a render that started before a tag change and finishes after it writes an entry
 * that counts as fresh (same as Next's own cache: the written-at is taken at write time).
 *
 * Times: written-at and tag times come from Redis (TIME inside the scripts; in standalone mode
 * additionally made strictly increasing by a clock key), so ordering between instances does not
 * depend on app-server clocks. In cluster mode each node's clock is used (NTP-synced nodes are
 * assumed; a skew of d makes an entry written within d of a tag change on another node look
 * stale/expired or, at worst, fresh within that window).
 */
import { randomUUID } from 'node:crypto';
import { loadConfig, describeConfig } from './config.mjs';
import { encode, decode } from './serialize.mjs';
import { L1Cache } from './l1.mjs';
import { TagBook, HybridClock, evaluate, foldRecord } from './tags.mjs';
import { CircuitBreaker, describe } from './breaker.mjs';
import { withDeadline, isTimeout, classify } from './budget.mjs';
import { CacheMetrics, registerCacheMetrics } from './metrics.mjs';
import { RedisStore } from './redis-store.mjs';
import { OutageQueue } from './outage-queue.mjs';
import { entryTags, requestTags, ttlSeconds, buildResult, storedCacheControl, tagOpOf, cleanTags } from './next-contract.mjs';
import { statsOf, healthOf } from './health.mjs';

/** @typedef {import('./config.mjs').CacheConfig} CacheConfig */
/** @typedef {import('./tags.mjs').TagRecord} TagRecord */
/** @typedef {import('./tags.mjs').TagOp} TagOp */
/** @typedef {import('./tags.mjs').Freshness} Freshness */
/** @typedef {import('./l1.mjs').L1Entry} L1Entry */
/** @typedef {{ info: (...a: any[]) => void, warn: (...a: any[]) => void, error: (...a: any[]) => void }} Logger */
/** @typedef {import('./next-contract.mjs').CacheHandlerValue} CacheHandlerValue */
/** @typedef {import('./redis-store.mjs').ReadResult} ReadResult */
/**
 * @template T
 * @typedef {{ ok: true, value: T } | { ok: false, reason: 'unavailable' | 'connection' | 'command' }} RedisOutcome
 */

const KEY_TAG_MEMO_MAX = 50_000;
/** Next's cache kinds of whole responses (see trustsPageCopy). */
const PAGE_KINDS = new Set(['APP_PAGE', 'APP_ROUTE', 'PAGES']);
/** While invalidations are queued, how often the background replay tries Redis (ms). */
const REPLAY_INTERVAL_MS = 200;

export class CacheCore {
  /**
   * @param {{
   *   buildId?: string,
   *   env?: Record<string, string|undefined>,
   *   config?: Partial<CacheConfig>,
   *   logger?: Logger,
   *   instanceId?: string,
   * }} [opts]
   */
  constructor(opts = {}) {
    const { warnings, ...cfg } = loadConfig(opts.env ?? process.env, opts.config ?? {});
    /** @type {CacheConfig} */
    this.cfg = cfg;
    this.buildId = opts.buildId ?? 'dev';
    this.instanceId = opts.instanceId ?? randomUUID();
    /** @type {Logger} */
    this.logger = opts.logger ?? console;
    for (const w of warnings) this.logger.warn(`[cache] ${w}`);
    this.metrics = new CacheMetrics();
    this.l1 = new L1Cache(cfg.l1MaxBytes);
    this.clock = new HybridClock();
    const maxTtlUs = cfg.maxTtlSeconds * 1e6;
    this.book = new TagBook({ authoritative: cfg.mode === 'disabled', maxTtlUs });
    /** tag changes not yet applied in Redis */
    this.queue = new OutageQueue({ intervalMs: REPLAY_INTERVAL_MS });
    /** @type {Map<string, string[]>} key -> tags memo: lets a read declare the entry's tag keys up front */
    this.keyTags = new Map();
    this.subscriberUp = false;
    /** @type {Map<string, Promise<void>>} invalidations issued in this event-loop turn (see revalidateTag) */
    this.thisTurnInvalidations = new Map();
    /** @type {Map<string, number>} */
    this.errorLogAt = new Map();

    this.breaker = new CircuitBreaker({
      threshold: cfg.breakerThreshold,
      cooldownMs: cfg.breakerCooldownMs,
      probe: () => this.probe(),
      onChange: (state, _prev, reason) => {
        if (state === 'open') {
          this.metrics.inc('breakerOpens');
          this.logger.warn(`[cache] Redis unreachable, serving from the in-process cache (breaker open): ${reason}`);
        } else if (state === 'closed') {
          this.metrics.inc('breakerCloses');
          this.logger.info('[cache] Redis reachable again (breaker closed)');
        }
      },
    });

    /** @type {RedisStore | null} */
    this.store = null;
    if (cfg.mode !== 'disabled') {
      this.store = new RedisStore({
        cfg,
        buildId: this.buildId,
        instanceId: this.instanceId,
        onMessage: (records) => this.onRemoteInvalidation(records),
        onSubscriber: (up) => {
          // A (re)subscription may follow a gap in which messages were lost: older
          // confirmations of tag records are no longer complete.
          if (up) this.book.bumpGeneration();
          this.subscriberUp = up;
        },
        onReady: () => {
          this.breaker.probeSoon();
          void this.replayTick();
        },
      });
    }
    if (cfg.debug) this.logger.info('[cache] configured', describeConfig(cfg));
    this.pruneTimer = setInterval(() => this.pruneTagBook(), 60_000);
    this.pruneTimer.unref?.();
    this.closed = false;
  }

  /** Queued tag changes by tag (read-only view for stats and tests). */
  get pending() {
    return this.queue.pending;
  }

  /**
   * Drop tag records nothing needs any more (every minute). Records of tags a live L1 entry refers
   * to are kept even if they never changed: they are what lets that entry be served while Redis is
   * unreachable (see 3. above).
   */
  pruneTagBook() {
    this.book.prune(this.clock.peek(), (tag) => this.l1.refersTo(tag));
  }

  // ───────────────────────────────────────────── get ──────────────────────────────────────────

  /**
   * @param {string} key
   * @param {any} [ctx]
   * @returns {Promise<CacheHandlerValue | null>}
   */
  async get(key, ctx = {}) {
    this.metrics.inc('gets');
    const l1e = this.l1.get(key);
    // A versioned (immutable) entry cannot be outdated while its TTL runs: no Redis, no tags.
    if (l1e?.immutable) return this.serveImmutable(key, ctx, l1e);
    const extra = requestTags(ctx);
    if (!this.store) return this.fromLocal(key, ctx, extra, l1e);
    if (l1e && this.trustsPageCopy(l1e, ctx)) {
      const served = this.fromTrustedPage(key, ctx, extra, l1e);
      if (served) return served;
    }
    const genAtStart = this.confirmGen();
    const sentAt = Date.now();
    const hint = l1e ? l1e.tags : this.keyTags.get(key) ?? [];
    const r = await this.callRedis('get', (store) => store.read(key, ctx?.kind, extra, l1e ? l1e.written : null, hint));
    if (r.ok) {
      this.metrics.inc('roundTrips', r.value.roundTrips);
      return this.fromRedis(key, ctx, extra, l1e, r.value, genAtStart, sentAt);
    }
    this.metrics.inc('degradedGets');
    return this.fromLocal(key, ctx, extra, l1e);
  }

  /**
   * @param {string} key
   * @param {any} ctx
   * @param {string[]} extra
   * @param {L1Entry | undefined} l1e
   * @param {ReadResult} res
   * @param {number} genAtStart confirmGen() when the read was sent
   * @param {number} sentAt wall-clock ms when the read was sent
   */
  fromRedis(key, ctx, extra, l1e, res, genAtStart, sentAt) {
    this.clock.sync(res.now);
    const gen = this.confirmedSince(genAtStart);
    for (const [t, r] of res.records) this.book.merge(t, r, gen);
    // What a malformed record held is unknown: forget what we knew, so no outage can serve on it.
    for (const t of res.malformed) this.book.forget(t);
    if (res.malformedEntry) {
      this.metrics.inc('malformedEntries'); // the script deleted it
      this.logError('malformed entry', new Error('an entry key held something else; deleted'));
    }
    if (!res.entry) {
      if (l1e) this.l1.delete(key);
      this.metrics.inc('misses');
      return null;
    }
    const { written, tags } = res.entry;
    this.clock.observe(written);
    this.rememberKeyTags(key, tags);
    const fromL1 = res.entry.payload === null && l1e !== undefined && l1e.written === written;
    const bytes = fromL1 ? /** @type {L1Entry} */ (l1e).bytes : res.entry.payload;
    if (!bytes) {
      this.metrics.inc('misses');
      return null;
    }
    const all = Array.from(new Set([...tags, ...extra]));
    if (res.malformed.size > 0 && all.some((t) => res.malformed.has(t))) {
      // Cannot prove it fresh until an invalidation of that tag overwrites the record.
      this.metrics.inc('malformedRecords');
      this.logError('malformed tag record', new Error('a tag record is not a hash; entries carrying it miss until the tag is invalidated'));
      this.metrics.inc('misses');
      return null;
    }
    let state = evaluate(written, all.map((t) => res.records.get(t)), res.now);
    state = this.queue.override(state, all);
    if (state === 'expired') {
      // Drop the L1 copy only if its own tags expired it (soft tags are per request).
      if (evaluate(written, tags.map((t) => res.records.get(t)), res.now) === 'expired') this.l1.delete(key);
      this.metrics.inc('misses');
      return null;
    }
    let env;
    try {
      env = decode(bytes);
    } catch (err) {
      this.logError('decode', err);
      this.metrics.inc('errors');
      this.l1.delete(key);
      if (!fromL1) {
        // an undecodable entry would be a miss on every read: delete it
        this.metrics.inc('malformedEntries');
        void this.callRedis('del', (store) => store.del(key, ctx?.kind));
      }
      this.metrics.inc('misses');
      return null;
    }
    if (!fromL1) {
      const ttl = typeof env.m.ttl === 'number' ? env.m.ttl : this.cfg.maxTtlSeconds;
      this.l1.set(key, { bytes, written, tags, local: false, expiresAt: written / 1000 + ttl * 1000, ...(gen >= 0 ? { confirmedAt: sentAt } : {}) });
    } else if (gen >= 0) {
      /** @type {L1Entry} */ (l1e).confirmedAt = sentAt;
    }
    // Their records were just merged: keep them in the book for as long as the entry lives.
    this.l1.noteRequestTags(key, extra);
    this.metrics.inc(fromL1 ? 'l1Hits' : 'redisHits');
    return this.result(ctx, env, written, state === 'stale');
  }

  /**
   * Serve from the L1 without Redis: L1-only mode, or Redis unreachable.
   * @param {string} key
   * @param {any} ctx
   * @param {string[]} extra
   * @param {L1Entry | undefined} l1e
   */
  fromLocal(key, ctx, extra, l1e) {
    if (!l1e) {
      this.metrics.inc('misses');
      return null;
    }
    // Entries validated against Redis need confirmed records for every tag; entries written in
    // process (or L1-only mode) are judged by what this process knows.
    const verdict = this.judgeLocally(key, extra, l1e, this.store !== null && !l1e.local);
    if (verdict === 'unproven' || verdict === 'expired') {
      this.metrics.inc('misses');
      return null;
    }
    const env = this.decodeL1(key, l1e);
    if (!env) return null;
    this.metrics.inc('l1Hits');
    return this.result(ctx, env, l1e.written, verdict === 'stale');
  }

  /**
   * May this in-process copy be served without asking Redis (see CACHE_PAGE_TRUST_MS)? Only
   * whole pages and routes: Next caches them only when they read nothing of the request, so they
   * hold no user's data, and it serves them stale-while-revalidate anyway. Only while the
   * subscriber is up, nothing waits in the outage queue, and Redis confirmed the copy recently.
   * @param {L1Entry} l1e
   * @param {any} ctx
   */
  trustsPageCopy(l1e, ctx) {
    return (
      this.cfg.pageTrustMs > 0 &&
      PAGE_KINDS.has(ctx?.kind) &&
      l1e.confirmedAt !== undefined &&
      Date.now() - l1e.confirmedAt < this.cfg.pageTrustMs &&
      this.subscriberUp &&
      this.queue.size === 0 &&
      this.breaker.allow()
    );
  }

  /**
   * A trusted page copy judged by the tag records this process holds, every one of them read from
   * Redis or received by pub/sub in the current subscription. Anything but fresh goes to Redis
   * instead (null): an unknown record, an expiry, and also a stale copy, since another instance
   * may already have stored the re-rendered page.
   * @param {string} key
   * @param {any} ctx
   * @param {string[]} extra
   * @param {L1Entry} l1e
   */
  fromTrustedPage(key, ctx, extra, l1e) {
    if (this.judgeLocally(key, extra, l1e, true, { keepExpired: true }) !== 'fresh') return null;
    const env = this.decodeL1(key, l1e);
    if (!env) return null;
    this.metrics.inc('l1Hits');
    this.metrics.inc('trustedPageHits');
    return this.result(ctx, env, l1e.written, false);
  }

  /**
   * Freshness of an L1 copy from the local TagBook. An expiry by the entry's own tags drops the
   * copy (soft/request tags are per request), unless `keepExpired`: then Redis decides.
   * @param {string} key
   * @param {string[]} extra
   * @param {L1Entry} l1e
   * @param {boolean} requireConfirmed
   * @param {{ keepExpired?: boolean }} [opts]
   * @returns {Freshness | 'unproven'}
   */
  judgeLocally(key, extra, l1e, requireConfirmed, opts = {}) {
    /** @type {TagRecord[]} */
    const own = [];
    /** @type {TagRecord[]} */
    const records = [];
    const ownTags = new Set(l1e.tags);
    for (const t of new Set([...l1e.tags, ...extra])) {
      const r = this.book.lookup(t, requireConfirmed);
      if (r === null || (r === undefined && requireConfirmed)) return 'unproven';
      if (!r) continue;
      records.push(r);
      if (ownTags.has(t)) own.push(r);
    }
    const now = this.clock.peek();
    const state = evaluate(l1e.written, records, now);
    if (state === 'expired' && !opts.keepExpired && evaluate(l1e.written, own, now) === 'expired') this.l1.delete(key);
    return state;
  }

  /**
   * The envelope of an in-process copy; an undecodable one is dropped and counts as a miss.
   * @param {string} key
   * @param {L1Entry} l1e
   */
  decodeL1(key, l1e) {
    try {
      return decode(l1e.bytes);
    } catch (err) {
      this.logError('decode', err);
      this.metrics.inc('errors');
      this.l1.delete(key);
      this.metrics.inc('misses');
      return null;
    }
  }

  /**
   * @param {string} key
   * @param {any} ctx
   * @param {L1Entry} l1e
   */
  serveImmutable(key, ctx, l1e) {
    const env = this.decodeL1(key, l1e);
    if (!env) return null;
    this.metrics.inc('l1Hits');
    this.metrics.inc('immutableHits');
    return this.result(ctx, env, l1e.written, false);
  }

  /**
   * @param {any} ctx
   * @param {{ v: any, m: Record<string, any> }} env
   * @param {number} written µs
   * @param {boolean} stale
   * @returns {CacheHandlerValue}
   */
  result(ctx, env, written, stale) {
    if (stale) this.metrics.inc('staleServes');
    return buildResult(ctx, env, written, stale);
  }

  // ───────────────────────────────────────────── set ──────────────────────────────────────────

  /**
   * @param {string} key
   * @param {any} data
   * @param {any} [ctx]
   */
  async set(key, data, ctx = {}) {
    this.metrics.inc('sets');
    const tags = entryTags(data, ctx);
    const ttl = ttlSeconds(ctx, this.cfg.maxTtlSeconds);
    const cc = storedCacheControl(ctx);
    let bytes;
    try {
      bytes = encode(data, cc ? { cc, ttl } : { ttl });
    } catch (err) {
      this.metrics.inc('errors');
      this.logError('encode', err);
      return;
    }
    if (bytes.length > this.cfg.maxEntryBytes) {
      this.metrics.inc('oversizeSkips');
      // do not keep serving an older version of something we were asked to replace
      this.l1.delete(key);
      await this.callRedis('del', (store) => store.del(key, data?.kind));
      return;
    }
    const expiresAt = Date.now() + ttl * 1000;
    const r = await this.callRedis('set', (store) => store.write(key, data?.kind, bytes, tags, ttl * 1000));
    if (r.ok) {
      const { written, superseded } = r.value;
      if (superseded > 0) this.metrics.inc('slotSupersedes', superseded);
      this.clock.observe(written);
      this.metrics.inc('redisWrites');
      this.metrics.inc('bytesWritten', bytes.length);
      this.rememberKeyTags(key, tags);
      // Not yet trusted (no confirmedAt): the records of its tags are read by the first get.
      this.l1.set(key, { bytes, written, tags, local: false, expiresAt });
      return;
    }
    this.l1.set(key, { bytes, written: this.clock.now(), tags, local: true, expiresAt });
  }

  // ──────────────────────────────────────── revalidateTag ─────────────────────────────────────

  /**
   * An app with both interfaces gets every revalidateTag / updateTag twice from Next, in the same
   * event-loop turn (next/dist/server/revalidation-utils.js: each cacheHandlers handler's
   * updateTags, then the incremental cache's revalidateTag). Both reach this core and mean the
   * same tag records, so an identical invalidation issued in the same turn while the first is
   * still running shares its Redis call instead of writing the records again (one that starts
   * after the first settled, e.g. after an await, always runs: a set may have come in between).
   * @param {string | string[]} tagOrTags
   * @param {{ expire?: number }} [durations]
   * @returns {Promise<void>}
   */
  revalidateTag(tagOrTags, durations) {
    const tags = Array.from(new Set(cleanTags(typeof tagOrTags === 'string' ? [tagOrTags] : tagOrTags)));
    if (tags.length === 0) return Promise.resolve();
    const op = tagOpOf(durations);
    const id = JSON.stringify([[...tags].sort(), op]);
    const same = this.thisTurnInvalidations.get(id);
    if (same) {
      this.metrics.inc('invalidationsCoalesced', tags.length);
      return same;
    }
    if (this.thisTurnInvalidations.size === 0) setImmediate(() => this.thisTurnInvalidations.clear());
    const running = this.invalidate(tags, op);
    this.thisTurnInvalidations.set(id, running);
    const settled = () => {
      if (this.thisTurnInvalidations.get(id) === running) this.thisTurnInvalidations.delete(id);
    };
    running.then(settled, settled);
    return running;
  }

  /**
   * @param {string[]} tags
   * @param {TagOp} op
   */
  async invalidate(tags, op) {
    this.metrics.inc('invalidationsLocal', tags.length);
    if (op.kind === 'expire') for (const t of tags) this.l1.deleteByTag(t);
    if (this.store) {
      const genAtStart = this.confirmGen();
      const r = await this.callRedis('revalidateTag', (store) => store.invalidate(tags, op));
      if (r.ok) {
        this.clock.sync(r.value.now);
        const gen = this.confirmedSince(genAtStart);
        for (const [t, rec] of r.value.records) this.book.merge(t, rec, gen);
        return;
      }
      // Not applied in Redis (unreachable or an error reply): keep it for replay, apply it locally.
      this.queue.add(tags, op);
      this.metrics.inc('invalidationsQueued', tags.length);
      this.queue.schedule(() => void this.replayTick());
    }
    const now = this.clock.now();
    for (const t of tags) this.book.apply(t, op, now);
  }

  resetRequestCache() {}

  // ─────────────────────────────────────── Redis plumbing ─────────────────────────────────────

  /**
   * The one way a cache operation calls Redis: within one time budget, replay what the outage
   * queue holds first (nothing is read from or written to Redis over a queued invalidation), then
   * the store call; the breaker learns the outcome, failures classified (budget.mjs).
   * @template T
   * @param {string} op for logs
   * @param {(store: RedisStore) => Promise<T>} call
   * @returns {Promise<RedisOutcome<T>>}
   */
  async callRedis(op, call) {
    const store = this.store;
    if (!store) return { ok: false, reason: 'unavailable' };
    const budget = await this.redisBudget();
    if (budget <= 0) return { ok: false, reason: 'unavailable' };
    try {
      const value = await withDeadline(async () => {
        if (this.queue.size > 0) await this.flushPending();
        return call(store);
      }, budget);
      this.breaker.success();
      return { ok: true, value };
    } catch (err) {
      return { ok: false, reason: this.failure(err, op) };
    }
  }

  /**
   * May this operation use Redis, and with which budget (ms; 0 = no)? One command timeout,
   * counted from when the operation is issued rather than from when get/set/revalidateTag was
   * entered: the caller may have blocked the event loop in between (a synchronous render), and
   * that is no time spent waiting on Redis. Only the wait for the very first connection is taken
   * out of the budget, so that wait plus the operation still stay within one timeout.
   */
  async redisBudget() {
    const store = this.store;
    if (!store || !this.breaker.allow()) return 0;
    const budget = this.cfg.timeoutMs;
    if (store.isReady()) return budget;
    if (!store.everReady) {
      const started = Date.now();
      if (await store.waitReady(budget)) return Math.max(1, budget - (Date.now() - started));
    }
    this.failure(new Error(`Redis connection ${store.status}`), 'connect');
    return 0;
  }

  /**
   * @param {unknown} err
   * @param {string} op
   * @returns {'connection' | 'command'}
   */
  failure(err, op) {
    this.metrics.inc('errors');
    if (classify(err) === 'command') {
      // Redis answered: the connection is fine, this command or key is not (see budget.mjs).
      this.metrics.inc('commandErrors');
      this.logError(`${op} command`, err);
      this.breaker.success();
      return 'command';
    }
    if (isTimeout(err)) this.metrics.inc('timeouts');
    if (this.cfg.debug) this.logger.warn(`[cache] ${op} failed: ${describe(err)}`);
    this.breaker.failure(err);
    return 'connection';
  }

  /**
   * Log non-breaker errors at most once a minute per kind.
   * @param {string} kind
   * @param {unknown} err
   */
  logError(kind, err) {
    const now = Date.now();
    if ((this.errorLogAt.get(kind) ?? 0) > now - 60_000) return;
    this.errorLogAt.set(kind, now);
    this.logger.error(`[cache] ${kind} error: ${describe(err)}`);
  }

  /** Half-open probe: Redis answers AND the queued tag changes are applied, before closing. */
  async probe() {
    const store = this.store;
    if (!store) return;
    if (!store.isReady()) throw new Error(`Redis connection ${store.status}`);
    const now = await withDeadline(() => store.ping(), this.cfg.timeoutMs);
    this.clock.sync(now);
    await withDeadline(() => this.flushPending(), Math.max(this.cfg.timeoutMs, 1000));
  }

  /** Replay queued tag changes (shared by concurrent callers). */
  async flushPending() {
    const store = this.store;
    if (!store || this.queue.size === 0) return;
    const genAtStart = this.confirmGen();
    await this.queue.flush(
      async (groups) => {
        const results = await Promise.all(groups.map((g) => store.invalidate(g.tags, g.op)));
        const gen = this.confirmedSince(genAtStart);
        for (const res of results) {
          this.clock.sync(res.now);
          for (const [t, r] of res.records) this.book.merge(t, r, gen);
        }
      },
      (replayed) => {
        this.metrics.inc('invalidationsReplayed', replayed);
        if (replayed > 0) this.logger.info(`[cache] replayed ${replayed} tag invalidation(s) queued while Redis was unreachable`);
      },
    );
  }

  /**
   * One background replay attempt. With the breaker open, the probe does it (ping + replay,
   * then close): probing every REPLAY_INTERVAL_MS instead of once per cooldown while something is
   * queued, so the queue reaches Redis within about one interval of Redis answering again.
   */
  async replayTick() {
    const store = this.store;
    if (!store || this.closed || this.queue.size === 0) return;
    if (this.breaker.state === 'open') this.breaker.probeSoon();
    else if (this.breaker.state === 'closed' && store.isReady()) await this.callRedis('replay', async () => {});
    this.queue.schedule(() => void this.replayTick());
  }

  /**
   * Shutdown: try (bounded by `timeoutMs`) to bring queued invalidations to Redis, whatever the
   * breaker says. Resolves true when nothing is left queued.
   * @param {number} [timeoutMs]
   */
  async drain(timeoutMs = this.cfg.drainTimeoutMs) {
    const store = this.store;
    if (!store || this.queue.size === 0) return true;
    const until = Date.now() + timeoutMs;
    const queued = this.queue.size;
    while (this.queue.size > 0 && Date.now() < until) {
      if (store.isReady()) {
        try {
          await withDeadline(() => this.flushPending(), Math.max(1, until - Date.now()));
          continue;
        } catch {
          // retry until the deadline
        }
      }
      await new Promise((r) => setTimeout(r, Math.max(1, Math.min(50, until - Date.now()))));
    }
    if (this.queue.size > 0) {
      this.logger.warn(`[cache] exiting with ${this.queue.size} tag invalidation(s) that never reached Redis`);
      return false;
    }
    this.logger.info(`[cache] drained ${queued} queued tag invalidation(s) before exit`);
    return true;
  }

  /** Generation a record read now would be confirmed for (-1: subscriber not subscribed). */
  confirmGen() {
    return this.subscriberUp ? this.book.gen : -1;
  }

  /**
   * A record read by a request that started at generation `genAtStart` is complete only if the
   * subscriber stayed subscribed (same generation) for the whole request.
   * @param {number} genAtStart
   */
  confirmedSince(genAtStart) {
    return this.subscriberUp && genAtStart === this.book.gen ? genAtStart : -1;
  }

  /** @param {Array<[string, TagRecord]>} records */
  onRemoteInvalidation(records) {
    this.metrics.inc('invalidationsRemote', records.length);
    const now = this.clock.peek();
    for (const [tag, rec] of records) {
      this.book.merge(tag, rec, this.book.gen);
      this.clock.observe(Math.max(rec.s, rec.x, rec.p));
      const r = foldRecord(rec, now);
      if (r.x > 0) this.l1.deleteByTag(tag, r.x); // memory hygiene; freshness is checked anyway
    }
  }

  /**
   * @param {string} key
   * @param {string[]} tags
   */
  rememberKeyTags(key, tags) {
    if (!this.store) return;
    this.keyTags.delete(key);
    this.keyTags.set(key, tags);
    if (this.keyTags.size > KEY_TAG_MEMO_MAX) {
      const oldest = this.keyTags.keys().next();
      if (!oldest.done) this.keyTags.delete(oldest.value);
    }
  }

  // ──────────────────────────────────────── observability ─────────────────────────────────────

  getStats() {
    return statsOf(this);
  }

  /**
   * Health for /api/health. Pings Redis with its own short timeout; never includes URLs/secrets.
   * @param {{ timeoutMs?: number }} [opts]
   */
  getHealth(opts = {}) {
    return healthOf(this, opts);
  }

  /**
   * Register prom-client collectors on `registry` (idempotent).
   * @param {any} registry
   * @param {any} [promClient]
   */
  registerMetrics(registry, promClient) {
    return registerCacheMetrics(registry, () => this.getStats(), promClient);
  }

  /** Tests / embedding: wait until Redis is connected and the subscriber subscribed (bounded). */
  async ready(timeoutMs = 5000) {
    const store = this.store;
    if (!store) return true;
    const until = Date.now() + timeoutMs;
    await store.waitReady(timeoutMs);
    while (!this.subscriberUp && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    return store.isReady() && this.subscriberUp;
  }

  async close() {
    this.closed = true;
    this.queue.stop();
    clearInterval(this.pruneTimer);
    this.breaker.stop();
    await this.store?.close();
  }
}
