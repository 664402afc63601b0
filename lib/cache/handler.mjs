// @ts-check
/**
 * CacheCore: the cache behind cache-handler.mjs (one per process; tests create several to
 * simulate several app instances).
 *
 * ── What `get` returns (Next 16 contract, from next/dist/server/lib/incremental-cache) ─────────
 * Next does not read an `isStale` flag from a handler. It recomputes staleness from what we return:
 *   FETCH:        isStale = (now - lastModified)/1000 > (ctx.revalidate || value.revalidate)
 *   APP_PAGE/...: revalidateAfter = lastModified + cacheControl.revalidate*1000; isStale = true if
 *                 that passed, -1 (blocking re-render) if lastModified + cacheControl.expire*1000
 *                 passed. `cacheControl` we return wins over Next's in-process one.
 *   null:         a miss (blocking render).
 * Next's own tag manifest lives in one process, so this handler enforces tags itself:
 *   expired by a tag  -> null
 *   stale by a tag    -> the old value with `lastModified` moved back just past its revalidate
 *                        period (and inside `expire`), so Next serves it once and re-renders it in
 *                        the background (SWR), exactly like Next's file-system cache + manifest do.
 *                        Entries whose revalidate is `false` get `cacheControl.revalidate = 1` on
 *                        that one response, otherwise Next could never see them as stale.
 *   fresh             -> lastModified = the entry's written-at.
 *
 * ── Consistency of the L1 (why it never serves data older than a tag change visible in Redis) ─
 * 1. While Redis is reachable, EVERY get makes exactly one round trip that returns the current
 *    tag records of all the entry's tags (own tags + request tags + soft tags) and the entry's
 *    written-at. The L1 only saves the payload transfer and nothing else: if the L1 copy has the
 *    same written-at as Redis, the script omits the payload and the L1 bytes are used. Freshness
 *    is always decided from records read in that same round trip, so any revalidateTag that
 *    completed in Redis before the get started is seen, whatever instance made it and whether or
 *    not its pub/sub message has arrived. (No tag-epoch/version counter is needed: reading the
 *    records themselves costs the same round trip and is exact.)
 * 2. A tag change that could not reach Redis is queued (deduped per tag, expire beats stale) and
 *    applied to the local TagBook and L1 at once. Before ANY later read from Redis the queue is
 *    replayed (the breaker only closes after the probe replayed it; a get with a non-empty queue
 *    replays first, within its time budget). Until then entries carrying a queued tag read from
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
import { TagBook, HybridClock, evaluate, strongerOp, foldRecord } from './tags.mjs';
import { CircuitBreaker, describe } from './breaker.mjs';
import { withDeadline, isTimeout, classify } from './budget.mjs';
import { CacheMetrics, registerCacheMetrics } from './metrics.mjs';
import { RedisStore } from './redis-store.mjs';

/** @typedef {import('./config.mjs').CacheConfig} CacheConfig */
/** @typedef {import('./tags.mjs').TagRecord} TagRecord */
/** @typedef {import('./tags.mjs').TagOp} TagOp */
/** @typedef {import('./tags.mjs').Freshness} Freshness */
/** @typedef {import('./l1.mjs').L1Entry} L1Entry */
/** @typedef {{ info: (...a: any[]) => void, warn: (...a: any[]) => void, error: (...a: any[]) => void }} Logger */
/** @typedef {{ revalidate: number | false, expire: number | undefined }} CacheControl */
/** @typedef {{ lastModified: number, value: any, cacheControl?: CacheControl }} CacheHandlerValue */

const NEXT_CACHE_TAGS_HEADER = 'x-next-cache-tags';
/** Next's INFINITE_CACHE (0xfffffffe seconds) */
const INFINITE_CACHE = 0xfffffffe;
const KEY_TAG_MEMO_MAX = 50_000;
/** While invalidations are queued, how often the background replay tries Redis (ms). */
const REPLAY_INTERVAL_MS = 200;

/**
 * @param {unknown} list
 * @returns {string[]}
 */
function cleanTags(list) {
  if (!Array.isArray(list)) return [];
  return list.filter((t) => typeof t === 'string' && t.length > 0);
}

/**
 * Tags stored with an entry: FETCH -> ctx.tags + data.tags; APP_PAGE / APP_ROUTE / PAGES -> the
 * x-next-cache-tags header (it includes the implicit _N_T_ path tags, so revalidatePath works).
 * @param {any} data
 * @param {any} ctx
 * @returns {string[]}
 */
