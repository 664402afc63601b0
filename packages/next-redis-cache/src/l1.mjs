// @ts-check
/**
 * In-process L1: an LRU of ENCODED entries bounded in bytes.
 *
 * It keeps payloads only. Whether a payload may be served is never decided here: the handler
 * checks every L1 entry against tag records (fresh from Redis in the same round trip as the get,
 * or the local TagBook while Redis is unreachable). Entries are stored encoded (the binary
 * envelope) so the byte bound is exact and every hit decodes to fresh objects that callers may
 * mutate without corrupting the cache.
 */

/**
 * @typedef {Object} L1Entry
 * @property {Buffer} bytes    encoded envelope
 * @property {number} written  written-at (µs): the Redis version it mirrors, or a local stamp
 * @property {string[]} tags   the entry's own tags (stored with it)
 * @property {boolean} local   written only in process (Redis unreachable / L1-only mode)
 * @property {number} expiresAt wall-clock ms after which the entry is dropped (its TTL)
 * @property {number} [confirmedAt] wall-clock ms at which the read or write that last found this
 *                     copy current in Redis was issued (absent for local copies)
 */

import { IMMUTABLE_TAG, slotTagOf } from './reserved-tags.mjs';

/** Fixed per-entry overhead counted on top of the payload (Map slot, object, key, tags). */
const OVERHEAD = 160;

/** @param {string} tag bytes counted for one tag name kept with an entry */
const tagBytes = (tag) => tag.length * 2 + 16;

/** @typedef {L1Entry & { size: number, requestTags: Set<string> | null, immutable: boolean }} StoredEntry */

export class L1Cache {
  /** @param {number} maxBytes */
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
    /** @type {Map<string, StoredEntry>} */
    this.map = new Map();
    /** @type {Map<string, Set<string>>} tag -> keys */
    this.byTag = new Map();
    /** @type {Map<string, number>} request tag -> number of entries that noted it */
    this.requestTagRefs = new Map();
    this.bytes = 0;
    this.evictions = 0;
  }

  /**
   * @param {string} key
   * @param {L1Entry} e
   */
  static sizeOf(key, e) {
    let n = e.bytes.length + OVERHEAD + key.length * 2;
    for (const t of e.tags) n += tagBytes(t);
    return n;
  }

  /**
   * @param {string} key
   * @param {number} [nowMs]
   * @returns {StoredEntry|undefined}
   */
  get(key, nowMs = Date.now()) {
    const e = this.map.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= nowMs) {
      this.delete(key);
      return undefined;
    }
    // refresh recency
    this.map.delete(key);
    this.map.set(key, e);
    return e;
  }

  /**
   * @param {string} key
   * @param {L1Entry} entry
   * @returns {boolean} stored
   */
  set(key, entry) {
    this.delete(key);
    // Entries sharing a slot tag supersede each other (successive versions of one user's read):
    // at most one per slot is kept, whichever was stored last.
    const slot = slotTagOf(entry.tags);
    if (slot) this.deleteByTag(slot);
    const size = L1Cache.sizeOf(key, entry);
    if (this.maxBytes <= 0 || size > this.maxBytes) return false;
    this.evictUntil(this.maxBytes - size);
    this.map.set(key, { ...entry, size, requestTags: null, immutable: entry.tags.includes(IMMUTABLE_TAG) });
    this.bytes += size;
    for (const t of entry.tags) {
      let set = this.byTag.get(t);
      if (!set) this.byTag.set(t, (set = new Set()));
      set.add(key);
    }
    return true;
  }

  /**
   * Evict least recently used entries until at most `limit` bytes are used.
   * @param {number} limit
   */
  evictUntil(limit) {
    while (this.bytes > limit) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
      this.evictions++;
    }
  }

  /**
   * Remember the request tags (ctx.tags, soft tags) an entry was just validated with against
   * Redis. While Redis is unreachable the entry can be served to such a request only if the
   * TagBook still holds those tags' records, and the book keeps exactly the records of tags some
   * entry refers to (`refersTo`). Counted in the entry's size like its own tags.
   * @param {string} key
   * @param {string[]} tags
   */
  noteRequestTags(key, tags) {
    const e = this.map.get(key);
    if (!e) return;
    let added = 0;
    for (const t of tags) {
      if (e.requestTags?.has(t) || e.tags.includes(t)) continue;
      (e.requestTags ??= new Set()).add(t);
      this.requestTagRefs.set(t, (this.requestTagRefs.get(t) ?? 0) + 1);
      added += tagBytes(t);
    }
    if (added === 0) return;
    e.size += added;
    this.bytes += added;
    this.evictUntil(this.maxBytes);
  }

  /**
   * Does a cached entry refer to `tag` (own tag or noted request tag)?
   * @param {string} tag
   */
  refersTo(tag) {
    return this.byTag.has(tag) || this.requestTagRefs.has(tag);
  }

  /** @param {string} key */
  delete(key) {
    const e = this.map.get(key);
    if (!e) return false;
    this.map.delete(key);
    this.bytes -= e.size;
    for (const t of e.tags) {
      const set = this.byTag.get(t);
      if (set) {
        set.delete(key);
        if (set.size === 0) this.byTag.delete(t);
      }
    }
    if (e.requestTags) {
      for (const t of e.requestTags) {
        const n = (this.requestTagRefs.get(t) ?? 1) - 1;
        if (n > 0) this.requestTagRefs.set(t, n);
        else this.requestTagRefs.delete(t);
      }
    }
    return true;
  }

  /**
   * Drop the entries carrying `tag` (only those written before `before` µs, if given).
   * Entries found only through soft tags are not indexed here; the freshness check covers them.
   * @param {string} tag
   * @param {number} [before]
   * @returns {number} dropped
   */
  deleteByTag(tag, before = Infinity) {
    const set = this.byTag.get(tag);
    if (!set) return 0;
    let n = 0;
    for (const key of Array.from(set)) {
      const e = this.map.get(key);
      if (e && e.written < before) {
        this.delete(key);
        n++;
      }
    }
    return n;
  }

  clear() {
    this.map.clear();
    this.byTag.clear();
    this.requestTagRefs.clear();
    this.bytes = 0;
  }

  get size() {
    return this.map.size;
  }
}
