// Section 3: Redis paused (SIGSTOP) or killed (SIGKILL, restarted empty on the same port) for
// `faultSeconds` in the middle of a dashboard load run against the ours / peer server.
import { runLoad, type LoadResult, type Target } from '../lib/load';
import { summarize, type Summary } from '../lib/stats';
import type { RedisServer } from '../lib/redis';
import type { Server } from '../lib/server';
import type { Profile } from '../lib/profile';

export type Fault = 'pause' | 'kill';

export interface FaultRun {
  mode: 'ours' | 'peer';
  fault: Fault;
  seconds: number;
  faultAt: number;
  faultSeconds: number;
  requests: number;
  /** errors + timeouts + non-2xx answers */
  failed: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  all: Summary;
  /** requests completed before the fault began (started after the first second) */
  healthy: Summary;
  /** requests in flight at any moment while Redis was paused / down */
  window: Summary;
  /** requests started after Redis came back */
  after: Summary;
  /** per second of the run: [second, p99 ms, max ms, requests] */
  perSecond: Array<[number, number, number, number]>;
  /** ms after the fault ended until Redis answered again (kill: restart time) */
  healMs: number;
}

export async function runFault(o: { server: Server; redis: RedisServer; mode: 'ours' | 'peer'; fault: Fault; targets: Target[]; p: Profile }): Promise<FaultRun> {
  const { p, redis } = o;
  // Start warm: the kill run follows the pause run, and a kill empties Redis for every server
  // on it. Each dashboard is rendered once, then a short warm-up under load.
  for (const t of o.targets) await fetch(o.server.url + t.path, { headers: t.headers }).then((r) => r.arrayBuffer(), () => undefined);
  await runLoad({ url: o.server.url, targets: o.targets, connections: p.connections, seconds: p.warmSeconds });
  const timers: NodeJS.Timeout[] = [];
  let healMs = 0;
  let healing: Promise<void> = Promise.resolve();
  const inject = () => {
    if (o.fault === 'pause') redis.pause();
    else process.kill(redis.pid, 'SIGKILL');
  };
  const heal = () => {
    const t0 = performance.now();
    healing = (async () => {
      if (o.fault === 'pause') redis.resume();
      else await redis.restart();
      healMs = performance.now() - t0;
    })();
  };
  let load: LoadResult;
  try {
    load = await runLoad({ url: o.server.url, targets: o.targets, connections: p.connections, seconds: p.faultRunSeconds, timeline: true }, () => {
      timers.push(setTimeout(inject, p.faultAt * 1000));
      timers.push(setTimeout(heal, (p.faultAt + p.faultSeconds) * 1000));
    });
  } finally {
    timers.forEach(clearTimeout);
    await healing;
  }
  const rows = load.timeline ?? [];
  const from = p.faultAt * 1000;
  const to = (p.faultAt + p.faultSeconds) * 1000;
  const lat = (pred: (start: number, end: number) => boolean) =>
    rows.filter(([start, ms]) => Number.isFinite(ms) && pred(start, start + ms)).map(([, ms]) => ms);
  const perSecond: FaultRun['perSecond'] = [];
  for (let s = 0; s < p.faultRunSeconds; s++) {
    const xs = lat((start) => start >= s * 1000 && start < (s + 1) * 1000);
    const sm = summarize(xs);
    perSecond.push([s, xs.length ? sm.p99 : 0, xs.length ? sm.max : 0, xs.length]);
  }
  return {
    mode: o.mode,
    fault: o.fault,
    seconds: p.faultRunSeconds,
    faultAt: p.faultAt,
    faultSeconds: p.faultSeconds,
    requests: load.requests,
    failed: load.errors + load.timeouts + load.non2xx,
    errors: load.errors,
    timeouts: load.timeouts,
    non2xx: load.non2xx,
    all: summarize(lat(() => true)),
    healthy: summarize(lat((s, e) => s >= 1000 && e < from)),
    window: summarize(lat((s, e) => s < to && e > from)),
    after: summarize(lat((s) => s >= to)),
    perSecond,
    healMs,
  };
}
