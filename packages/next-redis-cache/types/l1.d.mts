/** @typedef {L1Entry & { size: number, requestTags: Set<string> | null, immutable: boolean }} StoredEntry */
export class L1Cache {
    /**
     * @param {string} key
     * @param {L1Entry} e
     */
    static sizeOf(key: string, e: L1Entry): number;
    /** @param {number} maxBytes */
    constructor(maxBytes: number);
    maxBytes: number;
    /** @type {Map<string, StoredEntry>} */
    map: Map<string, StoredEntry>;
    /** @type {Map<string, Set<string>>} tag -> keys */
    byTag: Map<string, Set<string>>;
    /** @type {Map<string, number>} request tag -> number of entries that noted it */
    requestTagRefs: Map<string, number>;
    bytes: number;
    evictions: number;
    /**
     * @param {string} key
     * @param {number} [nowMs]
     * @returns {StoredEntry|undefined}
     */
    get(key: string, nowMs?: number): StoredEntry | undefined;
    /**
     * @param {string} key
     * @param {L1Entry} entry
     * @returns {boolean} stored
     */
    set(key: string, entry: L1Entry): boolean;
    /**
     * Evict least recently used entries until at most `limit` bytes are used.
     * @param {number} limit
     */
    evictUntil(limit: number): void;
    /**
     * Remember the request tags (ctx.tags, soft tags) an entry was just validated with against
     * Redis. While Redis is unreachable the entry can be served to such a request only if the
     * TagBook still holds those tags' records, and the book keeps exactly the records of tags some
     * entry refers to (`refersTo`). Counted in the entry's size like its own tags.
     * @param {string} key
     * @param {string[]} tags
     */
    noteRequestTags(key: string, tags: string[]): void;
    /**
     * Does a cached entry refer to `tag` (own tag or noted request tag)?
     * @param {string} tag
     */
    refersTo(tag: string): boolean;
    /** @param {string} key */
    delete(key: string): boolean;
    /**
     * Drop the entries carrying `tag` (only those written before `before` µs, if given).
     * Entries found only through soft tags are not indexed here; the freshness check covers them.
     * @param {string} tag
     * @param {number} [before]
     * @returns {number} dropped
     */
    deleteByTag(tag: string, before?: number): number;
    clear(): void;
    get size(): number;
}
export type L1Entry = {
    /**
     * encoded envelope
     */
    bytes: Buffer;
    /**
     * written-at (µs): the Redis version it mirrors, or a local stamp
     */
    written: number;
    /**
     * the entry's own tags (stored with it)
     */
    tags: string[];
    /**
     * written only in process (Redis unreachable / L1-only mode)
     */
    local: boolean;
    /**
     * wall-clock ms after which the entry is dropped (its TTL)
     */
    expiresAt: number;
    /**
     * wall-clock ms at which the read or write that last found this
     * copy current in Redis was issued (absent for local copies)
     */
    confirmedAt?: number | undefined;
};
export type StoredEntry = L1Entry & {
    size: number;
    requestTags: Set<string> | null;
    immutable: boolean;
};
