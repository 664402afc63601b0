// @ts-check
/**
 * Tag records and the freshness check.
 *
 * Times are integers in MICROSECONDS. In Redis mode every entry's written-at time (W) and every
 * tag-record time come from the Redis server (TIME inside the Lua scripts, made strictly
 * increasing by a `clock` key in standalone mode), so they are totally ordered: "an entry written
 * after the tag change" is decided by one clock, not by the clocks of the app instances.
 * In-process-only times (L1-only mode, or changes made while Redis is unreachable) come from
 * `HybridClock`, which never goes backwards and always runs ahead of every Redis time it saw.
 *
 * A tag record is { s, x, p, pa } (0 = unset):
 *   s   stale mark: entries written before s are stale (served once, refreshed in background)
 *   x   expiry mark: entries written before x are expired (miss)
 *   p   pending expiry mark, active from pa: entries written before p are expired once now >= pa
 *   pa  activation time of p
 *
 * Operations (what Next sends to `revalidateTag(tags, durations)`):
 *   { kind: 'expire' }               no durations (updateTag): x = now
 *   { kind: 'stale', expire: E }     durations {expire: E} ('max' profile = 1 year):
 *                                    s = now, and at now+E the entries written before now expire
 *   { kind: 'stale' }                durations {} : stale only
 *
 * Unlike Next's own tags manifest (which overwrites `expired` with now+E and can therefore turn an
 * earlier hard expiry back into "stale"), merging never weakens a record: x and s only grow, and
 * two pending expiries combine to the larger mark with the earlier activation (never later, never
 * less). Merging is commutative and idempotent, so records can be combined from Redis replies,
 * pub/sub messages, local changes and replays in any order.
 */

/** @typedef {{ s: number, x: number, p: number, pa: number }} TagRecord */
/** @typedef {{ kind: 'expire' } | { kind: 'stale', expire?: number }} TagOp */
/** @typedef {'fresh' | 'stale' | 'expired'} Freshness */

/** @returns {TagRecord} */
export function emptyRecord() {
  return { s: 0, x: 0, p: 0, pa: 0 };
}

/**
 * Turn a pending expiry whose activation time has passed into a plain expiry mark.
 * @param {TagRecord} r
 * @param {number} now
 * @returns {TagRecord}
 */
export function foldRecord(r, now) {
  if (r.pa > 0 && r.pa <= now) return { s: r.s, x: Math.max(r.x, r.p), p: 0, pa: 0 };
  return r;
}

/**
 * @param {TagRecord} a
 * @param {TagRecord} b
 * @returns {TagRecord}
 */
export function mergeRecords(a, b) {
  let p = 0;
  let pa = 0;
  if (a.pa > 0 && b.pa > 0) {
    p = Math.max(a.p, b.p);
    pa = Math.min(a.pa, b.pa);
  } else if (a.pa > 0) {
    p = a.p;
    pa = a.pa;
  } else if (b.pa > 0) {
    p = b.p;
    pa = b.pa;
  }
  return { s: Math.max(a.s, b.s), x: Math.max(a.x, b.x), p, pa };
}

/**
 * Apply one operation at time `now` (µs). Mirrors the Lua in redis-store.mjs.
 * @param {TagRecord} rec
 * @param {TagOp} op
 * @param {number} now
 * @returns {TagRecord}
 */
export function applyOp(rec, op, now) {
  const r = { ...foldRecord(rec, now) };
  if (op.kind === 'expire') {
    r.x = Math.max(r.x, now);
    return r;
  }
  r.s = Math.max(r.s, now);
  if (op.expire !== undefined) {
    const act = Math.floor(now + Math.max(0, op.expire) * 1e6); // integral µs, as the Lua twin
    if (act <= now) r.x = Math.max(r.x, now);
    else return mergeRecords(r, { s: 0, x: 0, p: now, pa: act });
  }
  return r;
}

/**
 * The stronger of two operations (used to dedupe invalidations queued during an outage):
 * expire beats stale; between two stale ops the one that expires sooner wins.
 * @param {TagOp|undefined} a
 * @param {TagOp} b
 * @returns {TagOp}
 */
export function strongerOp(a, b) {
  if (!a) return b;
  if (a.kind === 'expire' || b.kind === 'expire') return { kind: 'expire' };
  if (a.expire === undefined) return b;
  if (b.expire === undefined) return a;
  return { kind: 'stale', expire: Math.min(a.expire, b.expire) };
}

/**
 * Freshness of an entry written at `written` (µs), given the records of all its tags.
 * @param {number} written
 * @param {Iterable<TagRecord|undefined>} records
 * @param {number} now
 * @returns {Freshness}
 */
export function evaluate(written, records, now) {
  let stale = false;
  for (const r of records) {
    if (!r) continue;
    if (r.x > written) return 'expired';
    if (r.pa > 0 && r.pa <= now && r.p > written) return 'expired';
    if (r.s > written) stale = true;
  }
  return stale ? 'stale' : 'fresh';
}

/**
 * The latest mark of a record (µs). Only entries written before it are affected, and every entry
 * dies within the max TTL, so a record whose last mark is older than the max TTL is irrelevant.
 * @param {TagRecord} r
 */
export function recordLastChange(r) {
  return Math.max(r.s, r.x, r.p);
}

/**
 * Parse the 4 numeric strings/buffers of a record reply (missing -> 0).
 * @param {ArrayLike<unknown>} parts
 * @param {number} [offset]
 * @returns {TagRecord}
 */
export function parseRecord(parts, offset = 0) {
  /** @param {unknown} v */
  const n = (v) => (v === null || v === undefined || v === '' ? 0 : Number(String(v)) || 0);
  return { s: n(parts[offset]), x: n(parts[offset + 1]), p: n(parts[offset + 2]), pa: n(parts[offset + 3]) };
}

