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
    constructor(opts?: {
        buildId?: string;
        env?: Record<string, string | undefined>;
        config?: Partial<CacheConfig>;
        logger?: Logger;
        instanceId?: string;
    });
    /** @type {CacheConfig} */
    cfg: CacheConfig;
    buildId: string;
    instanceId: string;
    /** @type {Logger} */
    logger: Logger;
    metrics: CacheMetrics;
    l1: L1Cache;
    clock: HybridClock;
    book: TagBook;
    /** tag changes not yet applied in Redis */
    queue: OutageQueue;
    /** @type {Map<string, string[]>} key -> tags memo: lets a read declare the entry's tag keys up front */
    keyTags: Map<string, string[]>;
    subscriberUp: boolean;
    /** @type {Map<string, Promise<void>>} invalidations issued in this event-loop turn (see revalidateTag) */
    thisTurnInvalidations: Map<string, Promise<void>>;
    /** @type {Map<string, number>} */
    errorLogAt: Map<string, number>;
    breaker: CircuitBreaker;
    /** @type {RedisStore | null} */
    store: RedisStore | null;
    pruneTimer: NodeJS.Timeout;
    closed: boolean;
    /** Queued tag changes by tag (read-only view for stats and tests). */
    get pending(): Map<string, {
        op: import("./outage-queue.mjs").TagOp;
        seq: number;
    }>;
    /**
     * Drop tag records nothing needs any more (every minute). Records of tags a live L1 entry refers
     * to are kept even if they never changed: they are what lets that entry be served while Redis is
     * unreachable (see 3. above).
     */
    pruneTagBook(): void;
    /**
     * @param {string} key
     * @param {any} [ctx]
     * @returns {Promise<CacheHandlerValue | null>}
     */
    get(key: string, ctx?: any): Promise<CacheHandlerValue | null>;
    /**
     * @param {string} key
     * @param {any} ctx
     * @param {string[]} extra
     * @param {L1Entry | undefined} l1e
     * @param {ReadResult} res
     * @param {number} genAtStart confirmGen() when the read was sent
     * @param {number} sentAt wall-clock ms when the read was sent
     */
    fromRedis(key: string, ctx: any, extra: string[], l1e: L1Entry | undefined, res: ReadResult, genAtStart: number, sentAt: number): import("./next-contract.mjs").CacheHandlerValue | null;
    /**
     * Serve from the L1 without Redis: L1-only mode, or Redis unreachable.
     * @param {string} key
     * @param {any} ctx
     * @param {string[]} extra
     * @param {L1Entry | undefined} l1e
     */
    fromLocal(key: string, ctx: any, extra: string[], l1e: L1Entry | undefined): import("./next-contract.mjs").CacheHandlerValue | null;
    /**
     * May this in-process copy be served without asking Redis (see CACHE_PAGE_TRUST_MS)? Only
     * whole pages and routes: Next caches them only when they read nothing of the request, so they
     * hold no user's data, and it serves them stale-while-revalidate anyway. Only while the
     * subscriber is up, nothing waits in the outage queue, and Redis confirmed the copy recently.
     * @param {L1Entry} l1e
     * @param {any} ctx
     */
    trustsPageCopy(l1e: L1Entry, ctx: any): boolean;
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
    fromTrustedPage(key: string, ctx: any, extra: string[], l1e: L1Entry): import("./next-contract.mjs").CacheHandlerValue | null;
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
    judgeLocally(key: string, extra: string[], l1e: L1Entry, requireConfirmed: boolean, opts?: {
        keepExpired?: boolean;
    }): Freshness | "unproven";
    /**
     * The envelope of an in-process copy; an undecodable one is dropped and counts as a miss.
     * @param {string} key
     * @param {L1Entry} l1e
     */
    decodeL1(key: string, l1e: L1Entry): import("./serialize.mjs").Envelope | null;
    /**
     * @param {string} key
     * @param {any} ctx
     * @param {L1Entry} l1e
     */
    serveImmutable(key: string, ctx: any, l1e: L1Entry): import("./next-contract.mjs").CacheHandlerValue | null;
    /**
     * @param {any} ctx
     * @param {{ v: any, m: Record<string, any> }} env
     * @param {number} written µs
     * @param {boolean} stale
     * @returns {CacheHandlerValue}
     */
    result(ctx: any, env: {
        v: any;
        m: Record<string, any>;
    }, written: number, stale: boolean): CacheHandlerValue;
    /**
     * @param {string} key
     * @param {any} data
     * @param {any} [ctx]
     */
    set(key: string, data: any, ctx?: any): Promise<void>;
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
    revalidateTag(tagOrTags: string | string[], durations?: {
        expire?: number;
    }): Promise<void>;
    /**
     * @param {string[]} tags
     * @param {TagOp} op
     */
    invalidate(tags: string[], op: TagOp): Promise<void>;
    resetRequestCache(): void;
    /**
     * The one way a cache operation calls Redis: within one time budget, replay what the outage
     * queue holds first (nothing is read from or written to Redis over a queued invalidation), then
     * the store call; the breaker learns the outcome, failures classified (budget.mjs).
     * @template T
     * @param {string} op for logs
     * @param {(store: RedisStore) => Promise<T>} call
     * @returns {Promise<RedisOutcome<T>>}
     */
    callRedis<T>(op: string, call: (store: RedisStore) => Promise<T>): Promise<RedisOutcome<T>>;
    /**
     * May this operation use Redis, and with which budget (ms; 0 = no)? One command timeout,
     * counted from when the operation is issued rather than from when get/set/revalidateTag was
     * entered: the caller may have blocked the event loop in between (a synchronous render), and
     * that is no time spent waiting on Redis. Only the wait for the very first connection is taken
     * out of the budget, so that wait plus the operation still stay within one timeout.
     */
    redisBudget(): Promise<number>;
    /**
     * @param {unknown} err
     * @param {string} op
     * @returns {'connection' | 'command'}
     */
    failure(err: unknown, op: string): "connection" | "command";
    /**
     * Log non-breaker errors at most once a minute per kind.
     * @param {string} kind
     * @param {unknown} err
     */
    logError(kind: string, err: unknown): void;
    /** Half-open probe: Redis answers AND the queued tag changes are applied, before closing. */
    probe(): Promise<void>;
    /** Replay queued tag changes (shared by concurrent callers). */
    flushPending(): Promise<void>;
    /**
     * One background replay attempt. With the breaker open, the probe does it (ping + replay,
     * then close): probing every REPLAY_INTERVAL_MS instead of once per cooldown while something is
     * queued, so the queue reaches Redis within about one interval of Redis answering again.
     */
    replayTick(): Promise<void>;
    /**
     * Shutdown: try (bounded by `timeoutMs`) to bring queued invalidations to Redis, whatever the
     * breaker says. Resolves true when nothing is left queued.
     * @param {number} [timeoutMs]
     */
    drain(timeoutMs?: number): Promise<boolean>;
    /** Generation a record read now would be confirmed for (-1: subscriber not subscribed). */
    confirmGen(): number;
    /**
     * A record read by a request that started at generation `genAtStart` is complete only if the
     * subscriber stayed subscribed (same generation) for the whole request.
     * @param {number} genAtStart
     */
    confirmedSince(genAtStart: number): number;
    /** @param {Array<[string, TagRecord]>} records */
    onRemoteInvalidation(records: Array<[string, TagRecord]>): void;
    /**
     * @param {string} key
     * @param {string[]} tags
     */
    rememberKeyTags(key: string, tags: string[]): void;
    getStats(): {
        mode: "disabled" | "standalone" | "cluster";
        redis: string;
        breakerState: import("./breaker.mjs").BreakerState;
        subscriber: string;
        pendingInvalidations: number;
        counters: import("./metrics.mjs").Counters;
        hitRatio: number;
        l1HitRatio: number;
        l1: {
            bytes: number;
            entries: number;
            maxBytes: number;
            evictions: number;
        };
        tagRecordsCached: number;
    };
    /**
     * Health for /api/health. Pings Redis with its own short timeout; never includes URLs/secrets.
     * @param {{ timeoutMs?: number }} [opts]
     */
    getHealth(opts?: {
        timeoutMs?: number;
    }): Promise<{
        mode: "disabled" | "standalone" | "cluster";
        redis: "disabled" | "down" | "up";
        latencyMs: number | null;
        breaker: import("./breaker.mjs").BreakerState;
        subscriber: string;
        pendingInvalidations: number;
        hitRatio: number;
        l1HitRatio: number;
        l1: {
            bytes: number;
            entries: number;
            maxBytes: number;
            evictions: number;
        };
    }>;
    /**
     * Register prom-client collectors on `registry` (idempotent).
     * @param {any} registry
     * @param {any} [promClient]
     */
    registerMetrics(registry: any, promClient?: any): Promise<void>;
    /** Tests / embedding: wait until Redis is connected and the subscriber subscribed (bounded). */
    ready(timeoutMs?: number): Promise<boolean>;
    close(): Promise<void>;
}
export type CacheConfig = import("./config.mjs").CacheConfig;
export type TagRecord = import("./tags.mjs").TagRecord;
export type TagOp = import("./tags.mjs").TagOp;
export type Freshness = import("./tags.mjs").Freshness;
export type L1Entry = import("./l1.mjs").L1Entry;
export type Logger = {
    info: (...a: any[]) => void;
    warn: (...a: any[]) => void;
    error: (...a: any[]) => void;
};
export type CacheHandlerValue = import("./next-contract.mjs").CacheHandlerValue;
export type ReadResult = import("./redis-store.mjs").ReadResult;
export type RedisOutcome<T> = {
    ok: true;
    value: T;
} | {
    ok: false;
    reason: "unavailable" | "connection" | "command";
};
import { CacheMetrics } from './metrics.mjs';
import { L1Cache } from './l1.mjs';
import { HybridClock } from './tags.mjs';
import { TagBook } from './tags.mjs';
import { OutageQueue } from './outage-queue.mjs';
import { CircuitBreaker } from './breaker.mjs';
import { RedisStore } from './redis-store.mjs';
