/** @typedef {import('./tags.mjs').TagRecord} TagRecord */
/** @typedef {import('./tags.mjs').TagOp} TagOp */
/** @typedef {import('./config.mjs').CacheConfig} CacheConfig */
/**
 * @typedef {Object} ReadResult
 * @property {number} now Redis time (µs) when the entry was read
 * @property {null | { written: number, tags: string[], payload: Buffer | null }} entry
 *           payload null = identical to the caller's L1 copy
 * @property {Map<string, TagRecord>} records records of entry tags and requested tags
 * @property {Set<string>} malformed tags whose record is not a well-formed hash (not in records)
 * @property {boolean} malformedEntry the key held something that is not an entry (deleted)
 * @property {number} roundTrips
 */
/**
 * ioredis's own commandTimeout. The handler enforces the budget (CACHE_REDIS_TIMEOUT_MS) with its
 * own deadline, which lets I/O that is already pending run before it declares a timeout; ioredis's
 * timer cannot, so when a render blocks the event loop past the budget it would reject a reply
 * that is sitting in the socket. It is therefore only a backstop for replies that never come, set
 * well above the budget (at least 2x + 100 ms, and 1 s) so that it never fires first.
 * @param {number} timeoutMs the handler's budget
 */
export function clientCommandTimeout(timeoutMs: number): number;
/** @param {string} s */
export function escapeKeyPart(s: string): string;
/**
 * Like parseRecord, but a record that is not four numbers (a '!' marker from the script, or
 * fields another writer put there) is malformed: null, never read as "no change".
 * @param {ArrayLike<unknown>} parts
 * @param {number} offset
 * @returns {TagRecord | null}
 */
export function parseRecordStrict(parts: ArrayLike<unknown>, offset: number): TagRecord | null;
export class RedisStore {
    /**
     * @param {{
     *   cfg: CacheConfig,
     *   buildId: string,
     *   instanceId: string,
     *   onMessage: (records: Array<[string, TagRecord]>) => void,
     *   onSubscriber: (up: boolean) => void,
     *   onReady?: () => void,
     * }} opts
     */
    constructor(opts: {
        cfg: CacheConfig;
        buildId: string;
        instanceId: string;
        onMessage: (records: Array<[string, TagRecord]>) => void;
        onSubscriber: (up: boolean) => void;
        onReady?: () => void;
    });
    cfg: import("./config.mjs").CacheConfig;
    instanceId: string;
    onMessage: (records: Array<[string, TagRecord]>) => void;
    onSubscriber: (up: boolean) => void;
    cluster: boolean;
    entryPrefix: string;
    dataPrefix: string;
    tagPrefix: string;
    slotPrefix: string;
    clockKey: string;
    channel: string;
    recordTtlMs: number;
    everReady: boolean;
    closed: boolean;
    subscribed: boolean;
    client: import("ioredis").default<"legacy"> | import("ioredis").Cluster<"legacy">;
    /** resolves on the first 'ready' (shared by every waiter: no listener per request) */
    firstReady: Promise<any>;
    subNodeIndex: number;
    /** @type {import('ioredis').Redis | undefined} */
    sub: import("ioredis").Redis | undefined;
    /**
     * A plain connection in subscriber mode. In cluster mode PUBLISH is broadcast to every node, so
     * subscribing on any one node receives everything; if that node stays down we rotate.
     */
    startSubscriber(): void;
    /**
     * @param {string} key
     * @param {string} [kind] Next's entry kind; FETCH entries are not keyed by build
     */
    entryKey(key: string, kind?: string): string;
    /** @param {string} slotTag */
    slotKey(slotTag: string): string;
    /**
     * A key we may delete because a slot pointed at it: one of our entry keys, nothing else
     * (the slot record could have been overwritten by anything).
     * @param {string} redisKey
     */
    isEntryKey(redisKey: string): boolean;
    /** @param {string} tag */
    tagKey(tag: string): string;
    get status(): "end" | "close" | "wait" | "connecting" | "connect" | "ready" | "reconnecting" | "disconnecting";
    isReady(): boolean;
    /**
     * Wait for the first connection (bounded). Resolves true when ready.
     * @param {number} ms
     */
    waitReady(ms: number): Promise<boolean>;
    /** @returns {any} */
    get c(): any;
    /**
     * Read one tag record with its own command (cluster mode; standalone: records not known in
     * advance). A key of another type is a malformed record, not a failure of the read.
     * @param {string} tag
     * @returns {Promise<TagRecord | null>} null = malformed
     */
    readRecord(tag: string): Promise<TagRecord | null>;
    /**
     * One logical round trip when the entry's tags are known in advance (the L1 copy, the key->tags
     * memo, or the request's own tags cover them): the records are read in the same script
     * (standalone) or pipelined next to it (cluster). Every key a script touches is declared in
     * KEYS, so a tag the caller did not know of costs a second round trip for its record.
     * @param {string} key
     * @param {string | undefined} kind
     * @param {string[]} extraTags request tags and soft tags
     * @param {number|null} l1Written written-at of the caller's L1 copy
     * @param {string[]} hintTags tags the entry is believed to have
     * @returns {Promise<ReadResult>}
     */
    read(key: string, kind: string | undefined, extraTags: string[], l1Written: number | null, hintTags: string[]): Promise<ReadResult>;
    /**
     * @param {any[]} reply
     * @returns {Omit<ReadResult, 'roundTrips'>}
     */
    parseGet(reply: any[]): Omit<ReadResult, "roundTrips">;
    /**
     * Write an entry. An entry with a slot tag takes the slot over: the key the slot pointed at
     * before is deleted (a second command; a script may only touch declared keys, and in cluster
     * mode the slot record lives on another hash slot). The slot is updated only after the entry
     * exists, so every written key is either the one its slot points at or deleted by whoever
     * displaced it: nothing is left behind, even with concurrent writers.
     * @param {string} key
     * @param {string | undefined} kind
     * @param {Buffer} payload
     * @param {string[]} tags
     * @param {number} ttlMs
     * @returns {Promise<{ written: number, superseded: number }>} written-at (µs), keys deleted
     */
    write(key: string, kind: string | undefined, payload: Buffer, tags: string[], ttlMs: number): Promise<{
        written: number;
        superseded: number;
    }>;
    /**
     * @param {string} key
     * @param {string | undefined} kind
     */
    del(key: string, kind: string | undefined): Promise<void>;
    /**
     * Apply a tag operation in Redis (and publish it).
     * @param {string[]} tags
     * @param {TagOp} op
     * @returns {Promise<{ now: number, records: Array<[string, TagRecord]> }>}
     */
    invalidate(tags: string[], op: TagOp): Promise<{
        now: number;
        records: Array<[string, TagRecord]>;
    }>;
    /** @returns {Promise<number>} server time (µs) */
    ping(): Promise<number>;
    close(): Promise<void>;
}
export type TagRecord = import("./tags.mjs").TagRecord;
export type TagOp = import("./tags.mjs").TagOp;
export type CacheConfig = import("./config.mjs").CacheConfig;
export type ReadResult = {
    /**
     * Redis time (µs) when the entry was read
     */
    now: number;
    /**
     *           payload null = identical to the caller's L1 copy
     */
    entry: null | {
        written: number;
        tags: string[];
        payload: Buffer | null;
    };
    /**
     * records of entry tags and requested tags
     */
    records: Map<string, TagRecord>;
    /**
     * tags whose record is not a well-formed hash (not in records)
     */
    malformed: Set<string>;
    /**
     * the key held something that is not an entry (deleted)
     */
    malformedEntry: boolean;
    roundTrips: number;
};
