// Section 4: two handler instances in two processes on one Redis. A invalidates a tag the way
// updateTag does (no durations) and writes the new value; B, which holds the old value (in its
// L1 for ours), reads continuously. A read that STARTED after A's revalidateTag resolved and
// still returned the old value is a stale read.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { WORKERS_DIR } from '../lib/paths';
import { summarize, type Summary } from '../lib/stats';
import { adminClient, type RedisServer } from '../lib/redis';

export type FreshnessEntry = 'data' | 'page';

export interface FreshnessResult {
  handler: 'ours' | 'peer' | 'trieb';
  /** what B reads: an unstable_cache entry, or an ISR page (ours trusts a confirmed page copy for CACHE_PAGE_TRUST_MS); absent in results from before 2026-12-03 = data */
  entry?: FreshnessEntry;
  trials: number;
  /** reads on B that started after A's revalidateTag resolved and returned the old value */
  staleReads: number;
  trialsWithStaleReads: number;
  readsAfterAck: number;
  /** A: revalidateTag call -> B: first read (completed) that no longer returns the old value */
  timeToFresh: Summary;
  /** A: duration of revalidateTag */
  revalidateMs: Summary;
  /** trials in which B never saw fresh data within the observation window */
  neverFresh: number;
}

class Instance {
  private child: ChildProcess;
  private waiting: ((msg: Record<string, unknown>) => void) | null = null;
  ready: Promise<void>;

  constructor(cfg: Record<string, unknown>) {
    this.child = fork(path.join(WORKERS_DIR, 'freshness.mjs'), [JSON.stringify(cfg)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.ready = new Promise((resolve, reject) => {
      this.waiting = () => resolve();
      this.child.once('exit', (code) => reject(new Error(`freshness worker exited (${code})`)));
    });
    this.child.on('message', (msg: Record<string, unknown>) => {
      const w = this.waiting;
      this.waiting = null;
      w?.(msg);
    });
  }

  ask(msg: Record<string, unknown>): Promise<Record<string, unknown>> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.child.send(msg);
    });
  }

  async exit(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const done = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.send({ op: 'exit' });
    const t = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await done;
    clearTimeout(t);
  }
}

export async function runFreshness(kind: 'ours' | 'peer' | 'trieb', redis: RedisServer, trials: number, timeoutMs: number, peerTimeoutMs: number | null, entry: FreshnessEntry = 'data'): Promise<FreshnessResult> {
  const admin = adminClient(redis.port);
  await admin.flushall();
  admin.disconnect();
  const cfg = { kind, entry, redisUrl: redis.url, keyPrefix: `bench-fresh-${kind}-${entry}:`, timeoutMs, peerTimeoutMs };
  const A = new Instance(cfg);
  const B = new Instance(cfg);
  const timeToFresh: number[] = [];
  const revalidateMs: number[] = [];
  let staleReads = 0;
  let trialsWithStaleReads = 0;
  let readsAfterAck = 0;
  let neverFresh = 0;
  try {
    await Promise.all([A.ready, B.ready]);
    for (let i = 0; i < trials; i++) {
      const key = `fresh-${i}`;
      const tag = `fresh:${i}`;
      await A.ask({ op: 'set', key, tag, marker: 'old' });
      await B.ask({ op: 'watch', key, tag });
      const ack = await A.ask({ op: 'update', key, tag });
      // keep B reading for a while after the acknowledgement
      await new Promise((r) => setTimeout(r, 15));
      const { samples } = (await B.ask({ op: 'stop' })) as { samples: Array<[string, string, string | null]> };
      const t0 = BigInt(ack.t0 as string);
      const t1 = BigInt(ack.t1 as string);
      revalidateMs.push(Number(t1 - t0) / 1e6);
      let stale = 0;
      let fresh: number | null = null;
      for (const [s, e, marker] of samples) {
        const start = BigInt(s);
        if (start > t1) {
          readsAfterAck++;
          if (marker === 'old') stale++;
        }
        if (fresh === null && start >= t0 && marker !== 'old') fresh = Number(BigInt(e) - t0) / 1e6;
      }
      staleReads += stale;
      if (stale > 0) trialsWithStaleReads++;
      if (fresh === null) neverFresh++;
      else timeToFresh.push(fresh);
    }
  } finally {
    await Promise.allSettled([A.exit(), B.exit()]);
  }
  return {
    handler: kind,
    entry,
    trials,
    staleReads,
    trialsWithStaleReads,
    readsAfterAck,
    timeToFresh: summarize(timeToFresh),
    revalidateMs: summarize(revalidateMs),
    neverFresh,
  };
}
