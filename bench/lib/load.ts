// Runs bench/workers/load.mjs (autocannon) in its own process and returns its measurements.
import { fork } from 'node:child_process';
import path from 'node:path';
import { WORKERS_DIR } from './paths';

export interface Target {
  path: string;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
  /** connection errors (not timeouts) */
  errors: number;
  /** requests without an answer within 10 s */
  timeouts: number;
  non2xx: number;
  statuses: Record<string, number>;
  /** [start ms since the run began, latency ms (NaN = error), status (0 = error)] */
  timeline?: Array<[number, number, number]>;
  /** every latency, ms (with `raw`) */
  latencies?: number[];
}

export interface LoadJob {
  url: string;
  targets: Target[];
  connections: number;
  seconds: number;
  amount?: number;
  timeline?: boolean;
  raw?: boolean;
}

/** NaN (no completed request) travels over IPC as null. */
function numeric(r: LoadResult): LoadResult {
  const n = (v: unknown) => (typeof v === 'number' ? v : NaN);
  return { ...r, p50: n(r.p50), p99: n(r.p99), max: n(r.max), mean: n(r.mean), rps: n(r.rps) };
}

/**
 * A fixed number of requests sized from a short warm pass to last about `seconds`: every
 * request sent is also completed and counted, which a time-boxed run does not do for slow
 * pages (requests in flight at the end are dropped).
 */
export function runSized(job: Omit<LoadJob, 'amount'>, estimatedRps: number): Promise<LoadResult> {
  // At least 4 requests per connection, so the drain at the end (fewer than `connections` in
  // flight) stays a small part of the run.
  const amount = Math.max(job.connections * 4, Math.round((Number.isFinite(estimatedRps) ? estimatedRps : 0) * job.seconds));
  return runLoad({ ...job, seconds: job.seconds * 20, amount });
}

/** Several runs of the same page on the same server as one: summed counts, merged latencies. */
export function mergeRuns(runs: LoadResult[]): LoadResult {
  const lat = runs.flatMap((r) => r.latencies ?? []).sort((a, b) => a - b);
  const pct = (q: number) => (lat.length ? lat[Math.min(lat.length - 1, Math.max(0, Math.ceil(q * lat.length) - 1))] : NaN);
  const sum = (f: (r: LoadResult) => number) => runs.reduce((a, r) => a + f(r), 0);
  const statuses: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  const seconds = sum((r) => r.seconds);
  const requests = sum((r) => r.requests);
  return {
    requests,
    seconds,
    rps: requests / seconds,
    p50: pct(0.5),
    p99: pct(0.99),
    max: lat.length ? lat[lat.length - 1] : NaN,
    mean: lat.length ? lat.reduce((a, b) => a + b, 0) / lat.length : NaN,
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    statuses,
  };
}

/** `onStart` runs when the worker has begun sending (fault runs schedule their fault from it). */
export function runLoad(job: LoadJob, onStart?: () => void): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(WORKERS_DIR, 'load.mjs'), [JSON.stringify(job)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    let result: LoadResult | undefined;
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('message', (msg: { type: string } & Partial<LoadResult> & { message?: string }) => {
      if (msg.type === 'started') onStart?.();
      else if (msg.type === 'result') result = numeric(msg as unknown as LoadResult);
      else if (msg.type === 'error') reject(new Error(`load worker: ${msg.message}`));
    });
    child.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`load worker exited with ${code}: ${stderr.slice(-2000)}`));
    });
  });
}
