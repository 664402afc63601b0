/**
 * Redis faults under light continuous load, two `next start` instances (A, B) sharing one Redis:
 * - Redis killed (SIGKILL) and restarted empty on the same port;
 * - Redis frozen (SIGSTOP) for 5 s, then resumed with all its data.
 * For each: every response is 200, latency stays bounded (baseline measured first, see `bound`),
 * /api/health reports Redis down / breaker open during the fault and up / closed after, and a
 * balance updated through the form on A DURING the fault is shown at once on A, and on B as soon
 * as Redis is back and A has replayed the invalidations it queued.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '@playwright/test';
import { launchBrowser } from '../helpers/browser';
import { startRedis, type RedisServer } from '../helpers/redis-server';
import {
  articleSlugs,
  createMarkedUser,
  health,
  sleep,
  startTwoInstances,
  waitUntil,
  type HealthBody,
  type NextServer,
  type TwoInstances,
} from '../helpers/next-server';
import {
  balanceUpdater,
  dashboardTotal,
  siteBalance,
  startLoad,
  summarizeLatency,
  type Sample,
  type TestUser,
} from './support';

/** The handler's Redis budget per operation (CACHE_REDIS_TIMEOUT_MS, default 150). */
const TIMEOUT_MS = 150;
let app: TwoInstances<RedisServer> | undefined;
let redis: RedisServer | undefined;
let a: NextServer | undefined;
let b: NextServer | undefined;
let browser: Browser | undefined;
let updater: Awaited<ReturnType<typeof balanceUpdater>> | undefined;
let user: TestUser;
let targets: Parameters<typeof startLoad>[0];
/** The running load, stopped by afterAll too if a test fails half-way. */
let load: ReturnType<typeof startLoad> | undefined;
/** Latency without faults, and the max allowed under faults (set from it). */
let baseline: ReturnType<typeof summarizeLatency>;
let bound = 3000;

beforeAll(async () => {
  app = await startTwoInstances({ label: 'faults', redis: () => startRedis(), env: { CACHE_REDIS_TIMEOUT_MS: String(TIMEOUT_MS) } });
  ({ a, b, redis } = app);
  user = await createMarkedUser(app.database.prisma, 'faults', 50_000);
  const slugs = await articleSlugs(app.database.prisma, 3);
  browser = await launchBrowser();
  updater = await balanceUpdater(browser, a, user);
  targets = [
    { server: a, path: '/dashboard', token: user.token },
    { server: b, path: '/dashboard', token: user.token },
    { server: a, path: `/articles/${slugs[0]}` },
    { server: b, path: `/articles/${slugs[1]}` },
    { server: a, path: `/sites/${user.holdingId}`, token: user.token },
    { server: b, path: `/articles/${slugs[2]}` },
    { server: b, path: `/sites/${user.holdingId}`, token: user.token },
    { server: a, path: `/articles/${slugs[1]}` },
  ];
  // Warm both instances (first renders, JIT) so the baseline is steady-state.
  for (let round = 0; round < 2; round++) for (const t of targets) await fetch(`${t.server.url}${t.path}`, { headers: t.token ? { cookie: `se_session=${t.token}` } : {}, redirect: 'manual' }).then((r) => r.arrayBuffer());
}, 15 * 60_000);

afterAll(async () => {
  await load?.stop();
  await updater?.close().catch(() => {});
  await browser?.close().catch(() => {});
  await app?.stop();
}, 60_000);

const bothHealth = async () => Promise.all([health(a!), health(b!)]);

/** Polls both instances until `cond` holds for both; returns what they reported then. */
async function waitForBoth(cond: (h: HealthBody, status: number) => boolean, what: string, timeoutMs = 15_000) {
  let seen: Awaited<ReturnType<typeof bothHealth>> = [] as never;
  await waitUntil(async () => {
    seen = await bothHealth();
    return seen.every((h) => cond(h.body, h.status));
  }, timeoutMs, what, 50);
  return seen;
}

