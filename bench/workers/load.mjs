// @ts-check
/**
 * Load generator process (the app-level runs measure the server from a second process).
 * Receives its job as JSON in argv[2]:
 *   { url, targets: [{ path, headers? }], connections, seconds, amount?, timeline?: boolean, raw?: boolean }
 * (`amount`: stop after that many requests instead of after `seconds`)
 * Requests rotate over `targets` (round robin across all connections). Sends over IPC
 * { type: 'started' } when the first request goes out, then { type: 'result', ... } with
 * its own latency statistics computed from every response (ms, float) and, with `timeline`,
 * one [startMs, latencyMs, status] row per request (status 0 = error; a timeout counts as the
 * 10 s client timeout, other errors have no latency); with `raw`,
 * every latency (so runs can be merged).
 */
import { createRequire } from 'node:module';

// autocannon ships no type declarations; required untyped on purpose.
const autocannon = createRequire(import.meta.url)('autocannon');

const job = JSON.parse(process.argv[2]);
const TIMEOUT_S = 10;
/** @type {Array<{ path: string, headers?: Record<string, string> }>} */
const targets = job.targets;
let next = 0;
/** @type {number[]} */
const latencies = [];
/** @type {Array<[number, number, number]>} */
const timeline = [];
/** @type {Record<string, number>} */
const statuses = {};
const t0 = performance.now();

const instance = autocannon(
  {
    url: job.url,
    connections: job.connections,
    ...(job.amount ? { amount: job.amount } : { duration: job.seconds }),
    timeout: TIMEOUT_S,
    pipelining: 1,
    requests: [
      {
        setupRequest: (/** @type {any} */ req) => {
          const t = targets[next++ % targets.length];
          return { ...req, path: t.path, headers: { ...(req.headers ?? {}), ...(t.headers ?? {}) } };
        },
      },
    ],
  },
  (/** @type {any} */ err, /** @type {any} */ result) => {
    if (err) {
      process.send?.({ type: 'error', message: String(err) });
      process.exit(1);
    }
    const sorted = latencies.slice().sort((a, b) => a - b);
    const pct = (/** @type {number} */ q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] : NaN);
    const seconds = (performance.now() - t0) / 1000;
    process.send?.(
      {
        type: 'result',
        requests: latencies.length,
        seconds,
        rps: latencies.length / (job.amount ? seconds : job.seconds),
        p50: pct(0.5),
        p99: pct(0.99),
        max: sorted.length ? sorted[sorted.length - 1] : NaN,
        mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : NaN,
        errors: (result.errors ?? 0) - (result.timeouts ?? 0),
        timeouts: result.timeouts ?? 0,
        non2xx: result.non2xx ?? 0,
        statuses,
        autocannon: { rpsAverage: result.requests?.average, p50: result.latency?.p50, p99: result.latency?.p99 },
        timeline: job.timeline ? timeline : undefined,
        latencies: job.raw ? latencies.map((v) => Math.round(v * 100) / 100) : undefined,
      },
      () => process.exit(0),
    );
  },
);

instance.on('response', (/** @type {any} */ _client, /** @type {number} */ statusCode, /** @type {number} */ _bytes, /** @type {number} */ responseTime) => {
  latencies.push(responseTime);
  statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  if (job.timeline) timeline.push([performance.now() - t0 - responseTime, responseTime, statusCode]);
});
// A timed-out request did take (at least) the client timeout: it goes into the timeline as
// such, so fault-run percentiles are not flattered by leaving it out. Other errors: no latency.
instance.on('reqError', (/** @type {Error} */ err) => {
  if (!job.timeline) return;
  const at = performance.now() - t0;
  if (/timed out/.test(String(err?.message))) timeline.push([at - TIMEOUT_S * 1000, TIMEOUT_S * 1000, 0]);
  else timeline.push([at, NaN, 0]);
});
process.send?.({ type: 'started' });
