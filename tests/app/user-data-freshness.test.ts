/**
 * The fault matrix for per-user data: two `next start` instances (A, B) on one redis-server
 * started here. For each fault, both instances first hold the user's pages in their caches
 * (in-process and Redis); the fault is injected; the user updates a balance through the real
 * form on A (a Server Action) and, once it is acknowledged, B's dashboard and site page are
 * read again and again while the fault lasts. Every read older than the acknowledged write
 * is counted: the target is 0 whatever Redis does, because per-user cache keys carry the
 * user's data version, which PostgreSQL bumps in the write's own transaction.
 *
 * "Restarted with its old data" covers a promoted replica that missed the invalidation too:
 * to the app both are a Redis whose keys and tag records predate the write.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '@playwright/test';
import { launchBrowser } from '../helpers/browser';
import { redisCli, startRedis, type RedisServer } from '../helpers/redis-server';
import { createMarkedUser, health, startTwoInstances, waitUntil, type NextServer, type TwoInstances } from '../helpers/next-server';
import { balanceUpdater, dashboardTotal, siteBalance, type TestUser } from './support';

/** The handler's Redis budget per operation (CACHE_REDIS_TIMEOUT_MS). */
const TIMEOUT_MS = 150;
/** Reads of each page on B after each acknowledged write, while the fault lasts. */
const READS = 4;

let app: TwoInstances<RedisServer> | undefined;
let redis: RedisServer;
let a: NextServer;
let b: NextServer;
let browser: Browser | undefined;
let updater: Awaited<ReturnType<typeof balanceUpdater>> | undefined;
let user: TestUser;
let amount = 200_000;

beforeAll(async () => {
  app = await startTwoInstances({ label: 'freshness', redis: () => startRedis(), env: { CACHE_REDIS_TIMEOUT_MS: String(TIMEOUT_MS) } });
  ({ a, b, redis } = app);
  user = await createMarkedUser(app.database.prisma, 'freshness', amount);
  browser = await launchBrowser();
  updater = await balanceUpdater(browser, a, user);
}, 15 * 60_000);

afterAll(async () => {
  await updater?.close().catch(() => {});
  await browser?.close().catch(() => {});
  await app?.stop();
}, 60_000);

const healthy = async (server: NextServer) => {
  const { body } = await health(server).catch(() => ({ body: { status: 'down' } as { status: string } }));
  return body.status === 'ok';
};

/** Both instances show the current amount, and each has just cached its pages. */
async function warm() {
  await waitUntil(async () => (await healthy(a)) && (await healthy(b)), 20_000, 'both instances healthy');
  for (const server of [a, b, a, b]) {
    expect(await dashboardTotal(server, user.token)).toBe(amount);
    expect(await siteBalance(server, user.token, user.holdingId)).toBe(amount);
  }
}

/** The update on A, then READS reads of each page on B (and one on A): the stale ones. */
async function writeThenRead(): Promise<string[]> {
  amount += 1_013;
  await updater!.update(amount);
  const stale: string[] = [];
  for (let i = 0; i < READS; i++) {
    const total = await dashboardTotal(b, user.token);
    const balance = await siteBalance(b, user.token, user.holdingId);
    if (total !== amount) stale.push(`B dashboard read ${i}: ${total}, expected ${amount}`);
    if (balance !== amount) stale.push(`B site page read ${i}: ${balance}, expected ${amount}`);
  }
  const own = await siteBalance(a, user.token, user.holdingId);
  if (own !== amount) stale.push(`A site page: ${own}, expected ${amount}`);
  return stale;
}

interface Fault {
  name: string;
  inject(): Promise<void>;
  /** Runs after the reads: the fault ends (Redis answers again). */
  heal(): Promise<void>;
}

const pauseCommand = (mode: 'WRITE' | 'ALL'): Fault => ({
  name: `CLIENT PAUSE ${mode} across the write`,
  // Bounded, so that a pause that also holds UNPAUSE back still ends.
  inject: async () => void (await redisCli(redis.port, 'CLIENT', 'PAUSE', '10000', mode)),
  heal: async () => void (await redisCli(redis.port, 'CLIENT', 'UNPAUSE')),
});

const faults: Fault[] = [
  { name: 'SIGSTOP across the write', inject: async () => redis.pause(), heal: async () => redis.resume() },
  pauseCommand('WRITE'),
  pauseCommand('ALL'),
  { name: 'killed, and restarted empty after the write', inject: () => redis.kill(), heal: () => redis.start() },
  {
    name: 'pub/sub connections killed',
    inject: async () => void (await redisCli(redis.port, 'CLIENT', 'KILL', 'TYPE', 'pubsub')),
    heal: async () => undefined,
  },
];

describe('per-user data after a write, under Redis faults (two instances)', () => {
  for (const fault of faults) {
    it(`${fault.name}: no read older than the acknowledged write`, async () => {
      await warm();
      await fault.inject();
      let stale: string[];
      try {
        stale = await writeThenRead();
      } finally {
        await fault.heal();
      }
      expect(stale).toEqual([]);
    }, 120_000);
  }

  it('restarted with its old data: the pages of the write before the restart stay fresh', async () => {
    await warm();
    await redisCli(redis.port, 'SAVE');
    const stale = await writeThenRead();
    // The write's invalidations reached Redis; the restart loads the keys and tag records from
    // before it (SIGTERM with saving off leaves the snapshot as it was).
    await redis.restart();
    rmSync(path.join(redis.dir, 'dump.rdb'), { force: true }); // later restarts start empty
    for (let i = 0; i < READS; i++) {
      const total = await dashboardTotal(b, user.token);
      const balance = await siteBalance(b, user.token, user.holdingId);
      if (total !== amount) stale.push(`after restart, B dashboard read ${i}: ${total}, expected ${amount}`);
      if (balance !== amount) stale.push(`after restart, B site page read ${i}: ${balance}, expected ${amount}`);
    }
    expect(stale).toEqual([]);
  }, 120_000);

  it('the writing instance killed (SIGKILL) right after the acknowledgement', async () => {
    await warm();
    amount += 1_013;
    await updater!.update(amount);
    process.kill(-a.pid, 'SIGKILL');
    const stale: string[] = [];
    for (let i = 0; i < READS; i++) {
      const total = await dashboardTotal(b, user.token);
      const balance = await siteBalance(b, user.token, user.holdingId);
      if (total !== amount) stale.push(`B dashboard read ${i}: ${total}, expected ${amount}`);
      if (balance !== amount) stale.push(`B site page read ${i}: ${balance}, expected ${amount}`);
    }
    expect(stale).toEqual([]);
  }, 120_000);
});
