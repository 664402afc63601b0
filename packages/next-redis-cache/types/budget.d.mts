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
export function withDeadline<T>(fn: () => Promise<T>, ms: number): Promise<T>;
/** @param {unknown} err */
export function isTimeout(err: unknown): boolean;
/**
 * @param {unknown} err
 * @returns {'connection' | 'command'}
 */
export function classify(err: unknown): "connection" | "command";
/** @param {unknown} err */
export function isReadOnlyError(err: unknown): boolean;
export class TimeoutError extends Error {
    constructor();
}
