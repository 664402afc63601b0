// @ts-check
/**
 * The time budget of one Redis operation, and what a failure means.
 *
 * Only failures that say something about reaching Redis feed the circuit breaker: timeouts,
 * connection errors, and the replies a server gives when it cannot serve anything right now
 * (LOADING after a restart, MASTERDOWN, CLUSTERDOWN, TRYAGAIN). Every other error reply (ReplyError:
 * WRONGTYPE, OOM, BUSY, NOSCRIPT, READONLY, CROSSSLOT, a script error) is about one command or one
 * key: the connection works, so the breaker counts it as a success and the caller handles it for
 * that key (a miss, or a queued invalidation). One bad key never takes an instance off Redis.
 */
import { ReplyError } from 'ioredis';

export class TimeoutError extends Error {
  constructor() {
    super('cache operation timed out');
    this.name = 'TimeoutError';
  }
}

/**
 * Run `fn` (a Redis operation, issued now) with a budget of `ms`.
 *
 * The deadline timer runs on the same event loop that renders pages. When a synchronous render
 * blocks the loop past the budget, the timer and the reply that arrived meanwhile become due in the
 * same loop iteration, and timers run before the I/O poll reads the socket: rejecting straight
 * from the timer would report a timeout for an answer that is already here. So an expired timer
 * first lets pending I/O run (setImmediate callbacks run after the poll phase) and only then, if
 * the operation is still unsettled, rejects. With Redis really stuck that costs one loop turn
 * (microseconds), so a request still waits no more than about one budget.
 * ioredis's own commandTimeout has no such grace; it is set well above `ms` (redis-store.mjs).
 * @template T
 * @param {() => Promise<T>} fn
 * @param {number} ms
 * @returns {Promise<T>}
 */
export function withDeadline(fn, ms) {
  if (ms <= 0) return Promise.reject(new TimeoutError());
  return new Promise((resolve, reject) => {
    let settled = false;
    /** @type {ReturnType<typeof setImmediate> | undefined} */
    let grace;
    const timer = setTimeout(() => {
      grace = setImmediate(() => {
        if (settled) return;
        settled = true;
        reject(new TimeoutError());
      });
    }, ms);
    /** @param {() => void} settle */
    const finish = (settle) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (grace) clearImmediate(grace);
      settle();
    };
    let op;
    try {
      op = fn();
    } catch (err) {
      op = Promise.reject(err);
    }
    op.then(
      (v) => finish(() => resolve(v)),
      (err) => finish(() => reject(err)),
    );
  });
}

/** @param {unknown} err */
export function isTimeout(err) {
  return err instanceof TimeoutError || (err instanceof Error && /timed? ?out/i.test(err.message));
}


/** Error replies meaning "this server cannot answer anything now": like a connection failure. */
const UNAVAILABLE = /^(LOADING|MASTERDOWN|CLUSTERDOWN|TRYAGAIN)\b/;

/**
 * @param {unknown} err
 * @returns {'connection' | 'command'}
 */
export function classify(err) {
  if (err instanceof TimeoutError) return 'connection';
  if (err instanceof Error && (err instanceof ReplyError || err.name === 'ReplyError')) {
    return UNAVAILABLE.test(err.message) ? 'connection' : 'command';
  }
  return 'connection';
}

/** @param {unknown} err */
export function isReadOnlyError(err) {
  return err instanceof Error && /^READONLY\b/.test(err.message);
}
