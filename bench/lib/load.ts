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
}

export interface LoadJob {
  url: string;
  targets: Target[];
  connections: number;
  seconds: number;
  amount?: number;
  timeline?: boolean;
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
      else if (msg.type === 'result') result = msg as unknown as LoadResult;
      else if (msg.type === 'error') reject(new Error(`load worker: ${msg.message}`));
    });
    child.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`load worker exited with ${code}: ${stderr.slice(-2000)}`));
    });
  });
}