const outage = (h: HealthBody) => h.redis.status === 'down' && h.cache.breaker !== 'closed';
const recovered = (h: HealthBody) => h.redis.status === 'up' && h.cache.breaker === 'closed' && h.cache.pendingInvalidations === 0;

const events: Array<[string, number]> = [];
const mark = (what: string) => events.push([what, Date.now()]);

/** "at +1234 ms after <last event before it>" for failure messages. */
function when(at: number): string {
  const prior = events.filter(([, t]) => t <= at).pop();
  return prior ? `${prior[0]} +${at - prior[1]} ms` : 'before any event';
}

const describeSample = (s: Sample) =>
  `${s.url.replace(a!.url, 'A').replace(b!.url, 'B')} ${s.cache ?? ''} ${Math.round(s.ms)} ms, started ${when(s.at - s.ms)}`;

/**
 * Every response 200 and under `bound`; the median of the requests started during the fault
 * (injection to recovery) within the budget of the baseline median + 3 full Redis timeouts.
 */
function expectServed(samples: Sample[], phase: string, fault: { from: number; to: number }) {
  const slowest = [...samples].sort((x, y) => y.ms - x.ms).slice(0, 4);
  const during = samples.filter((s) => s.at - s.ms >= fault.from && s.at - s.ms <= fault.to);
  const duringStats = summarizeLatency(during);
  console.info(
    `[faults] ${phase}: all ${JSON.stringify(summarizeLatency(samples))}, during the fault ${JSON.stringify(duringStats)}; slowest: ${slowest.map(describeSample).join(' | ')}`,
  );
  const failed = samples.filter((s) => s.status !== 200);
  expect(failed, `${phase}: non-200 responses`).toEqual([]);
  const slow = samples.filter((s) => s.ms > bound).map(describeSample);
  expect(slow, `${phase}: responses slower than ${bound} ms`).toEqual([]);
  expect(during.length, `${phase}: requests made during the fault`).toBeGreaterThanOrEqual(10);
  expect(duringStats.p50, `${phase}: median latency during the fault`).toBeLessThanOrEqual(2 * baseline.p50 + 3 * TIMEOUT_MS);
}

let amount = 70_000;
/** Updates the balance through the form on A; A's pages show it at once. */
async function updateOnA(): Promise<number> {
  amount += 1_234;
  await updater!.update(amount);
  expect(await dashboardTotal(a!, user.token)).toBe(amount);
  expect(await siteBalance(a!, user.token, user.holdingId)).toBe(amount);
  return amount;
}

