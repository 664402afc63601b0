/** @param {unknown} err */
export function describe(err: unknown): string;
/**
 * Circuit breaker: closed -> open after `threshold` consecutive failures (errors or timeouts)
 * -> half-open after `cooldownMs` (one background probe; requests are NOT used as probes, so no
 * request ever waits on one) -> closed when the probe succeeds, open again when it fails.
 *
 * The probe supplied by the handler pings Redis AND replays the invalidations queued during the
 * outage; the breaker only closes after both succeeded, so nothing is read from Redis before the
 * replay (see handler.mjs).
 */
/** @typedef {'closed' | 'open' | 'half-open'} BreakerState */
export class CircuitBreaker {
    /**
     * @param {{
     *   threshold: number,
     *   cooldownMs: number,
     *   probe: () => Promise<void>,
     *   onChange?: (state: BreakerState, prev: BreakerState, reason: string) => void,
     * }} opts
     */
    constructor(opts: {
        threshold: number;
        cooldownMs: number;
        probe: () => Promise<void>;
        onChange?: (state: BreakerState, prev: BreakerState, reason: string) => void;
    });
    threshold: number;
    cooldownMs: number;
    probe: () => Promise<void>;
    onChange: ((state: BreakerState, prev: BreakerState, reason: string) => void) | undefined;
    /** @type {BreakerState} */
    state: BreakerState;
    failures: number;
    probes: number;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    timer: ReturnType<typeof setTimeout> | undefined;
    stopped: boolean;
    /** Requests may use Redis only while closed. */
    allow(): boolean;
    success(): void;
    /** @param {unknown} err */
    failure(err: unknown): void;
    /** @param {string} reason */
    trip(reason: string): void;
    /** @param {number} ms */
    schedule(ms: number): void;
    /** Probe right away (e.g. the client just reconnected) if the breaker is open. */
    probeSoon(): void;
    runProbe(): Promise<void>;
    stop(): void;
}
export type BreakerState = "closed" | "open" | "half-open";
