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
export function emptyRecord(): TagRecord;
/**
 * Turn a pending expiry whose activation time has passed into a plain expiry mark.
 * @param {TagRecord} r
 * @param {number} now
 * @returns {TagRecord}
 */
export function foldRecord(r: TagRecord, now: number): TagRecord;
/**
 * @param {TagRecord} a
 * @param {TagRecord} b
 * @returns {TagRecord}
 */
export function mergeRecords(a: TagRecord, b: TagRecord): TagRecord;
/**
 * Apply one operation at time `now` (µs). Mirrors the Lua in redis-store.mjs.
 * @param {TagRecord} rec
 * @param {TagOp} op
 * @param {number} now
 * @returns {TagRecord}
 */
export function applyOp(rec: TagRecord, op: TagOp, now: number): TagRecord;
/**
 * The stronger of two operations (used to dedupe invalidations queued during an outage):
 * expire beats stale; between two stale ops the one that expires sooner wins.
 * @param {TagOp|undefined} a
 * @param {TagOp} b
 * @returns {TagOp}
 */
export function strongerOp(a: TagOp | undefined, b: TagOp): TagOp;
/**
 * Freshness of an entry written at `written` (µs), given the records of all its tags.
 * @param {number} written
 * @param {Iterable<TagRecord|undefined>} records
 * @param {number} now
 * @returns {Freshness}
 */
export function evaluate(written: number, records: Iterable<TagRecord | undefined>, now: number): Freshness;
/**
 * The latest mark of a record (µs). Only entries written before it are affected, and every entry
 * dies within the max TTL, so a record whose last mark is older than the max TTL is irrelevant.
 * @param {TagRecord} r
 */
export function recordLastChange(r: TagRecord): number;
/**
 * Parse the 4 numeric strings/buffers of a record reply (missing -> 0).
 * @param {ArrayLike<unknown>} parts
 * @param {number} [offset]
 * @returns {TagRecord}
 */
export function parseRecord(parts: ArrayLike<unknown>, offset?: number): TagRecord;
/**
 * Process clock in µs that never goes backwards and stays ahead of every time it observed.
 * `offsetUs` estimates (Redis time - local time) so local stamps land in the Redis time domain.
 */
export class HybridClock {
    last: number;
    offsetUs: number;
    /** @returns {number} */
    now(): number;
    /** Non-mutating read of the current time (µs), for comparisons. */
    peek(): number;
    /** @param {number} t a time (µs) seen in Redis */
    observe(t: number): void;
    /** @param {number} serverNowUs Redis TIME read just now */
    sync(serverNowUs: number): void;
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
    constructor(opts: {
        maxTags?: number;
        maxTtlUs: number;
        authoritative: boolean;
    });
    maxTags: number;
    maxTtlUs: number;
    authoritative: boolean;
    /** @type {Map<string, { r: TagRecord, gen: number }>} */
    map: Map<string, {
        r: TagRecord;
        gen: number;
    }>;
    /** µs: unknown tags count as expired at this time (L1-only mode after forced evictions) */
    floor: number;
    gen: number;
    /**
     * Merge a record. `gen` is the generation it is confirmed for (-1 = not confirmed).
     * @param {string} tag
     * @param {TagRecord} rec
     * @param {number} gen
     */
    merge(tag: string, rec: TagRecord, gen: number): void;
    /**
     * Apply a local operation (L1-only mode, or Redis unreachable).
     * @param {string} tag
     * @param {TagOp} op
     * @param {number} now µs
     */
    apply(tag: string, op: TagOp, now: number): void;
    /**
     * @param {string} tag
     * @param {boolean} requireConfirmed
     * @returns {TagRecord|undefined|null} record; undefined = unknown; null = known but not confirmed
     */
    lookup(tag: string, requireConfirmed: boolean): TagRecord | undefined | null;
    /**
     * Drop what we know about a tag (its record in Redis turned out malformed): entries that
     * depend on it can then not be proven fresh while Redis is unreachable.
     * @param {string} tag
     */
    forget(tag: string): void;
    /** Start a new confirmation generation (subscriber (re)subscribed). */
    bumpGeneration(): void;
    /**
     * Forget records that can no longer matter: every mark older than the max TTL (no live entry
     * was written before it) AND `inUse(tag)` false. In Redis mode a record must stay while an L1
     * entry refers to its tag, even one that never changed (last change 0): it is the confirmed
     * knowledge that lets the entry be served while Redis is unreachable, and dropping it would
     * turn every such entry into a miss during the next outage. Keeping it changes no verdict.
     * @param {number} now µs
     * @param {(tag: string) => boolean} [inUse]
     */
    prune(now: number, inUse?: (tag: string) => boolean): void;
    evictIfNeeded(): void;
    get size(): number;
}
export type TagRecord = {
    s: number;
    x: number;
    p: number;
    pa: number;
};
export type TagOp = {
    kind: "expire";
} | {
    kind: "stale";
    expire?: number;
};
export type Freshness = "fresh" | "stale" | "expired";