/**
 * Process clock in µs that never goes backwards and stays ahead of every time it observed.
 * `offsetUs` estimates (Redis time - local time) so local stamps land in the Redis time domain.
 */
export class HybridClock {
  constructor() {
    this.last = 0;
    this.offsetUs = 0;
  }

  /** @returns {number} */
  now() {
    const t = Math.max(Math.floor(Date.now() * 1000) + this.offsetUs, this.last + 1);
    this.last = t;
    return t;
  }

  /** Non-mutating read of the current time (µs), for comparisons. */
  peek() {
    return Math.max(Math.floor(Date.now() * 1000) + this.offsetUs, this.last);
  }

  /** @param {number} t a time (µs) seen in Redis */
  observe(t) {
    if (t > this.last) this.last = t;
  }

  /** @param {number} serverNowUs Redis TIME read just now */
  sync(serverNowUs) {
    this.offsetUs = serverNowUs - Math.floor(Date.now() * 1000);
    this.observe(serverNowUs);
  }
}

/**
 * In-process knowledge of tag records.
 *
 * Redis mode: a cache of records read from Redis (every get returns the records of the entry's
 * tags) and received by pub/sub. It is only consulted while Redis is unreachable, and keeps the
 * records of the tags live L1 entries refer to (see prune). A record is
 * "confirmed" for generation `gen` when it was read or received while the invalidation subscriber
 * was subscribed in that generation: from then on every later change reached us as a message, so
 * the record is complete. The generation changes whenever the subscriber (re)subscribes (messages
 * may have been lost in between), which makes older confirmations unusable.
 *
 * L1-only mode: the source of truth. Records are pruned once older than the max TTL (no entry can
 * still depend on them). If the count bound forces an eviction, `floor` remembers the evicted
 * record's latest time and every unknown tag is then treated as changed at `floor` (safe: only
 * more misses).
 */
export class TagBook {
  /**
   * @param {{ maxTags?: number, maxTtlUs: number, authoritative: boolean }} opts
   */
  constructor(opts) {
    this.maxTags = opts.maxTags ?? 100_000;
    this.maxTtlUs = opts.maxTtlUs;
    this.authoritative = opts.authoritative;
    /** @type {Map<string, { r: TagRecord, gen: number }>} */
    this.map = new Map();
    /** µs: unknown tags count as expired at this time (L1-only mode after forced evictions) */
    this.floor = 0;
    this.gen = 0;
  }

  /**
   * Merge a record. `gen` is the generation it is confirmed for (-1 = not confirmed).
   * @param {string} tag
   * @param {TagRecord} rec
   * @param {number} gen
   */
  merge(tag, rec, gen) {
    const cur = this.map.get(tag);
    if (cur) {
      this.map.delete(tag); // re-insert: most recently used last
      // Extra knowledge never makes a confirmed record less complete.
      this.map.set(tag, { r: mergeRecords(cur.r, rec), gen: gen === this.gen ? gen : cur.gen });
    } else {
      this.map.set(tag, { r: rec, gen });
      this.evictIfNeeded();
    }
  }

  /**
   * Apply a local operation (L1-only mode, or Redis unreachable).
   * @param {string} tag
   * @param {TagOp} op
   * @param {number} now µs
   */
  apply(tag, op, now) {
    const cur = this.map.get(tag);
    const base = cur ? cur.r : this.authoritative ? { s: this.floor, x: this.floor, p: 0, pa: 0 } : emptyRecord();
    const next = applyOp(base, op, now);
    this.map.delete(tag);
    // A local op does not confirm what other instances did to the tag: keep the old generation.
    this.map.set(tag, { r: next, gen: cur ? cur.gen : -1 });
    this.evictIfNeeded();
  }

  /**
   * @param {string} tag
   * @param {boolean} requireConfirmed
   * @returns {TagRecord|undefined|null} record; undefined = unknown; null = known but not confirmed
   */
  lookup(tag, requireConfirmed) {
    const cur = this.map.get(tag);
    if (!cur) {
      if (this.authoritative) return this.floor > 0 ? { s: this.floor, x: this.floor, p: 0, pa: 0 } : undefined;
      return undefined;
    }
    if (requireConfirmed && cur.gen !== this.gen) return null;
    return cur.r;
  }

  /**
   * Drop what we know about a tag (its record in Redis turned out malformed): entries that
   * depend on it can then not be proven fresh while Redis is unreachable.
   * @param {string} tag
   */
  forget(tag) {
    this.map.delete(tag);
  }

  /** Start a new confirmation generation (subscriber (re)subscribed). */
  bumpGeneration() {
    this.gen++;
  }

  /**
   * Forget records that can no longer matter: every mark older than the max TTL (no live entry
   * was written before it) AND `inUse(tag)` false. In Redis mode a record must stay while an L1
   * entry refers to its tag, even one that never changed (last change 0): it is the confirmed
   * knowledge that lets the entry be served while Redis is unreachable, and dropping it would
   * turn every such entry into a miss during the next outage. Keeping it changes no verdict.
   * @param {number} now µs
   * @param {(tag: string) => boolean} [inUse]
   */
  prune(now, inUse = () => false) {
    for (const [tag, { r }] of this.map) {
      if (recordLastChange(r) + this.maxTtlUs < now && !inUse(tag)) this.map.delete(tag);
    }
  }

  evictIfNeeded() {
    while (this.map.size > this.maxTags) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      const cur = this.map.get(oldest.value);
      this.map.delete(oldest.value);
      if (this.authoritative && cur) this.floor = Math.max(this.floor, recordLastChange(cur.r));
    }
  }

  get size() {
    return this.map.size;
  }
}
