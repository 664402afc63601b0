/** @typedef {import('./tags.mjs').TagOp} TagOp */
/** @typedef {import('./tags.mjs').Freshness} Freshness */
/** @typedef {{ op: TagOp, tags: string[] }} ReplayGroup */
export class OutageQueue {
    /**
     * @param {{ intervalMs: number }} opts
     */
    constructor(opts: {
        intervalMs: number;
    });
    /** @type {Map<string, { op: TagOp, seq: number }>} */
    pending: Map<string, {
        op: TagOp;
        seq: number;
    }>;
    seq: number;
    intervalMs: number;
    /** @type {Promise<number> | null} */
    flushing: Promise<number> | null;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    timer: ReturnType<typeof setTimeout> | undefined;
    stopped: boolean;
    get size(): number;
    /**
     * @param {string[]} tags
     * @param {TagOp} op
     */
    add(tags: string[], op: TagOp): void;
    /**
     * Entries carrying a tag whose change has not reached Redis yet are judged by that change.
     * @param {Freshness} state
     * @param {string[]} tags
     * @returns {Freshness}
     */
    override(state: Freshness, tags: string[]): Freshness;
    /**
     * Replay what is queued now (shared by concurrent callers). `send` applies the groups in Redis
     * and rejects if any could not be applied (then nothing is removed). `onDone` runs once per
     * replay (not once per caller sharing it).
     * @param {(groups: ReplayGroup[]) => Promise<void>} send
     * @param {(replayed: number) => void} [onDone]
     * @returns {Promise<number>} tags replayed
     */
    flush(send: (groups: ReplayGroup[]) => Promise<void>, onDone?: (replayed: number) => void): Promise<number>;
    /**
     * Run `tick` after `intervalMs` while something is queued (one timer at a time). `tick`
     * reschedules itself by calling this again.
     * @param {() => void} tick
     */
    schedule(tick: () => void): void;
    stop(): void;
}
export type TagOp = import("./tags.mjs").TagOp;
export type Freshness = import("./tags.mjs").Freshness;
export type ReplayGroup = {
    op: TagOp;
    tags: string[];
};