function entryTags(data, ctx) {
  /** @type {Set<string>} */
  const out = new Set();
  if (data && data.kind === 'FETCH') {
    for (const t of cleanTags(ctx?.tags)) out.add(t);
    for (const t of cleanTags(data.tags)) out.add(t);
  }
  const header = data?.headers?.[NEXT_CACHE_TAGS_HEADER];
  const parts = typeof header === 'string' ? header.split(',') : Array.isArray(header) ? header.flatMap((h) => String(h).split(',')) : [];
  for (const t of parts) if (t) out.add(t);
  return Array.from(out);
}

/**
 * Tags a get request brings: its own tags and soft (implicit) tags.
 * @param {any} ctx
 */
function requestTags(ctx) {
  if (!ctx) return [];
  return Array.from(new Set([...cleanTags(ctx.tags), ...cleanTags(ctx.softTags)]));
}

export class CacheCore {
  /**
   * @param {{
   *   buildId?: string,
   *   env?: Record<string, string|undefined>,
   *   config?: Partial<CacheConfig>,
   *   logger?: Logger,
   *   instanceId?: string,
   *   replayIntervalMs?: number,
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
    /** @type {Map<string, { op: TagOp, seq: number }>} tag changes not yet applied in Redis */
    this.pending = new Map();
    this.pendingSeq = 0;
    /** @type {Promise<void> | null} */
    this.flushing = null;
    /** @type {Map<string, string[]>} cluster mode: key -> tags memo, to read them in the same round trip */
    this.keyTags = new Map();
    this.subscriberUp = false;
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
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.replayTimer = undefined;
    this.replayIntervalMs = opts.replayIntervalMs ?? REPLAY_INTERVAL_MS;
    this.closed = false;
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
    if (this.store) {
      const budget = await this.redisBudget();
      if (budget > 0) {
        try {
          const store = this.store;
          const genAtStart = this.confirmGen();
          const res = await withDeadline(async () => {
            if (this.pending.size > 0) await this.flushPending();
            const hint = l1e ? l1e.tags : this.keyTags.get(key) ?? [];
            return store.read(key, ctx?.kind, extra, l1e ? l1e.written : null, hint);
          }, budget);
          this.breaker.success();
          this.metrics.inc('roundTrips', res.roundTrips);
          return this.fromRedis(key, ctx, extra, l1e, res, genAtStart);
        } catch (err) {
          this.failure(err, 'get');
        }
      }
      this.metrics.inc('degradedGets');
    }
    return this.fromLocal(key, ctx, extra, l1e);
  }

  /**
   * @param {string} key
   * @param {any} ctx
   * @param {string[]} extra
   * @param {L1Entry | undefined} l1e
   * @param {import('./redis-store.mjs').ReadResult} res
   * @param {number} genAtStart confirmGen() when the read was sent
   */
  fromRedis(key, ctx, extra, l1e, res, genAtStart) {
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
    state = this.applyPendingOverride(state, all);
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
        const store = this.store;
        if (store) void withDeadline(() => store.del(key, ctx?.kind), this.cfg.timeoutMs).catch(() => {});
      }
      this.metrics.inc('misses');
      return null;
    }
    if (!fromL1) {
      const ttl = typeof env.m.ttl === 'number' ? env.m.ttl : this.cfg.maxTtlSeconds;
      this.l1.set(key, { bytes, written, tags, local: false, expiresAt: written / 1000 + ttl * 1000 });
    }
    // Their records were just merged: keep them in the book for as long as the entry lives.
    this.l1.noteRequestTags(key, extra);
    this.metrics.inc(fromL1 ? 'l1Hits' : 'redisHits');
    return this.buildResult(ctx, env, written, state === 'stale');
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
    const requireConfirmed = this.store !== null && !l1e.local;
    /** @type {TagRecord[]} */
    const own = [];
    /** @type {TagRecord[]} */
    const records = [];
    const ownTags = new Set(l1e.tags);
    for (const t of new Set([...l1e.tags, ...extra])) {
      const r = this.book.lookup(t, requireConfirmed);
      if (r === null || (r === undefined && requireConfirmed)) {
        this.metrics.inc('misses');
        return null; // cannot prove it is fresh
      }
      if (!r) continue;
      records.push(r);
      if (ownTags.has(t)) own.push(r);
    }
    const now = this.clock.peek();
    const state = evaluate(l1e.written, records, now);
    if (state === 'expired') {
      if (evaluate(l1e.written, own, now) === 'expired') this.l1.delete(key);
      this.metrics.inc('misses');
      return null;
    }
    let env;
    try {
      env = decode(l1e.bytes);
    } catch (err) {
      this.logError('decode', err);
      this.metrics.inc('errors');
      this.l1.delete(key);
      this.metrics.inc('misses');
      return null;
    }
    this.metrics.inc('l1Hits');
    return this.buildResult(ctx, env, l1e.written, state === 'stale');
  }

  /**
   * @param {string} key
   * @param {any} ctx
   * @param {L1Entry} l1e
   */
  serveImmutable(key, ctx, l1e) {
    let env;
    try {
      env = decode(l1e.bytes);
    } catch (err) {
      this.logError('decode', err);
      this.metrics.inc('errors');
      this.l1.delete(key);
      this.metrics.inc('misses');
      return null;
    }
    this.metrics.inc('l1Hits');
    this.metrics.inc('immutableHits');
    return this.buildResult(ctx, env, l1e.written, false);
  }

  /**
   * Entries carrying a tag whose change has not reached Redis yet are judged by that change.
   * @param {Freshness} state
   * @param {string[]} tags
   * @returns {Freshness}
   */
  applyPendingOverride(state, tags) {
    if (this.pending.size === 0 || state === 'expired') return state;
    for (const t of tags) {
      const p = this.pending.get(t);
      if (!p) continue;
      if (p.op.kind === 'expire') return 'expired';
      state = 'stale';
    }
    return state;
  }

  /**
   * @param {any} ctx
   * @param {{ v: any, m: Record<string, any> }} env
   * @param {number} written µs
   * @param {boolean} stale
   * @returns {CacheHandlerValue}
   */
  buildResult(ctx, env, written, stale) {
    const value = env.v;
    /** @type {CacheControl | undefined} */
    const cc = env.m.cc ?? undefined;
    const lastModified = written / 1000;
    if (!stale) return cc ? { lastModified, value, cacheControl: cc } : { lastModified, value };
    this.metrics.inc('staleServes');
    const nowMs = Date.now();
    if (value && value.kind === 'FETCH') {
      const rv = ctx?.revalidate || value.revalidate;
      const lm = typeof rv === 'number' && rv > 0 ? nowMs - (rv + 1) * 1000 : nowMs - 1000;
      return { lastModified: Math.min(lm, lastModified), value };
    }
    if (cc && typeof cc.revalidate === 'number' && cc.revalidate > 0) {
      let lm = nowMs - (cc.revalidate + 1) * 1000;
      // stay inside `expire`, or Next would block on a re-render instead of serving stale
      if (typeof cc.expire === 'number' && nowMs - lm >= cc.expire * 1000) lm = nowMs - cc.revalidate * 1000 - 1;
      return { lastModified: Math.min(lm, lastModified), value, cacheControl: cc };
    }
    return { lastModified: Math.min(nowMs - 2000, lastModified), value, cacheControl: { revalidate: 1, expire: cc?.expire } };
  }

  // ───────────────────────────────────────────── set ──────────────────────────────────────────

  /**
   * TTL (seconds): the entry's `expire` when Next gives one (after it the entry can only cause a
   * blocking re-render), else the ceiling: with only a revalidate period Next keeps serving the
   * entry stale-while-revalidate, so it must outlive that period. Always <= CACHE_MAX_TTL_SECONDS.
   * @param {any} ctx
   */
  ttlSeconds(ctx) {
    const ceiling = this.cfg.maxTtlSeconds;
    const cc = ctx?.cacheControl;
    let ttl = ceiling;
    if (cc && typeof cc.expire === 'number' && cc.expire > 0 && cc.expire < INFINITE_CACHE) {
      const rv = typeof cc.revalidate === 'number' ? cc.revalidate : 0;
      ttl = Math.max(cc.expire, rv);
    }
    return Math.max(1, Math.min(ceiling, Math.ceil(ttl)));
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {any} [ctx]
   */
  async set(key, data, ctx = {}) {
    this.metrics.inc('sets');
    const tags = entryTags(data, ctx);
    const ttl = this.ttlSeconds(ctx);
    const cc = ctx && !ctx.fetchCache && ctx.cacheControl ? { revalidate: ctx.cacheControl.revalidate, expire: ctx.cacheControl.expire } : undefined;
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
      if (this.store && this.breaker.allow() && this.store.isReady()) {
        const store = this.store;
        await withDeadline(() => store.del(key, data?.kind), this.cfg.timeoutMs).catch((err) => this.failure(err, 'del'));
      }
      return;
    }
    const expiresAt = Date.now() + ttl * 1000;
    if (this.store) {
      const budget = await this.redisBudget();
      if (budget > 0) {
        try {
          const store = this.store;
          const { written, superseded } = await withDeadline(() => store.write(key, data?.kind, bytes, tags, ttl * 1000), budget);
          this.breaker.success();
          if (superseded > 0) this.metrics.inc('slotSupersedes', superseded);
          this.clock.observe(written);
          this.metrics.inc('redisWrites');
          this.metrics.inc('bytesWritten', bytes.length);
          this.rememberKeyTags(key, tags);
          this.l1.set(key, { bytes, written, tags, local: false, expiresAt });
          return;
        } catch (err) {
          this.failure(err, 'set');
        }
      }
    }
    this.l1.set(key, { bytes, written: this.clock.now(), tags, local: true, expiresAt });
  }

  // ──────────────────────────────────────── revalidateTag ─────────────────────────────────────

  /**
   * @param {string | string[]} tagOrTags
   * @param {{ expire?: number }} [durations]
   */
  async revalidateTag(tagOrTags, durations) {
    const tags = Array.from(new Set(cleanTags(typeof tagOrTags === 'string' ? [tagOrTags] : tagOrTags)));
    if (tags.length === 0) return;
    /** @type {TagOp} */
    const op = durations
      ? durations.expire !== undefined && Number.isFinite(Number(durations.expire))
        ? { kind: 'stale', expire: Number(durations.expire) }
        : { kind: 'stale' }
      : { kind: 'expire' };
    this.metrics.inc('invalidationsLocal', tags.length);
    if (op.kind === 'expire') for (const t of tags) this.l1.deleteByTag(t);
    if (this.store) {
      const budget = await this.redisBudget();
      if (budget > 0) {
        try {
          const store = this.store;
          const genAtStart = this.confirmGen();
          const res = await withDeadline(async () => {
            if (this.pending.size > 0) await this.flushPending();
            return store.invalidate(tags, op);
          }, budget);
          this.breaker.success();
          this.clock.sync(res.now);
          const gen = this.confirmedSince(genAtStart);
          for (const [t, r] of res.records) this.book.merge(t, r, gen);
          return;
        } catch (err) {
          this.failure(err, 'revalidateTag');
        }
      }
      // Redis unreachable: keep the change (strongest per tag) for replay, apply it locally now.
      for (const t of tags) {
        const cur = this.pending.get(t);
        this.pending.set(t, { op: strongerOp(cur?.op, op), seq: ++this.pendingSeq });
      }
      this.metrics.inc('invalidationsQueued', tags.length);
      this.schedulePendingReplay();
    }
    const now = this.clock.now();
    for (const t of tags) this.book.apply(t, op, now);
  }

  resetRequestCache() {}

  // ─────────────────────────────────────── Redis plumbing ─────────────────────────────────────

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
   */
  failure(err, op) {
    this.metrics.inc('errors');
    if (classify(err) === 'command') {
      // Redis answered: the connection is fine, this command or key is not (see budget.mjs).
      this.metrics.inc('commandErrors');
      this.logError(`${op} command`, err);
      this.breaker.success();
      return;
    }
    if (isTimeout(err)) this.metrics.inc('timeouts');
    if (this.cfg.debug) this.logger.warn(`[cache] ${op} failed: ${describe(err)}`);
    this.breaker.failure(err);
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
  flushPending() {
    if (this.flushing) return this.flushing;
    const store = this.store;
    if (!store || this.pending.size === 0) return Promise.resolve();
    const snapshot = new Map(this.pending);
    const run = async () => {
      const genAtStart = this.confirmGen();
      /** @type {Map<string, { op: TagOp, tags: string[] }>} */
      const groups = new Map();
      for (const [tag, { op }] of snapshot) {
        const k = op.kind === 'expire' ? 'x' : `s:${op.expire ?? ''}`;
        let g = groups.get(k);
        if (!g) groups.set(k, (g = { op, tags: [] }));
        g.tags.push(tag);
      }
      const results = await Promise.all(Array.from(groups.values(), (g) => store.invalidate(g.tags, g.op)));
      const gen = this.confirmedSince(genAtStart);
      for (const res of results) {
        this.clock.sync(res.now);
        for (const [t, r] of res.records) this.book.merge(t, r, gen);
      }
      let replayed = 0;
      for (const [tag, entry] of snapshot) {
        if (this.pending.get(tag)?.seq === entry.seq) {
          this.pending.delete(tag);
          replayed++;
        }
      }
      this.metrics.inc('invalidationsReplayed', replayed);
      if (replayed > 0) this.logger.info(`[cache] replayed ${replayed} tag invalidation(s) queued while Redis was unreachable`);
    };
    this.flushing = run().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** While invalidations are queued, keep trying Redis in the background (not on the next call). */
  schedulePendingReplay() {
    if (this.replayTimer || this.closed || !this.store || this.pending.size === 0 || this.replayIntervalMs <= 0) return;
    this.replayTimer = setTimeout(() => {
      this.replayTimer = undefined;
      void this.replayTick();
    }, this.replayIntervalMs);
    this.replayTimer.unref?.();
  }

  /**
   * One background replay attempt. With the breaker open, the probe does it (ping + replay,
   * then close): probing every REPLAY_INTERVAL_MS instead of once per cooldown while something is
   * queued, so the queue reaches Redis within about one interval of Redis answering again.
   */
  async replayTick() {
    const store = this.store;
    if (!store || this.closed || this.pending.size === 0) return;
    if (this.breaker.state === 'open') {
      this.breaker.probeSoon();
    } else if (this.breaker.state === 'closed' && store.isReady()) {
      try {
        await withDeadline(() => this.flushPending(), Math.max(this.cfg.timeoutMs, 1000));
        this.breaker.success();
      } catch (err) {
        this.failure(err, 'replay');
      }
    }
    this.schedulePendingReplay();
  }

  /**
   * Shutdown: try (bounded by `timeoutMs`) to bring queued invalidations to Redis, whatever the
   * breaker says. Resolves true when nothing is left queued.
   * @param {number} [timeoutMs]
   */
  async drain(timeoutMs = this.cfg.drainTimeoutMs) {
    const store = this.store;
    if (!store || this.pending.size === 0) return true;
    const until = Date.now() + timeoutMs;
    const queued = this.pending.size;
    while (this.pending.size > 0 && Date.now() < until) {
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
    if (this.pending.size > 0) {
      this.logger.warn(`[cache] exiting with ${this.pending.size} tag invalidation(s) that never reached Redis`);
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
    const c = this.metrics.snapshot();
    const hits = c.l1Hits + c.redisHits;
    return {
      mode: this.cfg.mode,
      redis: this.store ? (this.store.isReady() ? 'connected' : this.store.status) : 'disabled',
      breakerState: this.breaker.state,
      subscriber: this.store ? (this.subscriberUp ? 'subscribed' : 'down') : 'disabled',
      pendingInvalidations: this.pending.size,
      counters: c,
      hitRatio: c.gets > 0 ? hits / c.gets : 0,
      l1HitRatio: c.gets > 0 ? c.l1Hits / c.gets : 0,
      l1: { bytes: this.l1.bytes, entries: this.l1.size, maxBytes: this.l1.maxBytes, evictions: this.l1.evictions },
      tagRecordsCached: this.book.size,
    };
  }

  /**
   * Health for /api/health. Pings Redis with its own short timeout; never includes URLs/secrets.
   * @param {{ timeoutMs?: number }} [opts]
   */
  async getHealth(opts = {}) {
    const stats = this.getStats();
    /** @type {'disabled' | 'up' | 'down'} */
    let redis = 'disabled';
    /** @type {number | null} */
    let latencyMs = null;
    const store = this.store;
    if (store) {
      redis = 'down';
      if (store.isReady()) {
        const started = performance.now();
        const timeout = opts.timeoutMs ?? Math.min(1000, Math.max(100, this.cfg.timeoutMs));
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
    clearTimeout(this.replayTimer);
    clearInterval(this.pruneTimer);
    this.breaker.stop();
    await this.store?.close();
  }
}