describe('Redis faults under load', () => {
  it('baseline without faults: all 200; sets the latency bound', async () => {
    load = startLoad(targets);
    await sleep(6000);
    const samples = await load.stop();
    load = undefined;
    const stats = summarizeLatency(samples);
    expect(samples.every((s) => s.status === 200)).toBe(true);
    // A request may wait for up to 3 sequential cache operations (page entry, then data reads
    // inside the render) running into the full budget before the breaker opens: baseline + 3 x
    // TIMEOUT_MS. The machine is shared with other builds and browsers, whose CPU bursts add
    // 1-2.5 s to single requests at random (seen in fault-free runs too), so the worst case is
    // held to max(3 s, 2 x baseline max + 3 x TIMEOUT_MS): well below the 5 s freeze, which is
    // what a request waits without a bounded budget (ioredis defaults: until Redis answers).
    // The typical request is held much tighter (median, see expectServed).
    baseline = stats;
    bound = Math.max(3000, 2 * stats.max + 3 * TIMEOUT_MS);
    console.info(`[faults] baseline ${JSON.stringify(stats)}; bound under faults ${bound} ms`);
  }, 60_000);

  it('Redis killed (SIGKILL) and restarted: served throughout, health down -> up, a change made during the outage is fresh on A and B', async () => {
    load = startLoad(targets);
    await sleep(1000);
    const faultFrom = Date.now();
    mark('SIGKILL');
    process.kill(redis!.pid, 'SIGKILL');
    const down = await waitForBoth((h, status) => outage(h) && h.status === 'degraded' && status === 200, 'both instances to report the outage');
    mark('outage reported');
    expect(down.map((h) => h.body.database.status)).toEqual(['up', 'up']);

    const changed = await updateOnA();
    mark('updated on A');
    expect((await health(a!)).body.cache.pendingInvalidations).toBeGreaterThan(0);
    await sleep(1500); // the outage goes on under load

    await redis!.kill(); // reap the killed process
    await redis!.start(); // same port, empty (no persistence)
    mark('Redis restarted');
    await waitForBoth((h) => recovered(h) && h.status === 'ok', 'both instances to recover');
    const faultTo = Date.now();
    mark('recovery reported');
    expect(await dashboardTotal(b!, user.token)).toBe(changed);
    expect(await siteBalance(b!, user.token, user.holdingId)).toBe(changed);
    expect(await dashboardTotal(a!, user.token)).toBe(changed);
    await sleep(1000);

    const samples = await load.stop();
    load = undefined;
    expectServed(samples, 'SIGKILL', { from: faultFrom, to: faultTo });
    const ca = (await health(a!)).body.cache;
    expect(ca.invalidationsQueued as number).toBeGreaterThan(0);
    expect(ca.invalidationsReplayed as number).toBeGreaterThan(0);
  }, 120_000);

  it('Redis frozen (SIGSTOP) for 5 s: served throughout with bounded latency, health down -> up, the change made meanwhile is fresh on B once A replayed it', async () => {
    // Let B cache the current totals in its L1 and in Redis: they are what the freeze preserves.
    const before = await dashboardTotal(b!, user.token);
    expect(before).toBe(amount);
    load = startLoad(targets);
    await sleep(1000);
    const frozenAt = Date.now();
    mark('SIGSTOP');
    redis!.pause();
    let changed: number;
    try {
      await waitForBoth((h, status) => outage(h) && status === 200, 'both instances to report the freeze');
      mark('freeze reported');
      changed = await updateOnA();
      mark('updated on A');
      expect((await health(a!)).body.cache.pendingInvalidations).toBeGreaterThan(0);
      await sleep(Math.max(0, frozenAt + 5000 - Date.now()));
    } finally {
      redis!.resume();
      mark('SIGCONT');
    }
    const resumedAt = Date.now();
    // Redis still holds B's entries from before the change, and the change only reaches Redis
    // when A replays its queue. Until then B may still show the old total (measured, reported);
    // once A has replayed (pending 0 on A), no instance may serve it.
    const seenOnB: Array<{ at: number; total: number }> = [];
    let observing = true;
    const observer = (async () => {
      while (observing) {
        seenOnB.push({ at: Date.now(), total: await dashboardTotal(b!, user.token).catch(() => -1) });
        await sleep(100);
      }
    })();
    await waitForBoth((h) => recovered(h), 'both instances to recover').finally(() => (observing = false));
    await observer;
    const faultTo = Date.now();
    mark('recovery reported');
    const staleOnB = seenOnB.filter((o) => o.total !== changed!);
    console.info(
      `[faults] SIGSTOP: A replayed within ${faultTo - resumedAt} ms of SIGCONT; meanwhile B showed the pre-freeze total in ${staleOnB.length} of ${seenOnB.length} reads` +
        (staleOnB.length ? ` (last at +${staleOnB[staleOnB.length - 1].at - resumedAt} ms)` : ''),
    );
    expect(await dashboardTotal(b!, user.token)).toBe(changed!);
    expect(await siteBalance(b!, user.token, user.holdingId)).toBe(changed!);
    expect(await dashboardTotal(a!, user.token)).toBe(changed!);
    await sleep(1000);

    const samples = await load.stop();
    load = undefined;
    expectServed(samples, 'SIGSTOP', { from: frozenAt, to: faultTo });
  }, 120_000);
});
