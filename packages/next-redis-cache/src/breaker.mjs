// @ts-check
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
  constructor(opts) {
    this.threshold = opts.threshold;
    this.cooldownMs = opts.cooldownMs;
    this.probe = opts.probe;
    this.onChange = opts.onChange;
    /** @type {BreakerState} */
    this.state = 'closed';
    this.failures = 0;
    this.probes = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    this.stopped = false;
  }

  /** Requests may use Redis only while closed. */
  allow() {
    return this.state === 'closed';
  }

  success() {
    if (this.state === 'closed') this.failures = 0;
  }

  /** @param {unknown} err */
  failure(err) {
    if (this.state !== 'closed') return;
    this.failures++;
    if (this.failures >= this.threshold) this.trip(describe(err));
  }

  /** @param {string} reason */
  trip(reason) {
    if (this.state === 'open') return;
    const prev = this.state;
    this.state = 'open';
    this.failures = 0;
    this.onChange?.('open', prev, reason);
    this.schedule(this.cooldownMs);
  }

  /** @param {number} ms */
  schedule(ms) {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runProbe(), ms);
    this.timer.unref?.();
  }

  /** Probe right away (e.g. the client just reconnected) if the breaker is open. */
  probeSoon() {
    if (this.state === 'open') this.schedule(0);
  }

  async runProbe() {
    if (this.state !== 'open' || this.stopped) return;
    this.state = 'half-open';
    this.probes++;
    try {
      await this.probe();
      if (this.stopped) return;
      this.state = 'closed';
      this.failures = 0;
      this.onChange?.('closed', 'half-open', 'probe succeeded');
    } catch (err) {
      if (this.stopped) return;
      this.state = 'open';
      this.schedule(this.cooldownMs);
      void err;
    }
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}

/** @param {unknown} err */
export function describe(err) {
  if (err instanceof Error) return err.message;
  return String(err);
}
