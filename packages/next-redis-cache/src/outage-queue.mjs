// @ts-check
/**
 * Tag invalidations that could not reach Redis (unreachable, timed out, an error reply), kept
 * until they are replayed there.
 *
 * - One entry per tag, the strongest operation wins (expire beats stale; see strongerOp), so the
 *   queue is bounded by the number of distinct tags invalidated during an outage.
 * - While a tag is queued, anything read from Redis that carries it is judged by the queued
 *   operation (`override`), and the core replays the queue before any other Redis call
 *   (core.mjs, callRedis): an outage cannot bring back a value a user already changed.
 * - Replay happens in the background, not on the next cache call: every `intervalMs` while
 *   something is queued, and at once when the connection becomes ready again (the core's
 *   `tick`); on SIGTERM / SIGINT, `drain` (shutdown.mjs) gives it a last bounded chance.
 * - A replay sends each group of tags sharing one operation as one invalidation; an entry is
 *   removed only if it was not re-queued (a newer operation) while its replay was in flight.
 * What it cannot do: survive the process. SIGKILL (or a crash) during an outage loses it.
 */
import { strongerOp } from './tags.mjs';

/** @typedef {import('./tags.mjs').TagOp} TagOp */
/** @typedef {import('./tags.mjs').Freshness} Freshness */
/** @typedef {{ op: TagOp, tags: string[] }} ReplayGroup */

export class OutageQueue {
  /**
   * @param {{ intervalMs: number }} opts
   */
  constructor(opts) {
    /** @type {Map<string, { op: TagOp, seq: number }>} */
    this.pending = new Map();
    this.seq = 0;
    this.intervalMs = opts.intervalMs;
    /** @type {Promise<number> | null} */
    this.flushing = null;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    this.stopped = false;
  }

  get size() {
    return this.pending.size;
  }

  /**
   * @param {string[]} tags
   * @param {TagOp} op
   */
  add(tags, op) {
    for (const t of tags) {
      const cur = this.pending.get(t);
      this.pending.set(t, { op: strongerOp(cur?.op, op), seq: ++this.seq });
    }
  }

  /**
   * Entries carrying a tag whose change has not reached Redis yet are judged by that change.
   * @param {Freshness} state
   * @param {string[]} tags
   * @returns {Freshness}
   */
  override(state, tags) {
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
   * Replay what is queued now (shared by concurrent callers). `send` applies the groups in Redis
   * and rejects if any could not be applied (then nothing is removed). `onDone` runs once per
   * replay (not once per caller sharing it).
   * @param {(groups: ReplayGroup[]) => Promise<void>} send
   * @param {(replayed: number) => void} [onDone]
   * @returns {Promise<number>} tags replayed
   */
  flush(send, onDone) {
    if (this.flushing) return this.flushing;
    if (this.pending.size === 0) return Promise.resolve(0);
    const snapshot = new Map(this.pending);
    const run = async () => {
      /** @type {Map<string, ReplayGroup>} */
      const groups = new Map();
      for (const [tag, { op }] of snapshot) {
        const k = op.kind === 'expire' ? 'x' : `s:${op.expire ?? ''}`;
        let g = groups.get(k);
        if (!g) groups.set(k, (g = { op, tags: [] }));
        g.tags.push(tag);
      }
      await send(Array.from(groups.values()));
      let replayed = 0;
      for (const [tag, entry] of snapshot) {
        if (this.pending.get(tag)?.seq === entry.seq) {
          this.pending.delete(tag);
          replayed++;
        }
      }
      onDone?.(replayed);
      return replayed;
    };
    this.flushing = run().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /**
   * Run `tick` after `intervalMs` while something is queued (one timer at a time). `tick`
   * reschedules itself by calling this again.
   * @param {() => void} tick
   */
  schedule(tick) {
    if (this.timer || this.stopped || this.pending.size === 0 || this.intervalMs <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      tick();
    }, this.intervalMs);
    this.timer.unref?.();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
